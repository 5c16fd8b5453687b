"""Distribution lists, their members and the broadcasts sent to them."""

import json
from datetime import datetime
from uuid import UUID

import asyncpg
from pydantic import BaseModel


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
