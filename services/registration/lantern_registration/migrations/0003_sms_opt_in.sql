-- Agreement to text messages, asked at enrolment: whether and when (notifications keeps consent from then on,
-- including STOP replies). Blanked at erasure with the phone number.
ALTER TABLE patrons
    ADD COLUMN sms_opt_in    boolean NOT NULL DEFAULT false,
    ADD COLUMN sms_opt_in_at timestamptz;
