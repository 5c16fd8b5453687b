-- Issue 16: recurring series, program registration rules, PLS session format and age band, no-show pauses,
-- one-to-one help appointments and personal calendar feeds.

-- How a program takes registrations: per session or once for a whole series; open to patrons or staff-only; a
-- window relative to each session's start; a no-show policy (off while no_show_limit is null).
ALTER TABLE programs
    ADD COLUMN registration_unit       text NOT NULL DEFAULT 'session' CHECK (registration_unit IN ('session', 'series')),
    ADD COLUMN registration_mode       text NOT NULL DEFAULT 'open' CHECK (registration_mode IN ('open', 'staff_only')),
    ADD COLUMN staff_only_instructions jsonb NOT NULL DEFAULT '{}',
    ADD COLUMN opens_days_before       int CHECK (opens_days_before > 0),
    ADD COLUMN closes_hours_before     int CHECK (closes_hours_before >= 0),
    ADD COLUMN no_show_limit           int CHECK (no_show_limit > 0),
    ADD COLUMN no_show_pause_days      int CHECK (no_show_pause_days > 0);

-- A series: an RFC 5545 recurrence rule with exception dates, expanded in its time zone into sessions.
-- `first_starts_at` is the DTSTART as local wall time in `timezone`; `exdates` are local dates left out.
CREATE TABLE series (
    id               uuid PRIMARY KEY,
    program_id       uuid        NOT NULL REFERENCES programs (id),
    rrule            text        NOT NULL,
    first_starts_at  timestamp   NOT NULL,
    duration_minutes int         NOT NULL CHECK (duration_minutes > 0),
    timezone         text        NOT NULL,
    exdates          date[]      NOT NULL DEFAULT '{}',
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX series_program ON series (program_id, created_at);

-- Sessions carry the PLS format and age band; an occurrence of a series knows its original local start (its
-- RECURRENCE-ID) and whether it was moved on its own (then series edits leave it alone).
ALTER TABLE sessions
    ADD COLUMN series_id  uuid REFERENCES series (id),
    ADD COLUMN occurrence timestamp,
    ADD COLUMN moved      boolean NOT NULL DEFAULT false,
    ADD COLUMN format     text NOT NULL DEFAULT 'in_person_on_site'
        CHECK (format IN ('in_person_on_site', 'in_person_off_site', 'live_virtual')),
    ADD COLUMN hybrid     boolean NOT NULL DEFAULT false,
    ADD COLUMN age_group  text;
UPDATE sessions SET format = CASE place->>'kind' WHEN 'online' THEN 'live_virtual'
                                                 WHEN 'partner_site' THEN 'in_person_off_site'
                                                 ELSE 'in_person_on_site' END;
CREATE UNIQUE INDEX sessions_series_occurrence ON sessions (series_id, occurrence) WHERE series_id IS NOT NULL;

-- A registration for a whole series: one row here, and one registration per remaining occurrence that points to
-- it. `arrival` is drawn under the series row's lock, so it orders the series waitlist.
CREATE TABLE series_registrations (
    id            uuid PRIMARY KEY,
    series_id     uuid        NOT NULL REFERENCES series (id),
    patron_id     uuid        NOT NULL REFERENCES patrons (id),
    status        text        NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
    arrival       bigserial   NOT NULL,
    registered_at timestamptz NOT NULL DEFAULT now(),
    confirmed_at  timestamptz,
    cancelled_at  timestamptz,
    cancel_reason text
);
CREATE UNIQUE INDEX series_registrations_one_active ON series_registrations (series_id, patron_id)
    WHERE status <> 'cancelled';
CREATE INDEX series_registrations_waitlist ON series_registrations (series_id, arrival) WHERE status = 'waitlisted';
CREATE INDEX series_registrations_patron ON series_registrations (patron_id, registered_at, id);
ALTER TABLE registrations ADD COLUMN series_registration_id uuid REFERENCES series_registrations (id);
CREATE INDEX registrations_series_registration ON registrations (series_registration_id)
    WHERE series_registration_id IS NOT NULL;

-- A patron whose self-registration for a program is paused by its no-show policy, until `until` or until staff
-- lift it. Consecutive no-shows are counted only from sessions starting after the last lift.
CREATE TABLE self_registration_pauses (
    patron_id  uuid        NOT NULL REFERENCES patrons (id),
    program_id uuid        NOT NULL REFERENCES programs (id),
    paused_at  timestamptz NOT NULL,
    until      timestamptz NOT NULL,
    lifted_at  timestamptz,
    lifted_by  text,
    PRIMARY KEY (patron_id, program_id)
);

-- One-to-one help (resume and job-application help, tech help, mentoring meetings): slots offered by a staff
-- member or volunteer, booked by one patron. Reported apart from programs.
CREATE TABLE appointment_slots (
    id          uuid PRIMARY KEY,
    kind        text        NOT NULL,
    helper_name text        NOT NULL,
    helper_role text        NOT NULL CHECK (helper_role IN ('staff', 'volunteer')),
    branch      text        NOT NULL,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL CHECK (ends_at > starts_at),
    timezone    text        NOT NULL,
    format      text        NOT NULL CHECK (format IN ('in_person_on_site', 'in_person_off_site', 'live_virtual')),
    languages   text[]      NOT NULL,
    status      text        NOT NULL CHECK (status IN ('open', 'booked', 'cancelled')),
    patron_id   uuid REFERENCES patrons (id),
    booked_at   timestamptz,
    attendance  text CHECK (attendance IN ('attended', 'no_show')),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appointment_slots_starts ON appointment_slots (starts_at, id);
CREATE INDEX appointment_slots_patron ON appointment_slots (patron_id) WHERE patron_id IS NOT NULL;

-- A patron's personal calendar feed: only a hash (hex SHA-256) of its unguessable token is kept; revoking deletes the row.
CREATE TABLE calendar_feeds (
    patron_id  uuid PRIMARY KEY REFERENCES patrons (id),
    token_hash text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
