-- Guests without a library card sign in with a one-time code sent to their email. The edge keeps the email only as
-- a keyed hash, the code only as a keyed hash, at most one live code per email; and which patron an email signs in as.
CREATE TABLE guest_codes (
    email_hash  bytea       PRIMARY KEY,  -- HMAC-SHA256(card_hash_key, 'email:' + lower-cased address)
    code_hash   bytea       NOT NULL,     -- HMAC-SHA256(card_hash_key, email_hash + code)
    sent_at     timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);

CREATE TABLE patron_emails (
    email_hash  bytea       PRIMARY KEY,
    patron_id   uuid        NOT NULL,
    linked_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patron_emails_patron ON patron_emails (patron_id);
