-- Notifications' projection of the people it writes to, fed by events. Contact points are personal data.
CREATE TABLE recipients (
    id                 uuid PRIMARY KEY,
    kind               text        NOT NULL CHECK (kind IN ('patron', 'partner_contact')),
    name               text        NOT NULL,
    email              text,
    phone              text,
    language           text        NOT NULL,
    consent_to_contact boolean     NOT NULL DEFAULT false,
    updated_at         timestamptz NOT NULL DEFAULT now()
);
