-- Patron sign-in with a library card: which Lantern patron a card belongs to (the card number only as a keyed
-- hash), the refresh tokens handed out (only their hashes), and wrong-PIN counts per card and per client address.
CREATE TABLE patron_cards (
    card_hash   bytea       PRIMARY KEY,  -- HMAC-SHA256(card_hash_key, card number)
    patron_id   uuid        NOT NULL,
    linked_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patron_cards_patron ON patron_cards (patron_id);

CREATE TABLE patron_refresh_tokens (
    token_hash  bytea       PRIMARY KEY,  -- SHA-256 of the token; the token itself is never stored
    patron_id   uuid        NOT NULL,
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patron_refresh_tokens_patron ON patron_refresh_tokens (patron_id);

CREATE TABLE signin_failures (
    subject       text        PRIMARY KEY,  -- 'card:<hex of the card hash>' or 'address:<client address>'
    failures      int         NOT NULL,
    window_start  timestamptz NOT NULL,
    locked_until  timestamptz
);
