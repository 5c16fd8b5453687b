-- Who did it, as the edge forwards it (X-Lantern-Actor, e.g. `staff:<id>`), or the system that sent an update.
ALTER TABLE partner_status_history ADD COLUMN changed_by text NOT NULL DEFAULT 'unspecified';
ALTER TABLE agreements ADD COLUMN signed_by text NOT NULL DEFAULT 'unspecified';
ALTER TABLE agreements ADD COLUMN ended_by text;
ALTER TABLE referrals ADD COLUMN made_by text NOT NULL DEFAULT 'unspecified';
ALTER TABLE referrals ADD COLUMN outcome_by text;
ALTER TABLE broadcasts ADD COLUMN requested_by text NOT NULL DEFAULT 'unspecified';
