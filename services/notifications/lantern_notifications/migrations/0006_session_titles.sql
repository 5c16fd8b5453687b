-- A session's title in each language it was given in, so a registrant reads it in theirs.
CREATE TABLE session_titles (
    session_id uuid PRIMARY KEY,
    titles     jsonb       NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
