"""The partners service's SQL: plain, parameterised, returning typed objects."""

import json
from datetime import date, datetime
from typing import Any
from uuid import UUID

import asyncpg
from pydantic import BaseModel

from .domain import Agreement, DirectoryEntry, Partner, PartnerRecord

# --- partners ---------------------------------------------------------------------------------------------

_PARTNER = "SELECT id, status, status_changed_at, record, content_hash FROM organizations"


def _partner(row: asyncpg.Record) -> Partner:
    return Partner(id=row["id"], status=row["status"], status_changed_at=row["status_changed_at"], **json.loads(row["record"]))


async def get_partner(conn: asyncpg.Connection, partner_id: UUID, *, for_update: bool = False) -> Partner | None:
    row = await conn.fetchrow(f"{_PARTNER} WHERE id = $1{' FOR UPDATE' if for_update else ''}", partner_id)
    return _partner(row) if row else None


async def content_hash(conn: asyncpg.Connection, partner_id: UUID) -> str | None:
    return await conn.fetchval("SELECT content_hash FROM organizations WHERE id = $1", partner_id)


async def lock_partner_id(conn: asyncpg.Connection, partner_id: UUID) -> None:
    """Serialise concurrent saves of one organization, including its very first one."""
    await conn.execute("SELECT pg_advisory_xact_lock(hashtextextended($1, 7))", str(partner_id))


async def insert_partner(
    conn: asyncpg.Connection, partner_id: UUID, record: PartnerRecord, digest: str, status: str, actor: str,
) -> None:
    await conn.execute(
        """INSERT INTO organizations (id, name, description, email, website, kind, record, content_hash, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""",
        partner_id, record.name, record.description, record.email, record.website, record.kind,
        record.model_dump_json(), digest, status,
    )
    await conn.execute(
        "INSERT INTO partner_status_history (organization_id, from_status, to_status, reason, changed_by) "
        "VALUES ($1, NULL, $2, 'registered', $3)",
        partner_id, status, actor,
    )


async def update_record(conn: asyncpg.Connection, partner_id: UUID, record: PartnerRecord, digest: str) -> None:
    await conn.execute(
        """UPDATE organizations SET name = $2, description = $3, email = $4, website = $5, kind = $6, record = $7,
                  content_hash = $8, updated_at = now() WHERE id = $1""",
        partner_id, record.name, record.description, record.email, record.website, record.kind,
        record.model_dump_json(), digest,
    )


async def children_of_others(conn: asyncpg.Connection, partner_id: UUID, record: PartnerRecord) -> list[str]:
    """Child ids in this record that already belong to another organization (HSDS ids are global)."""
    rows = await conn.fetch(
        """SELECT 'service' AS what, id FROM services WHERE id = ANY($2::uuid[]) AND organization_id <> $1
           UNION ALL SELECT 'location', id FROM locations WHERE id = ANY($3::uuid[]) AND organization_id <> $1
           UNION ALL SELECT 'contact', id FROM contacts WHERE id = ANY($4::uuid[]) AND organization_id <> $1""",
        partner_id, [s.id for s in record.services], [loc.id for loc in record.locations], [c.id for c in record.contacts],
    )
    return [f"{r['what']} {r['id']} belongs to another organization" for r in rows]


async def reindex(conn: asyncpg.Connection, partner_id: UUID, record: PartnerRecord) -> None:
    """Rewrite the rows search and lookups use, from the record just saved."""
    for table in ("services", "locations", "contacts"):
        await conn.execute(f"DELETE FROM {table} WHERE organization_id = $1", partner_id)
    await conn.executemany(
        """INSERT INTO services (id, organization_id, name, status, needs, languages, minimum_age, maximum_age, verified_on)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""",
        [(s.id, partner_id, s.name, s.status, s.needs, s.languages, s.minimum_age, s.maximum_age, s.verified_on)
         for s in record.services],
    )
    await conn.executemany(
        "INSERT INTO locations (id, organization_id, postal_code) VALUES ($1, $2, $3)",
        [(loc.id, partner_id, loc.postal_code) for loc in record.locations],
    )
    await conn.executemany(
        "INSERT INTO contacts (id, organization_id) VALUES ($1, $2)", [(c.id, partner_id) for c in record.contacts]
    )


async def set_status(
    conn: asyncpg.Connection, partner_id: UUID, old: str, new: str, reason: str | None, actor: str,
) -> datetime:
    changed_at = await conn.fetchval(
        "UPDATE organizations SET status = $2, status_changed_at = now(), updated_at = now() WHERE id = $1 "
        "RETURNING status_changed_at",
        partner_id, new,
    )
    await conn.execute(
        "INSERT INTO partner_status_history (organization_id, from_status, to_status, reason, changed_by) "
        "VALUES ($1, $2, $3, $4, $5)",
        partner_id, old, new, reason, actor,
    )
    return changed_at


class StatusChange(BaseModel):
    from_status: str | None
    to_status: str
    reason: str | None
    changed_at: datetime
    changed_by: str


async def status_history(conn: asyncpg.Connection, partner_id: UUID) -> list[StatusChange]:
    rows = await conn.fetch(
        "SELECT from_status, to_status, reason, changed_at, changed_by FROM partner_status_history WHERE organization_id = $1 ORDER BY id",
        partner_id,
    )
    return [StatusChange.model_validate(dict(r)) for r in rows]


async def list_partners(
    conn: asyncpg.Connection, *, kind: str | None, status: str | None, text: str | None, after: tuple[str, UUID] | None,
    limit: int,
) -> list[Partner]:
    rows = await conn.fetch(
        f"""{_PARTNER}
            WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR status = $2)
              AND ($3::text IS NULL OR name ILIKE '%' || $3 || '%')
              AND ($4::text IS NULL OR (lower(name), id) > ($4, $5::uuid))
            ORDER BY lower(name), id LIMIT $6""",
        kind, status, text, after[0] if after else None, after[1] if after else None, limit,
    )
    return [_partner(r) for r in rows]


async def all_partners(conn: asyncpg.Connection, *, after: UUID | None = None, limit: int | None = None) -> list[Partner]:
    rows = await conn.fetch(
        f"{_PARTNER} WHERE ($1::uuid IS NULL OR id > $1) ORDER BY id LIMIT $2", after, limit,
    )
    return [_partner(r) for r in rows]


async def partner_of_service(conn: asyncpg.Connection, service_id: UUID) -> UUID | None:
    return await conn.fetchval("SELECT organization_id FROM services WHERE id = $1", service_id)


async def directory_entries(conn: asyncpg.Connection, needs: list[str]) -> list[DirectoryEntry]:
    """Active services (meeting at least one of `needs`, when given) with their organizations' locations."""
    rows = await conn.fetch(
        """SELECT o.id, o.name, o.kind, o.status, o.record FROM organizations o
           WHERE EXISTS (SELECT 1 FROM services s WHERE s.organization_id = o.id AND s.status = 'active'
                         AND (cardinality($1::text[]) = 0 OR s.needs && $1::text[]))""",
        needs,
    )
    entries = []
    for row in rows:
        record = PartnerRecord.model_validate_json(row["record"])
        entries += [
            DirectoryEntry(service=service, partner_id=row["id"], partner_name=row["name"], partner_kind=row["kind"],
                           partner_status=row["status"], locations=record.locations)
            for service in record.services if service.status == "active"
        ]
    return entries


class OverdueRecord(BaseModel):
    service_id: UUID
    service_name: str
    partner_id: UUID
    partner_name: str
    verified_on: date | None


async def overdue_services(
    conn: asyncpg.Connection, *, verified_before: date, after: tuple[date, UUID] | None, limit: int
) -> list[OverdueRecord]:
    rows = await conn.fetch(
        """SELECT s.id AS service_id, s.name AS service_name, o.id AS partner_id, o.name AS partner_name, s.verified_on
           FROM services s JOIN organizations o ON o.id = s.organization_id
           WHERE s.status <> 'defunct' AND (s.verified_on IS NULL OR s.verified_on < $1)
             AND ($2::date IS NULL OR (coalesce(s.verified_on, DATE '0001-01-01'), s.id) > ($2::date, $3::uuid))
           ORDER BY coalesce(s.verified_on, DATE '0001-01-01'), s.id LIMIT $4""",
        verified_before, after[0] if after else None, after[1] if after else None, limit,
    )
    return [OverdueRecord.model_validate(dict(r)) for r in rows]


# --- agreements -------------------------------------------------------------------------------------------

_AGREEMENT = ("SELECT id, organization_id AS partner_id, kind, starts_on, ends_on, notes, library_contact, signed_at, "
              "ended_on, end_reason, signed_by, ended_by FROM agreements")


def _agreement(row: asyncpg.Record) -> Agreement:
    return Agreement.model_validate(dict(row))


async def insert_agreement(conn: asyncpg.Connection, agreement: Agreement) -> None:
    await conn.execute(
        """INSERT INTO agreements (id, organization_id, kind, starts_on, ends_on, notes, library_contact, signed_at,
                                   signed_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""",
        agreement.id, agreement.partner_id, agreement.kind, agreement.starts_on, agreement.ends_on, agreement.notes,
        agreement.library_contact, agreement.signed_at, agreement.signed_by,
    )


async def get_agreement(conn: asyncpg.Connection, agreement_id: UUID, *, for_update: bool = False) -> Agreement | None:
    row = await conn.fetchrow(f"{_AGREEMENT} WHERE id = $1{' FOR UPDATE' if for_update else ''}", agreement_id)
    return _agreement(row) if row else None


async def list_agreements(
    conn: asyncpg.Connection, *, partner_id: UUID | None, kind: str | None, today: date, state: str | None,
    ending_by: date | None, after: tuple[date, UUID] | None, limit: int,
) -> list[Agreement]:
    rows = await conn.fetch(
        f"""{_AGREEMENT}
            WHERE ($1::uuid IS NULL OR organization_id = $1) AND ($2::text IS NULL OR kind = $2)
              AND ($4::text IS NULL
                   OR ($4 = 'ended' AND (ended_on IS NOT NULL OR ends_on < $3))
                   OR ($4 = 'active' AND ended_on IS NULL AND starts_on <= $3 AND (ends_on IS NULL OR ends_on >= $3))
                   OR ($4 = 'upcoming' AND ended_on IS NULL AND starts_on > $3))
              AND ($5::date IS NULL OR (ended_on IS NULL AND ends_on >= $3 AND ends_on <= $5))
              AND ($6::date IS NULL OR (coalesce(ends_on, DATE '9999-12-31'), id) > ($6::date, $7::uuid))
            ORDER BY coalesce(ends_on, DATE '9999-12-31'), id LIMIT $8""",
        partner_id, kind, today, state, ending_by,
        after[0] if after else None, after[1] if after else None, limit,
    )
    return [_agreement(r) for r in rows]


async def agreements_run_out(conn: asyncpg.Connection, today: date) -> list[Agreement]:
    rows = await conn.fetch(
        f"{_AGREEMENT} WHERE ended_on IS NULL AND ends_on < $1 ORDER BY ends_on, id LIMIT 500 FOR UPDATE SKIP LOCKED",
        today,
    )
    return [_agreement(r) for r in rows]


async def end_agreement(conn: asyncpg.Connection, agreement_id: UUID, ended_on: date, reason: str, actor: str) -> None:
    await conn.execute("UPDATE agreements SET ended_on = $2, end_reason = $3, ended_by = $4 WHERE id = $1",
                       agreement_id, ended_on, reason, actor)


async def shorten_agreement(conn: asyncpg.Connection, agreement_id: UUID, ends_on: date, reason: str, actor: str) -> None:
    await conn.execute("UPDATE agreements SET ends_on = $2, end_reason = $3, ended_by = $4 WHERE id = $1",
                       agreement_id, ends_on, reason, actor)


# --- patrons' consent -------------------------------------------------------------------------------------

class Consent(BaseModel):
    patron_id: UUID
    consent: bool
    first_name: str | None
    email: str | None
    phone: str | None


async def record_consent(conn: asyncpg.Connection, consent: Consent) -> None:
    """Keep the latest consent; an erased patron stays erased whatever arrives after."""
    await conn.execute(
        """INSERT INTO patron_consents (patron_id, consent, first_name, email, phone) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (patron_id) DO UPDATE SET consent = $2, first_name = $3, email = $4, phone = $5, updated_at = now()
           WHERE patron_consents.erased_at IS NULL""",
        consent.patron_id, consent.consent, consent.first_name, consent.email, consent.phone,
    )


async def get_consent(conn: asyncpg.Connection, patron_id: UUID) -> Consent | None:
    row = await conn.fetchrow(
        "SELECT patron_id, consent, first_name, email, phone FROM patron_consents WHERE patron_id = $1 AND erased_at IS NULL",
        patron_id,
    )
    return Consent.model_validate(dict(row)) if row else None


async def erase_patron(conn: asyncpg.Connection, patron_id: UUID) -> int:
    await conn.execute(
        """INSERT INTO patron_consents (patron_id, consent, erased_at) VALUES ($1, false, now())
           ON CONFLICT (patron_id) DO UPDATE SET consent = false, first_name = NULL, email = NULL, phone = NULL,
               erased_at = now(), updated_at = now()""",
        patron_id,
    )
    result = await conn.execute(
        "UPDATE referrals SET patron_id = NULL, outcome_note = NULL WHERE patron_id = $1", patron_id
    )
    return int(result.split()[-1])


# --- referrals --------------------------------------------------------------------------------------------

class Referral(BaseModel):
    id: UUID
    patron_id: UUID | None
    partner_id: UUID
    service_id: UUID
    service_name: str
    need: str
    contact_id: UUID | None
    shared_fields: list[str]
    outcome: str
    outcome_note: str | None
    created_at: datetime
    outcome_at: datetime | None
    made_by: str
    outcome_by: str | None


_REFERRAL = ("SELECT id, patron_id, organization_id AS partner_id, service_id, service_name, need, contact_id, "
             "shared_fields, outcome, outcome_note, created_at, outcome_at, made_by, outcome_by FROM referrals")


async def insert_referral(conn: asyncpg.Connection, referral: Referral) -> None:
    await conn.execute(
        """INSERT INTO referrals (id, patron_id, organization_id, service_id, service_name, need, contact_id,
                                  shared_fields, created_at, made_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""",
        referral.id, referral.patron_id, referral.partner_id, referral.service_id, referral.service_name,
        referral.need, referral.contact_id, referral.shared_fields, referral.created_at, referral.made_by,
    )


async def get_referral(conn: asyncpg.Connection, referral_id: UUID, *, for_update: bool = False) -> Referral | None:
    row = await conn.fetchrow(f"{_REFERRAL} WHERE id = $1{' FOR UPDATE' if for_update else ''}", referral_id)
    return Referral.model_validate(dict(row)) if row else None


async def list_referrals(
    conn: asyncpg.Connection, *, patron_id: UUID | None, partner_id: UUID | None, outcome: str | None,
    after: tuple[datetime, UUID] | None, limit: int,
) -> list[Referral]:
    rows = await conn.fetch(
        f"""{_REFERRAL}
            WHERE ($1::uuid IS NULL OR patron_id = $1) AND ($2::uuid IS NULL OR organization_id = $2)
              AND ($3::text IS NULL OR outcome = $3)
              AND ($4::timestamptz IS NULL OR (created_at, id) < ($4::timestamptz, $5::uuid))
            ORDER BY created_at DESC, id DESC LIMIT $6""",
        patron_id, partner_id, outcome, after[0] if after else None, after[1] if after else None, limit,
    )
    return [Referral.model_validate(dict(r)) for r in rows]


async def record_outcome(conn: asyncpg.Connection, referral_id: UUID, outcome: str, note: str | None, actor: str) -> None:
    await conn.execute(
        "UPDATE referrals SET outcome = $2, outcome_note = $3, outcome_at = now(), outcome_by = $4 WHERE id = $1",
        referral_id, outcome, note, actor,
    )


# --- partner loans ----------------------------------------------------------------------------------------

async def loan_started(conn: asyncpg.Connection, loan_id: UUID, partner_id: UUID, device_kind: str, at: datetime | None) -> None:
    await conn.execute(
        """INSERT INTO partner_loans (loan_id, organization_id, device_kind, started_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (loan_id) DO NOTHING""",
        loan_id, partner_id, device_kind, at,
    )


async def loan_returned(conn: asyncpg.Connection, loan_id: UUID, partner_id: UUID, device_kind: str, at: datetime | None) -> None:
    await conn.execute(
        """INSERT INTO partner_loans (loan_id, organization_id, device_kind, returned_at) VALUES ($1, $2, $3, coalesce($4, now()))
           ON CONFLICT (loan_id) DO UPDATE SET returned_at = coalesce($4, now())""",
        loan_id, partner_id, device_kind, at,
    )


# --- distribution lists -----------------------------------------------------------------------------------

class ListMember(BaseModel):
    partner_id: UUID
    partner_name: str
    contact_id: UUID | None
    added_at: datetime


class DistributionList(BaseModel):
    id: UUID
    name: str
    description: str
    created_at: datetime
    member_count: int = 0


async def insert_list(conn: asyncpg.Connection, list_id: UUID, name: str, description: str) -> DistributionList:
    row = await conn.fetchrow(
        "INSERT INTO distribution_lists (id, name, description) VALUES ($1, $2, $3) RETURNING id, name, description, created_at",
        list_id, name, description,
    )
    return DistributionList.model_validate(dict(row))


_LIST = """SELECT l.id, l.name, l.description, l.created_at,
                  (SELECT count(*) FROM distribution_list_members m WHERE m.list_id = l.id) AS member_count
           FROM distribution_lists l"""


async def get_list(conn: asyncpg.Connection, list_id: UUID) -> DistributionList | None:
    row = await conn.fetchrow(f"{_LIST} WHERE l.id = $1", list_id)
    return DistributionList.model_validate(dict(row)) if row else None


async def list_lists(conn: asyncpg.Connection, *, after: tuple[str, UUID] | None, limit: int) -> list[DistributionList]:
    rows = await conn.fetch(
        f"{_LIST} WHERE ($1::text IS NULL OR (lower(l.name), l.id) > ($1, $2::uuid)) ORDER BY lower(l.name), l.id LIMIT $3",
        after[0] if after else None, after[1] if after else None, limit,
    )
    return [DistributionList.model_validate(dict(r)) for r in rows]


async def put_member(conn: asyncpg.Connection, list_id: UUID, partner_id: UUID, contact_id: UUID | None) -> None:
    await conn.execute(
        """INSERT INTO distribution_list_members (list_id, organization_id, contact_id) VALUES ($1, $2, $3)
           ON CONFLICT (list_id, organization_id) DO UPDATE SET contact_id = $3""",
        list_id, partner_id, contact_id,
    )


async def remove_member(conn: asyncpg.Connection, list_id: UUID, partner_id: UUID) -> bool:
    result = await conn.execute(
        "DELETE FROM distribution_list_members WHERE list_id = $1 AND organization_id = $2", list_id, partner_id
    )
    return result.endswith(" 1")


async def members(conn: asyncpg.Connection, list_id: UUID) -> list[ListMember]:
    rows = await conn.fetch(
        """SELECT m.organization_id AS partner_id, o.name AS partner_name, m.contact_id, m.added_at
           FROM distribution_list_members m JOIN organizations o ON o.id = m.organization_id
           WHERE m.list_id = $1 ORDER BY lower(o.name), o.id""",
        list_id,
    )
    return [ListMember.model_validate(dict(r)) for r in rows]


async def insert_broadcast(
    conn: asyncpg.Connection, broadcast_id: UUID, list_id: UUID, category: str, subject: dict[str, str],
    body: dict[str, str], fallback_language: str, contact_ids: list[UUID], actor: str,
) -> None:
    await conn.execute(
        """INSERT INTO broadcasts (id, list_id, category, subject, body, fallback_language, contact_ids, requested_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""",
        broadcast_id, list_id, category, json.dumps(subject), json.dumps(body), fallback_language, contact_ids, actor,
    )


# --- the partnerships report ------------------------------------------------------------------------------

async def partners_by_kind_and_status(conn: asyncpg.Connection) -> list[tuple[str, str, int]]:
    rows = await conn.fetch("SELECT kind, status, count(*) AS n FROM organizations GROUP BY kind, status")
    return [(r["kind"], r["status"], r["n"]) for r in rows]


async def active_agreements_by_kind(conn: asyncpg.Connection, today: date) -> dict[str, int]:
    rows = await conn.fetch(
        """SELECT kind, count(*) AS n FROM agreements
           WHERE ended_on IS NULL AND starts_on <= $1 AND (ends_on IS NULL OR ends_on >= $1) GROUP BY kind""",
        today,
    )
    return {r["kind"]: r["n"] for r in rows}


async def devices_on_loan_to_partners(conn: asyncpg.Connection) -> tuple[int, dict[str, int], int]:
    rows = await conn.fetch(
        "SELECT device_kind, count(*) AS n, count(DISTINCT organization_id) AS orgs FROM partner_loans "
        "WHERE returned_at IS NULL GROUP BY device_kind"
    )
    partners = await conn.fetchval("SELECT count(DISTINCT organization_id) FROM partner_loans WHERE returned_at IS NULL")
    return sum(r["n"] for r in rows), {r["device_kind"]: r["n"] for r in rows}, partners


async def referrals_by_outcome(conn: asyncpg.Connection, since: datetime | None, until: datetime | None) -> dict[str, int]:
    rows = await conn.fetch(
        """SELECT outcome, count(*) AS n FROM referrals
           WHERE ($1::timestamptz IS NULL OR created_at >= $1) AND ($2::timestamptz IS NULL OR created_at < $2)
           GROUP BY outcome""",
        since, until,
    )
    return {r["outcome"]: r["n"] for r in rows}


async def count_overdue(conn: asyncpg.Connection, verified_before: date) -> int:
    return await conn.fetchval(
        "SELECT count(*) FROM services WHERE status <> 'defunct' AND (verified_on IS NULL OR verified_on < $1)",
        verified_before,
    )
