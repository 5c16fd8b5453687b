"""Partner organizations: their HSDS-shaped record, status history, the directory's rows."""

import json
from datetime import date, datetime
from uuid import UUID

import asyncpg
from pydantic import BaseModel

from ..domain.records import Partner, PartnerRecord
from . import directory


_PARTNER = "SELECT id, status, status_changed_at, record, content_hash FROM organizations"


def _partner(row: asyncpg.Record) -> Partner:
    # Saved records were validated when they came in; an imported one may lack what staff must give (context).
    return Partner.model_validate({"id": row["id"], "status": row["status"], "status_changed_at": row["status_changed_at"],
                                   **json.loads(row["record"])}, context={"imported": True})


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
    for table in ("services", "locations", "contacts"):  # places and hours go with their services
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
    await directory.write_rows(conn, record.name, record)
    await conn.execute("UPDATE organizations SET indexed_at = now() WHERE id = $1", partner_id)


async def not_indexed(conn: asyncpg.Connection, limit: int) -> list[UUID]:
    """Organizations saved before the directory's search rows existed (see migration 0012)."""
    rows = await conn.fetch("SELECT id FROM organizations WHERE indexed_at IS NULL ORDER BY id LIMIT $1", limit)
    return [r["id"] for r in rows]


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


async def partners_by_id(conn: asyncpg.Connection, ids: list[UUID]) -> list[Partner]:
    rows = await conn.fetch(f"{_PARTNER} WHERE id = ANY($1::uuid[])", ids)
    return [_partner(r) for r in rows]


async def partner_of_service(conn: asyncpg.Connection, service_id: UUID) -> UUID | None:
    return await conn.fetchval("SELECT organization_id FROM services WHERE id = $1", service_id)


class OverdueRecord(BaseModel):
    service_id: UUID
    service_name: str
    partner_id: UUID
    partner_name: str
    verified_on: date | None


async def overdue_services(
    conn: asyncpg.Connection, *, verified_before: date, partner_id: UUID | None, after: tuple[date, UUID] | None,
    limit: int,
) -> list[OverdueRecord]:
    rows = await conn.fetch(
        """SELECT s.id AS service_id, s.name AS service_name, o.id AS partner_id, o.name AS partner_name, s.verified_on
           FROM services s JOIN organizations o ON o.id = s.organization_id
           WHERE s.status <> 'defunct' AND (s.verified_on IS NULL OR s.verified_on < $1)
             AND ($2::date IS NULL OR (coalesce(s.verified_on, DATE '0001-01-01'), s.id) > ($2::date, $3::uuid))
             AND ($5::uuid IS NULL OR s.organization_id = $5)
           ORDER BY coalesce(s.verified_on, DATE '0001-01-01'), s.id LIMIT $4""",
        verified_before, after[0] if after else None, after[1] if after else None, limit, partner_id,
    )
    return [OverdueRecord.model_validate(dict(r)) for r in rows]
