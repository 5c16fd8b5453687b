-- Consent to SMS, per recipient and for one number: when and how it was given or withdrawn (a reply of STOP is a
-- withdrawal). Goes with the recipient at erasure.
CREATE TABLE sms_consent (
    recipient_id uuid        PRIMARY KEY REFERENCES recipients (id) ON DELETE CASCADE,
    phone        text        NOT NULL,
    opted_in     boolean     NOT NULL,
    source       text        NOT NULL CHECK (source IN ('enrolment', 'preferences', 'keyword')),
    changed_at   timestamptz NOT NULL
);
CREATE INDEX sms_consent_phone ON sms_consent (phone);

-- What the SMS provider last said about a sent text (queued, sent, delivered, undelivered, failed) and its error code.
ALTER TABLE deliveries
    ADD COLUMN provider_status    text,
    ADD COLUMN provider_error     integer,
    ADD COLUMN provider_status_at timestamptz;
