-- Programs, sessions, registrations, attendance, feedback and incentives: the outreach programme itself.

ALTER TABLE patrons
    ADD COLUMN updated_at  timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN card_status text NOT NULL DEFAULT 'active' CHECK (card_status IN ('active', 'blocked', 'expired'));
CREATE INDEX patrons_enrolled ON patrons (enrolled_at, id);

-- Partner organizations that can host a program: a projection of the partners service's events.
CREATE TABLE hosts (
    partner_id uuid PRIMARY KEY,
    name       text        NOT NULL,
    status     text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE programs (
    id                uuid PRIMARY KEY,
    kind              text        NOT NULL,
    titles            jsonb       NOT NULL,
    descriptions      jsonb       NOT NULL DEFAULT '{}',
    fallback_language text        NOT NULL,
    age_group         text        NOT NULL,
    audience_tags     text[]      NOT NULL DEFAULT '{}',
    languages         text[]      NOT NULL,
    host_kind         text        NOT NULL CHECK (host_kind IN ('branch', 'partner')),
    host_branch       text,
    host_partner_id   uuid,
    mentor_id         uuid REFERENCES patrons (id),
    mentee_id         uuid REFERENCES patrons (id),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX programs_created ON programs (created_at, id);

CREATE TABLE sessions (
    id                     uuid PRIMARY KEY,
    program_id             uuid        NOT NULL REFERENCES programs (id),
    starts_at              timestamptz NOT NULL,
    ends_at                timestamptz NOT NULL CHECK (ends_at > starts_at),
    timezone               text        NOT NULL,
    place                  jsonb       NOT NULL,
    capacity               int         NOT NULL CHECK (capacity > 0),
    languages              text[]      NOT NULL,
    registration_opens_at  timestamptz,
    registration_closes_at timestamptz,
    devices_needed         jsonb       NOT NULL DEFAULT '{}',
    devices_missing        jsonb       NOT NULL DEFAULT '{}',
    status                 text        NOT NULL CHECK (status IN (
                               'scheduled', 'equipment_pending', 'ready', 'equipment_shortfall', 'cancelled', 'completed')),
    cancel_reason          text,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_program ON sessions (program_id, starts_at);
CREATE INDEX sessions_starts ON sessions (starts_at, id);
CREATE INDEX sessions_to_complete ON sessions (ends_at) WHERE status NOT IN ('cancelled', 'completed');

-- `arrival` orders the waitlist: it is drawn while the session row is locked, so it is the order of arrival.
CREATE TABLE registrations (
    id            uuid PRIMARY KEY,
    session_id    uuid        NOT NULL REFERENCES sessions (id),
    patron_id     uuid        NOT NULL REFERENCES patrons (id),
    status        text        NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
    arrival       bigserial   NOT NULL,
    registered_at timestamptz NOT NULL DEFAULT now(),
    confirmed_at  timestamptz,
    cancelled_at  timestamptz,
    cancel_reason text,
    was           text,
    attendance    text CHECK (attendance IN ('attended', 'no_show'))
);
CREATE UNIQUE INDEX registrations_one_active ON registrations (session_id, patron_id) WHERE status <> 'cancelled';
CREATE INDEX registrations_waitlist ON registrations (session_id, arrival) WHERE status = 'waitlisted';
CREATE INDEX registrations_session ON registrations (session_id, registered_at, id);
CREATE INDEX registrations_patron ON registrations (patron_id, registered_at, id);

CREATE TABLE attendance (
    session_id      uuid        NOT NULL REFERENCES sessions (id),
    patron_id       uuid        NOT NULL REFERENCES patrons (id),
    registration_id uuid REFERENCES registrations (id),
    checked_in_at   timestamptz NOT NULL,
    method          text        NOT NULL CHECK (method IN ('staff', 'kiosk')),
    PRIMARY KEY (session_id, patron_id)
);

-- Each kiosk or scanner scan carries a nonce; a re-sent scan (even under a new event id) counts once.
CREATE TABLE checkin_scans (
    nonce       text PRIMARY KEY,
    session_id  uuid        NOT NULL,
    kiosk_id    text,
    outcome     text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE feedback (
    id               uuid PRIMARY KEY,
    session_id       uuid        NOT NULL REFERENCES sessions (id),
    patron_id        uuid        NOT NULL REFERENCES patrons (id),
    knowledge        smallint    NOT NULL CHECK (knowledge BETWEEN 1 AND 5),
    confidence       smallint    NOT NULL CHECK (confidence BETWEEN 1 AND 5),
    application      smallint    NOT NULL CHECK (application BETWEEN 1 AND 5),
    awareness        smallint    NOT NULL CHECK (awareness BETWEEN 1 AND 5),
    liked_most       text,
    could_be_better  text,
    wants_to_learn   text[]      NOT NULL DEFAULT '{}',
    submitted_at     timestamptz NOT NULL DEFAULT now(),
    follow_up_applied text CHECK (follow_up_applied IN ('yes', 'partly', 'no')),
    follow_up_comment text,
    followed_up_at   timestamptz,
    UNIQUE (session_id, patron_id)
);
CREATE INDEX feedback_created ON feedback (submitted_at, id);

-- Milestones are configured per library (e.g. 3 sessions -> certificate).
CREATE TABLE incentive_milestones (
    code              text PRIMARY KEY,
    sessions_required int  NOT NULL CHECK (sessions_required > 0),
    reward            text NOT NULL,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE incentive_balances (
    patron_id         uuid PRIMARY KEY REFERENCES patrons (id),
    sessions_attended int NOT NULL DEFAULT 0,
    points            int NOT NULL DEFAULT 0
);

-- The primary key is what makes a milestone fire exactly once per patron.
CREATE TABLE incentive_awards (
    patron_id  uuid        NOT NULL REFERENCES patrons (id),
    milestone  text        NOT NULL,
    points     int         NOT NULL,
    awarded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (patron_id, milestone)
);
