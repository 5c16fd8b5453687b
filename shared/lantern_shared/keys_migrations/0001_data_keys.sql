-- Per-patron data keys for crypto-shredding (lantern_shared.sealing). Erasure sets key to NULL: the row stays only
-- so that nothing is sealed again under a new key for an erased patron. Subjects are ids, never personal data.
CREATE TABLE data_keys (
    subject      text        PRIMARY KEY,  -- 'patron:<uuid>'
    key          bytea,                    -- 32 random bytes (AES-256-GCM); NULL once destroyed
    created_at   timestamptz NOT NULL DEFAULT now(),
    destroyed_at timestamptz,
    CHECK ((key IS NULL) = (destroyed_at IS NOT NULL))
);
