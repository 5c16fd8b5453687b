-- Staff (a shared mailbox) and partner contacts are recipients too; a bounced address is remembered.
ALTER TABLE recipients DROP CONSTRAINT recipients_kind_check;
ALTER TABLE recipients ADD CONSTRAINT recipients_kind_check CHECK (kind IN ('patron', 'partner_contact', 'staff'));
ALTER TABLE recipients
    ADD COLUMN partner_id       uuid,
    ADD COLUMN email_invalid_at timestamptz,
    ADD COLUMN phone_invalid_at timestamptz;
CREATE INDEX recipients_partner ON recipients (partner_id) WHERE partner_id IS NOT NULL;

-- Partner organizations by name, for messages that mention them (a referral tells the patron who to call).
CREATE TABLE partners (
    id         uuid PRIMARY KEY,
    name       text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- What each recipient chose. No row: the defaults (automatic channels, nothing muted, library quiet hours).
CREATE TABLE preferences (
    recipient_id        uuid PRIMARY KEY REFERENCES recipients (id) ON DELETE CASCADE,
    channels            text[],
    opted_out           text[]      NOT NULL DEFAULT '{}',
    quiet_start         time,
    quiet_end           time,
    quiet_hours_enabled boolean     NOT NULL DEFAULT true,
    timezone            text,
    updated_at          timestamptz NOT NULL DEFAULT now()
);

-- One row per (cause event, recipient, channel, message): the exactly-once key. Bodies are never stored here;
-- `render_data` is what the template needs, dropped after the retention period or at erasure.
CREATE TABLE deliveries (
    id              uuid PRIMARY KEY,
    seq             bigserial   NOT NULL UNIQUE,
    cause_event_id  text        NOT NULL,
    cause_type      text        NOT NULL,
    cause_time      timestamptz NOT NULL,
    recipient_id    uuid,
    about_patron_id uuid,
    message         text        NOT NULL,
    category        text        NOT NULL,
    channel         text        NOT NULL,
    language        text        NOT NULL,
    timezone        text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('scheduled', 'sending', 'sent', 'failed', 'suppressed', 'cancelled')),
    reason          text,
    attempts        integer     NOT NULL DEFAULT 0,
    send_after      timestamptz NOT NULL,
    lease_until     timestamptz,
    group_key       text,
    render_data     jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);
CREATE UNIQUE INDEX deliveries_once ON deliveries (cause_event_id, recipient_id, channel, message);
CREATE INDEX deliveries_due ON deliveries (send_after) WHERE status = 'scheduled';
CREATE INDEX deliveries_stuck ON deliveries (lease_until) WHERE status = 'sending';
CREATE INDEX deliveries_group ON deliveries (group_key) WHERE status = 'scheduled';
CREATE INDEX deliveries_recipient ON deliveries (recipient_id, seq);
CREATE INDEX deliveries_about ON deliveries (about_patron_id) WHERE about_patron_id IS NOT NULL;
CREATE INDEX deliveries_settled ON deliveries (updated_at) WHERE render_data IS NOT NULL;

-- In-app messages, rendered when delivered; the patron reads them through the edge.
CREATE TABLE inbox_messages (
    id           uuid PRIMARY KEY,
    seq          bigserial   NOT NULL UNIQUE,
    recipient_id uuid        NOT NULL REFERENCES recipients (id) ON DELETE CASCADE,
    delivery_id  uuid        NOT NULL UNIQUE,
    message      text        NOT NULL,
    subject      text        NOT NULL,
    body         text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    read_at      timestamptz
);
CREATE INDEX inbox_messages_recipient ON inbox_messages (recipient_id, seq);
