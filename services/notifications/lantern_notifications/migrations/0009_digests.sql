-- Several deliveries sent as one message (a digest) each keep their own row; `digest_id` names the delivery whose
-- id the message carried (its reference and idempotency key), so the log shows which went out together.
ALTER TABLE deliveries ADD COLUMN digest_id uuid;
-- A digest's members are looked up by recipient among what waits.
CREATE INDEX deliveries_waiting_for ON deliveries (recipient_id, channel, send_after) WHERE status = 'scheduled';
