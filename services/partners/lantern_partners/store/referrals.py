"""Referrals of patrons to partners' services."""

from datetime import datetime
from uuid import UUID

import asyncpg
from pydantic import BaseModel


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
    outcome_party: str | None = None


_REFERRAL = ("SELECT id, patron_id, organization_id AS partner_id, service_id, service_name, need, contact_id, "
             "shared_fields, outcome, outcome_note, created_at, outcome_at, made_by, outcome_by, outcome_party FROM referrals")


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


async def record_outcome(conn: asyncpg.Connection, referral_id: UUID, previous: str, outcome: str, note: str | None,
                         actor: str, party: str, at: datetime) -> None:
    await conn.execute(
        "UPDATE referrals SET outcome = $2, outcome_note = $3, outcome_at = $6, outcome_by = $4, outcome_party = $5 "
        "WHERE id = $1",
        referral_id, outcome, note, actor, party, at,
    )
    await conn.execute(
        "INSERT INTO referral_status_changes (referral_id, from_status, to_status, party, changed_by, changed_at) "
        "VALUES ($1, $2, $3, $4, $5, $6)",
        referral_id, previous, outcome, party, actor, at,
    )


class StatusChange(BaseModel):
    from_status: str
    to_status: str
    party: str
    changed_at: datetime


async def status_history(conn: asyncpg.Connection, referral_id: UUID) -> list[StatusChange]:
    rows = await conn.fetch(
        "SELECT from_status, to_status, party, changed_at FROM referral_status_changes WHERE referral_id = $1 ORDER BY id",
        referral_id,
    )
    return [StatusChange.model_validate(dict(r)) for r in rows]
