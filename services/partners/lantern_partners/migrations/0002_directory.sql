-- Partner records as one HSDS-shaped document per organization, with the columns and index tables that
-- lists, search, uniqueness of child ids and reports need. The document is the truth; the rest is derived
-- from it in the same transaction.
ALTER TABLE organizations
    ADD COLUMN kind              text        NOT NULL DEFAULT 'other',
    ADD COLUMN record            jsonb       NOT NULL DEFAULT '{}',
    ADD COLUMN content_hash      text        NOT NULL DEFAULT '',
    ADD COLUMN status_changed_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX organizations_name ON organizations (lower(name), id);
CREATE INDEX organizations_kind_status ON organizations (kind, status);

CREATE TABLE partner_status_history (
    id              bigserial PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    from_status     text,
    to_status       text        NOT NULL,
    reason          text,
    changed_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX partner_status_history_org ON partner_status_history (organization_id, id);

-- One row per service in the directory (rewritten whenever its organization's record is saved).
CREATE TABLE services (
    id              uuid PRIMARY KEY,
    organization_id uuid    NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name            text    NOT NULL,
    status          text    NOT NULL,
    needs           text[]  NOT NULL DEFAULT '{}',
    languages       text[]  NOT NULL DEFAULT '{}',
    minimum_age     numeric,
    maximum_age     numeric,
    verified_on     date
);
CREATE INDEX services_org ON services (organization_id);
CREATE INDEX services_needs ON services USING gin (needs);
CREATE INDEX services_verified ON services ((coalesce(verified_on, DATE '0001-01-01')), id);

-- Child ids are global in HSDS: a location or contact belongs to exactly one organization.
CREATE TABLE locations (
    id              uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    postal_code     text
);
CREATE INDEX locations_org ON locations (organization_id);

CREATE TABLE contacts (
    id              uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE
);
CREATE INDEX contacts_org ON contacts (organization_id);

CREATE TABLE agreements (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organizations (id),
    kind            text        NOT NULL,
    starts_on       date        NOT NULL,
    ends_on         date,
    notes           text        NOT NULL DEFAULT '',
    library_contact text        NOT NULL,
    signed_at       timestamptz NOT NULL DEFAULT now(),
    ended_on        date,
    end_reason      text,
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX agreements_org ON agreements (organization_id);
CREATE INDEX agreements_open_ends ON agreements (ends_on) WHERE ended_on IS NULL;

-- What registration told us about each patron's consent to be referred; personal data only while consented.
CREATE TABLE patron_consents (
    patron_id  uuid PRIMARY KEY,
    consent    boolean     NOT NULL,
    first_name text,
    email      text,
    phone      text,
    erased_at  timestamptz,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Referrals keep the service's name as it was: a service may later leave the directory.
CREATE TABLE referrals (
    id              uuid PRIMARY KEY,
    patron_id       uuid,
    organization_id uuid        NOT NULL REFERENCES organizations (id),
    service_id      uuid        NOT NULL,
    service_name    text        NOT NULL,
    need            text        NOT NULL,
    contact_id      uuid,
    shared_fields   text[]      NOT NULL DEFAULT '{}',
    outcome         text        NOT NULL DEFAULT 'pending',
    outcome_note    text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    outcome_at      timestamptz
);
CREATE INDEX referrals_patron ON referrals (patron_id) WHERE patron_id IS NOT NULL;
CREATE INDEX referrals_org ON referrals (organization_id, created_at);
CREATE INDEX referrals_created ON referrals (created_at, id);

-- Devices lent to partner organizations, as the devices service reports them.
CREATE TABLE partner_loans (
    loan_id         uuid PRIMARY KEY,
    organization_id uuid        NOT NULL,
    device_kind     text        NOT NULL,
    started_at      timestamptz,
    returned_at     timestamptz
);
CREATE INDEX partner_loans_out ON partner_loans (organization_id) WHERE returned_at IS NULL;

CREATE TABLE distribution_lists (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL UNIQUE,
    description text        NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE distribution_list_members (
    list_id         uuid NOT NULL REFERENCES distribution_lists (id) ON DELETE CASCADE,
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    contact_id      uuid,
    added_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (list_id, organization_id)
);

CREATE TABLE broadcasts (
    id                uuid PRIMARY KEY,
    list_id           uuid        NOT NULL REFERENCES distribution_lists (id),
    category          text        NOT NULL,
    subject           jsonb       NOT NULL,
    body              jsonb       NOT NULL,
    fallback_language text        NOT NULL,
    contact_ids       uuid[]      NOT NULL,
    requested_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX broadcasts_list ON broadcasts (list_id, requested_at);
