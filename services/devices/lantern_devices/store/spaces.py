"""Branches, their opening hours and closures, and the spaces they lend."""

from datetime import date
from typing import Any
from uuid import UUID

import asyncpg

from ..domain.spaces import Branch, Closure, OpeningHours, Space
from . import filters

_SPACE = ("id, branch, name, kind, capacity, equipment, requires_approval, setup_minutes, teardown_minutes, active, "
          "created_at, updated_at")

def _space(row: asyncpg.Record | None) -> Space | None:
    return Space.model_validate(dict(row)) if row else None

async def put_branch(conn: asyncpg.Connection, code: str, name: str, timezone: str, hours: list[OpeningHours]) -> None:
    await conn.execute(
        """INSERT INTO branches (code, name, timezone) VALUES ($1, $2, $3)
           ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, timezone = EXCLUDED.timezone, updated_at = now()""",
        code, name, timezone)
    await conn.execute("DELETE FROM branch_hours WHERE branch = $1", code)
    await conn.executemany("INSERT INTO branch_hours (branch, weekday, opens, closes) VALUES ($1, $2, $3, $4)",
                           [(code, h.weekday, h.opens, h.closes) for h in hours])

async def get_branch(conn: asyncpg.Connection, code: str) -> Branch | None:
    row = await conn.fetchrow("SELECT code, name, timezone FROM branches WHERE code = $1", code)
    if row is None:
        return None
    hours = await conn.fetch("SELECT weekday, opens, closes FROM branch_hours WHERE branch = $1 ORDER BY weekday", code)
    return Branch(**dict(row), hours=[OpeningHours.model_validate(dict(h)) for h in hours])

async def list_branches(conn: asyncpg.Connection) -> list[Branch]:
    codes = await conn.fetch("SELECT code FROM branches ORDER BY name, code")
    return [b for c in codes if (b := await get_branch(conn, c["code"])) is not None]

async def add_closure(conn: asyncpg.Connection, closure_id: UUID, branch: str, starts_on: date, ends_on: date,
                      reason: str) -> Closure:
    row = await conn.fetchrow(
        """INSERT INTO branch_closures (id, branch, starts_on, ends_on, reason) VALUES ($1, $2, $3, $4, $5)
           RETURNING id, branch, starts_on, ends_on, reason""", closure_id, branch, starts_on, ends_on, reason)
    return Closure.model_validate(dict(row))

async def remove_closure(conn: asyncpg.Connection, branch: str, closure_id: UUID) -> bool:
    return await conn.fetchval("DELETE FROM branch_closures WHERE branch = $1 AND id = $2 RETURNING true",
                               branch, closure_id) is not None

async def closures(conn: asyncpg.Connection, branch: str, *, from_day: date | None = None,
                   until_day: date | None = None) -> list[Closure]:
    rows = await conn.fetch(
        """SELECT id, branch, starts_on, ends_on, reason FROM branch_closures
           WHERE branch = $1 AND ($2::date IS NULL OR ends_on >= $2) AND ($3::date IS NULL OR starts_on <= $3)
           ORDER BY starts_on, id""", branch, from_day, until_day)
    return [Closure.model_validate(dict(r)) for r in rows]

async def insert_space(conn: asyncpg.Connection, space_id: UUID, fields: dict[str, Any]) -> Space:
    return _space(await conn.fetchrow(  # type: ignore[return-value]  # an INSERT ... RETURNING returns its row
        f"""INSERT INTO spaces (id, branch, name, kind, capacity, equipment, requires_approval, setup_minutes,
                                teardown_minutes)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {_SPACE}""",
        space_id, fields["branch"], fields["name"], fields["kind"], fields["capacity"], fields["equipment"],
        fields["requires_approval"], fields["setup_minutes"], fields["teardown_minutes"]))

async def update_space(conn: asyncpg.Connection, space_id: UUID, changes: dict[str, Any]) -> Space | None:
    allowed = ("name", "kind", "capacity", "equipment", "requires_approval", "setup_minutes", "teardown_minutes",
               "active")
    sets = [f"{name} = ${i}" for i, name in enumerate((n for n in allowed if n in changes), start=2)]
    values = [changes[n] for n in allowed if n in changes]
    if not sets:
        return await get_space(conn, space_id)
    return _space(await conn.fetchrow(
        f"UPDATE spaces SET {', '.join(sets)}, updated_at = now() WHERE id = $1 RETURNING {_SPACE}",
        space_id, *values))

async def get_space(conn: asyncpg.Connection, space_id: UUID, *, for_booking: bool = False) -> Space | None:
    """`for_booking` queues the space's bookers one behind the other. The exclusion constraint is what refuses an
    overlap; but two overlapping inserts in flight at once each wait for the other's verdict, a deadlock PostgreSQL
    breaks by failing one of them (seen under 20 concurrent requests), so writers of one space take turns."""
    lock = " FOR NO KEY UPDATE" if for_booking else ""
    return _space(await conn.fetchrow(f"SELECT {_SPACE} FROM spaces WHERE id = $1{lock}", space_id))

async def list_spaces(conn: asyncpg.Connection, *, branch: str | None, kind: str | None, min_capacity: int | None,
                      equipment: str | None, after: list[Any] | None, limit: int) -> list[Space]:
    where = filters.Filter()
    where.add("active")
    if branch:
        where.add("branch = {}", branch)
    if kind:
        where.add("kind = {}", kind)
    if min_capacity:
        where.add("capacity >= {}", min_capacity)
    if equipment:
        where.add("{} = ANY(equipment)", equipment)
    where.after(after)
    rows = await conn.fetch(f"SELECT {_SPACE} FROM spaces {where.sql()} ORDER BY created_at, id {where.limit(limit)}",
                            *where.args)
    return [s for r in rows if (s := _space(r)) is not None]
