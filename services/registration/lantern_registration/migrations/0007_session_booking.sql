-- The space booked for a session (a booking in the devices service, which lends spaces), when there is one.
ALTER TABLE sessions ADD COLUMN booking_id uuid;
