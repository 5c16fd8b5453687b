-- Idempotency-Key of POST requests: the first response is kept and replayed to a retry of the same request.
CREATE TABLE idempotency_keys (
    principal   text        NOT NULL,
    key         text        NOT NULL,
    method      text        NOT NULL,
    path        text        NOT NULL,
    body_hash   text        NOT NULL,
    state       text        NOT NULL CHECK (state IN ('in_progress', 'completed')),
    status      int,
    headers     jsonb,
    body        bytea,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (principal, key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
