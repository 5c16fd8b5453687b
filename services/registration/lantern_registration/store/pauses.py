"""No-show pauses: a patron's self-registration for one program, paused by its no-show policy until a date."""

from datetime import datetime
from uuid import UUID

import asyncpg


async def paused_until(conn: asyncpg.Connection, patron_id: UUID, program_id: UUID) -> datetime | None:
    return await conn.fetchval(
        "SELECT until FROM self_registration_pauses WHERE patron_id = $1 AND program_id = $2 AND lifted_at IS NULL",
        patron_id, program_id,
    )


async def no_shows_in_a_row(conn: asyncpg.Connection, patron_id: UUID, program_id: UUID, limit: int) -> int:
    """The patron's latest confirmed seats at this program's completed sessions (since staff last lifted a pause),
    counted back from the newest until one was attended."""
    rows = await conn.fetch(
        """SELECT r.attendance FROM registrations r JOIN sessions s ON s.id = r.session_id
           WHERE r.patron_id = $1 AND s.program_id = $2 AND r.status = 'confirmed' AND s.status = 'completed'
             AND s.starts_at > coalesce((SELECT lifted_at FROM self_registration_pauses
                                         WHERE patron_id = $1 AND program_id = $2), '-infinity')
           ORDER BY s.starts_at DESC LIMIT $3""",
        patron_id, program_id, limit,
    )
    count = 0
    for row in rows:
        if row["attendance"] != "no_show":
            break
        count += 1
    return count


async def pause(conn: asyncpg.Connection, patron_id: UUID, program_id: UUID, now: datetime, until: datetime) -> None:
    await conn.execute(
        """INSERT INTO self_registration_pauses (patron_id, program_id, paused_at, until) VALUES ($1, $2, $3, $4)
           ON CONFLICT (patron_id, program_id) DO UPDATE
           SET paused_at = excluded.paused_at, until = excluded.until, lifted_at = NULL, lifted_by = NULL""",
        patron_id, program_id, now, until,
    )


async def lift(conn: asyncpg.Connection, patron_id: UUID, program_id: UUID, now: datetime, by: str) -> bool:
    status = await conn.execute(
        """UPDATE self_registration_pauses SET lifted_at = $3, lifted_by = $4
           WHERE patron_id = $1 AND program_id = $2 AND lifted_at IS NULL""",
        patron_id, program_id, now, by,
    )
    return status.endswith(" 1")


async def for_program(conn: asyncpg.Connection, program_id: UUID, now: datetime) -> list[dict]:
    rows = await conn.fetch(
        """SELECT patron_id, paused_at, until FROM self_registration_pauses
           WHERE program_id = $1 AND lifted_at IS NULL AND until > $2 ORDER BY paused_at""",
        program_id, now,
    )
    return [dict(r) for r in rows]


async def no_show_patrons(conn: asyncpg.Connection, session_id: UUID) -> list[UUID]:
    rows = await conn.fetch(
        "SELECT patron_id FROM registrations WHERE session_id = $1 AND attendance = 'no_show'", session_id)
    return [r["patron_id"] for r in rows]
