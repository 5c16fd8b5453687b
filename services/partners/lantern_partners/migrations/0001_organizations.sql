-- Partner organizations, shaped on Open Referral HSDS 3.0 `organization`.
CREATE TABLE organizations (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL,
    description text        NOT NULL DEFAULT '',
    email       text,
    website     text,
    status      text        NOT NULL DEFAULT 'prospect' CHECK (status IN ('prospect', 'active', 'lapsed')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
