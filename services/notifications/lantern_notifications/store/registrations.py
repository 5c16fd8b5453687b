"""Registrations and session titles, as notifications keeps them to follow a session that moves."""

import json
from uuid import UUID

import asyncpg

from ..domain.registrations import HeldPlace


async def record_registration(conn: asyncpg.Connection, held: HeldPlace) -> None:
    await record_registrations(conn, [held])


async def record_registrations(conn: asyncpg.Connection, held: list[HeldPlace]) -> None:
    """Each in order, as `record_registration` one after another, in one round trip."""
    await conn.executemany(
        """INSERT INTO registrations (id, session_id, patron_id, status, session_title, starts_at, ends_at, timezone,
               place_name)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, session_title = EXCLUDED.session_title,
               starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, timezone = EXCLUDED.timezone,
               place_name = EXCLUDED.place_name, updated_at = now()""",
        [(h.id, h.session_id, h.patron_id, h.status, h.session_title, h.starts_at, h.ends_at, h.timezone, h.place_name)
         for h in held],
    )


async def places_in_session(conn: asyncpg.Connection, session_id: UUID) -> list[HeldPlace]:
    rows = await conn.fetch(
        """SELECT id, session_id, patron_id, status, session_title, starts_at, ends_at, timezone, place_name
           FROM registrations WHERE session_id = $1 AND status <> 'cancelled' ORDER BY id FOR UPDATE""",
        session_id,
    )
    return [HeldPlace.model_validate(dict(r)) for r in rows]


# ---- session titles -----------------------------------------------------------------------------------------
async def record_session_titles(conn: asyncpg.Connection, session_id: UUID, titles: dict[str, str]) -> None:
    await conn.execute(
        """INSERT INTO session_titles (session_id, titles) VALUES ($1, $2::jsonb)
           ON CONFLICT (session_id) DO UPDATE SET titles = EXCLUDED.titles, updated_at = now()""",
        session_id, json.dumps(titles),
    )


async def session_titles(conn: asyncpg.Connection, session_id: UUID) -> dict[str, str]:
    found = await conn.fetchval("SELECT titles FROM session_titles WHERE session_id = $1", session_id)
    return json.loads(found) if found else {}


async def session_titles_of(conn: asyncpg.Connection, session_ids: list[UUID]) -> dict[UUID, dict[str, str]]:
    rows = await conn.fetch("SELECT session_id, titles FROM session_titles WHERE session_id = ANY($1::uuid[])",
                            session_ids)
    return {r["session_id"]: json.loads(r["titles"]) for r in rows}
