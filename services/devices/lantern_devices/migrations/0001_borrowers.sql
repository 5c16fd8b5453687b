-- Devices' projection of patrons and partner organizations who may borrow, fed by their events.
CREATE TABLE borrowers (
    id         uuid PRIMARY KEY,
    kind       text        NOT NULL CHECK (kind IN ('patron', 'partner')),
    status     text        NOT NULL CHECK (status IN ('active', 'blocked', 'lapsed', 'erased')),
    updated_at timestamptz NOT NULL DEFAULT now()
);
