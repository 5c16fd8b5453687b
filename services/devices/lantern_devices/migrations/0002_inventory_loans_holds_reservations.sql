-- Inventory, loans, holds and session reservations.
-- btree_gist is a trusted extension: the database owner may create it (PostgreSQL 13+), no superuser needed.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Partners may be prospects (registered, not yet active); blocks are set by staff and say why.
ALTER TABLE borrowers DROP CONSTRAINT borrowers_status_check;
ALTER TABLE borrowers ADD CONSTRAINT borrowers_status_check
    CHECK (status IN ('active', 'blocked', 'lapsed', 'erased', 'prospect'));
ALTER TABLE borrowers ADD COLUMN blocked_reason text;

CREATE TABLE devices (
    id             uuid PRIMARY KEY,
    kind           text        NOT NULL CHECK (kind IN ('hotspot', 'laptop', 'chromebook', 'tablet', 'training_kit')),
    asset_tag      text        NOT NULL UNIQUE,
    serial         text        NOT NULL UNIQUE,
    home_branch    text        NOT NULL,
    model          text,
    contents       jsonb       NOT NULL DEFAULT '[]',  -- a kit's list: [{"item": "laptop", "count": 10}, ...]
    emergency_pool boolean     NOT NULL DEFAULT false,
    state          text        NOT NULL DEFAULT 'available' CHECK (state IN
                       ('available', 'on_loan', 'reserved', 'quarantined', 'in_maintenance', 'lost', 'retired')),
    last_seen_at   timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX devices_by_kind_state ON devices (kind, state, asset_tag);
CREATE INDEX devices_page ON devices (created_at, id);

-- The audit trail: every state change, who made it and why.
CREATE TABLE device_state_changes (
    id         bigserial PRIMARY KEY,
    device_id  uuid        NOT NULL REFERENCES devices (id),
    from_state text,
    to_state   text        NOT NULL,
    reason     text        NOT NULL,
    actor      text        NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX device_state_changes_by_device ON device_state_changes (device_id, id);

CREATE TABLE loans (
    id                        uuid PRIMARY KEY,
    device_id                 uuid        NOT NULL REFERENCES devices (id),
    device_kind               text        NOT NULL,
    asset_tag                 text        NOT NULL,
    borrower_kind             text        NOT NULL CHECK (borrower_kind IN ('patron', 'partner')),
    borrower_id               uuid,       -- NULL once anonymized after return; counts stay
    started_at                timestamptz NOT NULL,
    due_at                    timestamptz NOT NULL,
    renewals                  int         NOT NULL DEFAULT 0,
    emergency                 boolean     NOT NULL DEFAULT false,
    returned_at               timestamptz,
    condition                 text,
    missing_accessories       jsonb       NOT NULL DEFAULT '[]',
    cleared_at                timestamptz, -- the wipe after this loan's return was confirmed
    anonymized_at             timestamptz,
    due_soon_notified_at      timestamptz,
    overdue_notified_at       timestamptz,
    deactivation_requested_at timestamptz,
    recall_requested_at       timestamptz,
    created_at                timestamptz NOT NULL DEFAULT now(),
    CHECK (borrower_id IS NOT NULL OR anonymized_at IS NOT NULL)
);
-- No double lending: whatever the application does, a device has at most one open loan.
CREATE UNIQUE INDEX one_open_loan_per_device ON loans (device_id) WHERE returned_at IS NULL;
CREATE INDEX loans_open_by_due ON loans (due_at) WHERE returned_at IS NULL;
CREATE INDEX loans_by_borrower ON loans (borrower_id, created_at);
CREATE INDEX loans_page ON loans (created_at, id);
CREATE INDEX loans_to_anonymize ON loans (cleared_at) WHERE anonymized_at IS NULL AND cleared_at IS NOT NULL;

CREATE TABLE holds (
    id            uuid PRIMARY KEY,
    device_kind   text        NOT NULL,
    borrower_kind text        NOT NULL CHECK (borrower_kind IN ('patron', 'partner')),
    borrower_id   uuid,
    pickup_branch text,
    status        text        NOT NULL CHECK (status IN ('waiting', 'ready', 'fulfilled', 'expired', 'cancelled')),
    queued        bigserial   NOT NULL,  -- queue order: first placed, first served
    device_id     uuid REFERENCES devices (id),
    ready_until   timestamptz,
    placed_at     timestamptz NOT NULL,
    closed_at     timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX one_live_hold_per_borrower_and_kind ON holds (borrower_id, device_kind) WHERE status IN ('waiting', 'ready');
CREATE UNIQUE INDEX one_ready_hold_per_device ON holds (device_id) WHERE status = 'ready';
CREATE INDEX holds_queue ON holds (device_kind, queued) WHERE status = 'waiting';
CREATE INDEX holds_page ON holds (created_at, id);

-- Units set aside for a session or a partner training over a time window.
CREATE TABLE reservations (
    id          uuid PRIMARY KEY,      -- the session id for sessions
    purpose     text        NOT NULL CHECK (purpose IN ('session', 'partner_training')),
    partner_id  uuid,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL CHECK (ends_at > starts_at),
    requested   jsonb       NOT NULL,
    missing     jsonb       NOT NULL DEFAULT '{}',
    status      text        NOT NULL CHECK (status IN ('reserved', 'failed', 'released')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reservations_page ON reservations (created_at, id);

CREATE TABLE reserved_devices (
    reservation_id uuid      NOT NULL REFERENCES reservations (id) ON DELETE CASCADE,
    device_id      uuid      NOT NULL REFERENCES devices (id),
    during         tstzrange NOT NULL,
    PRIMARY KEY (reservation_id, device_id),
    -- Overlapping windows never share a device.
    EXCLUDE USING gist (device_id WITH =, during WITH &&)
);
