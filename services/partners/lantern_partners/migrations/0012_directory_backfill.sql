-- When each organization's search rows were last written. Organizations saved before the search rows existed
-- (0010) have none: the leader's `partners-directory-backfill` job writes them from their records, a batch at a time.
ALTER TABLE organizations ADD COLUMN indexed_at timestamptz;
CREATE INDEX organizations_not_indexed ON organizations (id) WHERE indexed_at IS NULL;
