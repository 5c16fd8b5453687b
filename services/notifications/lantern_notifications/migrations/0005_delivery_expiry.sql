-- A message that only makes sense before a moment (a reminder before its session starts, a due-soon notice before
-- the due date) is dropped if quiet hours or retries would carry it past that moment.
ALTER TABLE deliveries ADD COLUMN expires_at timestamptz;
