CREATE TABLE patrons (
    id                   uuid PRIMARY KEY,
    name                 text,
    email                text,
    phone                text,
    preferred_language   text        NOT NULL DEFAULT 'en',
    library_card_number  text UNIQUE,
    accessibility_needs  text,
    consent_to_contact   boolean     NOT NULL DEFAULT false,
    consent_to_referral  boolean     NOT NULL DEFAULT false,
    enrolled_at          timestamptz NOT NULL DEFAULT now(),
    erased_at            timestamptz
);
