"""Agreements with partners."""

from datetime import date
from uuid import UUID

import asyncpg

from ..domain.partnership import Agreement


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
