-- The long-loan programme: its rules per kind, applications on a prioritised waiting list, and offers of units.
CREATE TABLE programme_rules (
    device_kind text        PRIMARY KEY,
    rules       jsonb       NOT NULL,
    updated_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE applications (
    id                   uuid PRIMARY KEY,
    patron_id            uuid,        -- NULL once the patron is erased; counts stay
    device_kind          text        NOT NULL,
    need                 text        NOT NULL,
    internet_at_home     boolean     NOT NULL,
    household_size       int         NOT NULL CHECK (household_size BETWEEN 1 AND 30),
    preferred_language   text        NOT NULL,
    postcode             text,
    referring_partner_id uuid,
    partner_may_be_told  boolean     NOT NULL DEFAULT false,
    submitted_by         text        NOT NULL CHECK (submitted_by IN ('patron', 'partner', 'staff')),
    priority             int         NOT NULL,
    status               text        NOT NULL CHECK (status IN ('waiting', 'offered', 'served', 'lapsed', 'withdrawn')),
    applied_at           timestamptz NOT NULL,
    served_at            timestamptz,
    closed_at            timestamptz,
    loan_id              uuid,
    created_at           timestamptz NOT NULL DEFAULT now(),
    CHECK (patron_id IS NOT NULL OR status NOT IN ('waiting', 'offered'))
);
CREATE UNIQUE INDEX one_open_application_per_patron_and_kind ON applications (patron_id, device_kind)
    WHERE status IN ('waiting', 'offered');
CREATE INDEX applications_waiting_list ON applications (device_kind, priority DESC, applied_at, id) WHERE status = 'waiting';
CREATE INDEX applications_page ON applications (created_at, id);

CREATE TABLE application_offers (
    id             uuid PRIMARY KEY,
    application_id uuid        NOT NULL REFERENCES applications (id),
    device_id      uuid        NOT NULL REFERENCES devices (id),
    device_kind    text        NOT NULL,
    pickup_branch  text        NOT NULL,
    offered_at     timestamptz NOT NULL,
    pickup_until   timestamptz NOT NULL,
    status         text        NOT NULL CHECK (status IN ('open', 'accepted', 'lapsed', 'withdrawn')),
    closed_at      timestamptz,
    loan_id        uuid,
    created_at     timestamptz NOT NULL DEFAULT now()
);
-- Whatever the application does, a unit is offered to one applicant at a time, and an applicant holds one offer.
CREATE UNIQUE INDEX one_open_offer_per_device ON application_offers (device_id) WHERE status = 'open';
CREATE UNIQUE INDEX one_open_offer_per_application ON application_offers (application_id) WHERE status = 'open';
CREATE INDEX open_offers_by_pickup ON application_offers (pickup_until) WHERE status = 'open';
CREATE INDEX offers_by_application ON application_offers (application_id);
CREATE INDEX offers_page ON application_offers (created_at, id);

-- A loan that serves an application runs on the programme's period and renewals.
ALTER TABLE loans ADD COLUMN application_id uuid;
