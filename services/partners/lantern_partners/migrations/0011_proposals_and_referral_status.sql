-- Partner self-service: a partner contact proposes a new version of their organization's record; staff apply it
-- (recording when and by whom it was assured) or reject it. The record itself changes only on apply.
CREATE TABLE record_proposals (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    record          jsonb       NOT NULL,
    based_on        text        NOT NULL,  -- the content hash of the record the partner saw
    note            text,
    state           text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'applied', 'rejected')),
    proposed_by     text        NOT NULL,
    proposed_at     timestamptz NOT NULL DEFAULT now(),
    reviewed_by     text,
    reviewed_at     timestamptz,
    review_note     text,
    assured_on      date,
    assurer_email   text
);
CREATE INDEX record_proposals_state ON record_proposals (state, proposed_at, id);
CREATE INDEX record_proposals_org ON record_proposals (organization_id, proposed_at);

-- Closed-loop referrals: every status change, by whom and as which party (referrer, partner, patron).
ALTER TABLE referrals DROP CONSTRAINT IF EXISTS referrals_outcome_check;
ALTER TABLE referrals ADD COLUMN outcome_party text;
CREATE TABLE referral_status_changes (
    id          bigserial PRIMARY KEY,
    referral_id uuid        NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    from_status text        NOT NULL,
    to_status   text        NOT NULL,
    party       text        NOT NULL CHECK (party IN ('referrer', 'partner', 'patron')),
    changed_by  text        NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referral_status_changes_referral ON referral_status_changes (referral_id, id);

-- The HSDS service_at_location id of each place a service is offered at (derived from the service and the location,
-- as the HSDS export derives it), so the read API can find one by its id.
ALTER TABLE service_places ADD COLUMN id uuid;
CREATE UNIQUE INDEX service_places_id ON service_places (id);
