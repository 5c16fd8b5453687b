-- Spaces: branches with opening hours and closures, rooms and creation spaces, and bookings of them.
-- No two live bookings of a space may overlap once padded with their setup and teardown time: the database
-- refuses the second (an exclusion constraint), so concurrent requests cannot both win.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE branches (
    code       text PRIMARY KEY,
    name       text        NOT NULL,
    timezone   text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- One opening interval per ISO weekday (1 = Monday); a weekday without a row is a day the branch is closed.
CREATE TABLE branch_hours (
    branch  text     NOT NULL REFERENCES branches (code) ON DELETE CASCADE,
    weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens   time     NOT NULL,
    closes  time     NOT NULL CHECK (closes > opens),
    PRIMARY KEY (branch, weekday)
);

-- Whole local days the branch is closed (holidays, repairs), first and last day included.
CREATE TABLE branch_closures (
    id         uuid PRIMARY KEY,
    branch     text        NOT NULL REFERENCES branches (code) ON DELETE CASCADE,
    starts_on  date        NOT NULL,
    ends_on    date        NOT NULL CHECK (ends_on >= starts_on),
    reason     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX branch_closures_by_branch ON branch_closures (branch, starts_on);

CREATE TABLE spaces (
    id                 uuid PRIMARY KEY,
    branch             text        NOT NULL REFERENCES branches (code),
    name               text        NOT NULL,
    kind               text        NOT NULL CHECK (kind IN ('meeting_room', 'computer_lab', 'makerspace', 'study_room')),
    capacity           integer     NOT NULL CHECK (capacity > 0),
    equipment          text[]      NOT NULL DEFAULT '{}',
    requires_approval  boolean     NOT NULL DEFAULT false,
    setup_minutes      integer     NOT NULL DEFAULT 0 CHECK (setup_minutes BETWEEN 0 AND 240),
    teardown_minutes   integer     NOT NULL DEFAULT 0 CHECK (teardown_minutes BETWEEN 0 AND 240),
    active             boolean     NOT NULL DEFAULT true,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (branch, name)
);

CREATE TABLE space_bookings (
    id               uuid PRIMARY KEY,
    space_id         uuid        NOT NULL REFERENCES spaces (id),
    purpose          text        NOT NULL CHECK (purpose IN ('session', 'partner_training')),
    partner_id       uuid,
    session_id       uuid,
    title            text        NOT NULL,
    attendees        integer     CHECK (attendees > 0),
    starts_at        timestamptz NOT NULL,
    ends_at          timestamptz NOT NULL CHECK (ends_at > starts_at),
    setup_minutes    integer     NOT NULL CHECK (setup_minutes >= 0),
    teardown_minutes integer     NOT NULL CHECK (teardown_minutes >= 0),
    -- The time the space is taken: the booking widened by its setup and teardown (computed by the service:
    -- timestamptz arithmetic is not immutable, so it cannot be a generated column).
    held             tstzrange   NOT NULL CHECK (lower(held) <= starts_at AND upper(held) >= ends_at),
    status           text        NOT NULL CHECK (status IN ('requested', 'approved', 'declined', 'cancelled')),
    requested_by     text        NOT NULL,
    decided_by       text,
    decided_at       timestamptz,
    reason           text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (purpose <> 'partner_training' OR partner_id IS NOT NULL),
    -- A request waiting for approval holds its time too: first come, first considered.
    CONSTRAINT space_bookings_no_overlap EXCLUDE USING gist (space_id WITH =, held WITH &&)
        WHERE (status IN ('requested', 'approved'))
);
CREATE INDEX space_bookings_by_partner ON space_bookings (partner_id, starts_at) WHERE partner_id IS NOT NULL;
CREATE INDEX space_bookings_by_session ON space_bookings (session_id) WHERE session_id IS NOT NULL;
CREATE INDEX space_bookings_by_time ON space_bookings (starts_at, id);
