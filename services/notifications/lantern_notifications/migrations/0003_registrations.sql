-- Who holds a place in which session, as last told by registration: a moved session reaches its registrants
-- and its reminders move with it.
CREATE TABLE registrations (
    id            uuid PRIMARY KEY,
    session_id    uuid        NOT NULL,
    patron_id     uuid        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
    session_title text        NOT NULL,
    starts_at     timestamptz NOT NULL,
    ends_at       timestamptz NOT NULL,
    timezone      text        NOT NULL,
    place_name    text        NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registrations_session ON registrations (session_id) WHERE status <> 'cancelled';
CREATE INDEX registrations_patron ON registrations (patron_id);
