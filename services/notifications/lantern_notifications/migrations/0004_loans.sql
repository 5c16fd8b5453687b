-- Who holds which loan, while it is out: a deactivation request names the loan, not the borrower. Deleted on return
-- (library privacy practice: no loan history kept here).
CREATE TABLE loans (
    id            uuid PRIMARY KEY,
    borrower_kind text        NOT NULL,
    borrower_id   uuid        NOT NULL,
    device_kind   text        NOT NULL,
    asset_tag     text        NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX loans_borrower ON loans (borrower_id);
