"""Sessions, with their seat counts. `lock` is how every seat decision starts: one session, one writer."""

import json
from datetime import datetime
from uuid import UUID

import asyncpg

from lantern_shared.refusals import present

from ..domain.programs import Program, Session, SessionDetails, default_format
from . import programs

_COLUMNS = """
    s.id, s.program_id, s.starts_at, s.ends_at, s.timezone, s.place::text, s.capacity, s.languages,
    s.registration_opens_at, s.registration_closes_at, s.devices_needed::text, s.devices_missing::text,
    s.status, s.cancel_reason, s.created_at, s.updated_at, s.booking_id, s.series_id, s.occurrence, s.moved, s.format,
    s.hybrid, s.age_group,
    (SELECT p.host_partner_id FROM programs p WHERE p.id = s.program_id) AS host_partner_id,
    (SELECT count(*) FROM registrations r WHERE r.session_id = s.id AND r.status = 'confirmed') AS confirmed,
    (SELECT count(*) FROM registrations r WHERE r.session_id = s.id AND r.status = 'waitlisted') AS waitlisted
"""


def _session(row: asyncpg.Record) -> Session:
    r = {key: value for key, value in row.items() if not key.startswith(programs.PREFIX)}
    for field in ("place", "devices_needed", "devices_missing"):
        r[field] = json.loads(r[field])
    return Session.model_validate(r)


async def insert(
    conn: asyncpg.Connection, session_id: UUID, details: SessionDetails, *, languages: list[str], status: str,
    series_id: UUID | None = None, occurrence: datetime | None = None,
) -> Session:
    await conn.execute(
        """INSERT INTO sessions (id, program_id, starts_at, ends_at, timezone, place, capacity, languages,
                                 registration_opens_at, registration_closes_at, devices_needed, status, format,
                                 hybrid, age_group, series_id, occurrence, booking_id)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11::jsonb, $12, $13, $14, $15, $16, $17, $18)""",
        session_id, details.program_id, details.starts_at, details.ends_at, details.timezone,
        details.place.model_dump_json(exclude_none=True), details.capacity, languages,
        details.registration_opens_at, details.registration_closes_at, json.dumps(details.devices_needed), status,
        details.format or default_format(details.place), details.hybrid, details.age_group, series_id, occurrence,
        details.booking_id,
    )
    return present(await get(conn, session_id), "session", session_id)  # just written (or locked), so there


async def get(conn: asyncpg.Connection, session_id: UUID) -> Session | None:
    row = await conn.fetchrow(f"SELECT {_COLUMNS} FROM sessions s WHERE s.id = $1", session_id)
    return _session(row) if row else None


async def lock(conn: asyncpg.Connection, session_id: UUID) -> Session | None:
    """Take the session's row lock, then read it: the counts are those left by the previous lock holder."""
    if not await conn.fetchval("SELECT true FROM sessions WHERE id = $1 FOR UPDATE", session_id):
        return None
    return await get(conn, session_id)


async def lock_with_program(conn: asyncpg.Connection, session_id: UUID) -> tuple[Session, Program] | None:
    """`lock`, then the session and its program in one read (the registration path counts its round trips)."""
    if not await conn.fetchval("SELECT true FROM sessions WHERE id = $1 FOR UPDATE", session_id):
        return None
    row = await conn.fetchrow(
        f"SELECT {_COLUMNS}, {programs.columns_of('p')} FROM sessions s JOIN programs p ON p.id = s.program_id"
        " WHERE s.id = $1",
        session_id,
    )
    return _session(row), programs.from_prefixed(row)


async def snapshot(conn: asyncpg.Connection, session_id: UUID) -> tuple[Session, Program, str] | None:
    """The session and its program read without a lock, with their row versions (`confirm_seat` checks them
    under the lock): what a registration builds its event from before the one statement that decides it."""
    row = await conn.fetchrow(
        f"SELECT {_COLUMNS}, {programs.columns_of('p')}, s.xmin::text || '/' || p.xmin::text AS row_version"
        " FROM sessions s JOIN programs p ON p.id = s.program_id WHERE s.id = $1",
        session_id,
    )
    if row is None:
        return None
    fields = {key: value for key, value in row.items() if key != "row_version"}
    return _session(fields), programs.from_prefixed(row), row["row_version"]


async def update(conn: asyncpg.Connection, session_id: UUID, details: SessionDetails, *, status: str,
                 moved: bool = False) -> Session:
    """`moved` marks an occurrence of a series changed on its own (it then keeps its own time and place)."""
    await conn.execute(
        """UPDATE sessions SET starts_at = $2, ends_at = $3, timezone = $4, place = $5::jsonb, capacity = $6,
               languages = $7, registration_opens_at = $8, registration_closes_at = $9, devices_needed = $10::jsonb,
               status = $11, format = $12, hybrid = $13, age_group = $14, moved = moved OR $15, booking_id = $16,
               updated_at = now()
           WHERE id = $1""",
        session_id, details.starts_at, details.ends_at, details.timezone,
        details.place.model_dump_json(exclude_none=True), details.capacity, details.languages,
        details.registration_opens_at, details.registration_closes_at, json.dumps(details.devices_needed), status,
        details.format or default_format(details.place), details.hybrid, details.age_group, moved, details.booking_id,
    )
    return present(await get(conn, session_id), "session", session_id)  # just written (or locked), so there


async def set_status(
    conn: asyncpg.Connection, session_id: UUID, status: str, *, missing: dict[str, int] | None = None,
    cancel_reason: str | None = None,
) -> Session:
    await conn.execute(
        """UPDATE sessions SET status = $2, devices_missing = coalesce($3::jsonb, devices_missing),
               cancel_reason = coalesce($4, cancel_reason), updated_at = now()
           WHERE id = $1""",
        session_id, status, json.dumps(missing) if missing is not None else None, cancel_reason,
    )
    return present(await get(conn, session_id), "session", session_id)  # just written (or locked), so there


async def page(
    conn: asyncpg.Connection, *, limit: int, after: tuple[datetime, UUID] | None, program_id: UUID | None = None,
    status: str | None = None, starts_from: datetime | None = None, starts_before: datetime | None = None,
    partner_id: UUID | None = None, language: str | None = None, series_id: UUID | None = None,
) -> list[Session]:
    rows = await conn.fetch(
        f"""SELECT {_COLUMNS} FROM sessions s JOIN programs p ON p.id = s.program_id
            WHERE ($1::uuid IS NULL OR s.program_id = $1)
              AND ($2::text IS NULL OR s.status = $2)
              AND ($3::timestamptz IS NULL OR s.starts_at >= $3)
              AND ($4::timestamptz IS NULL OR s.starts_at < $4)
              AND ($5::uuid IS NULL OR p.host_partner_id = $5)
              AND ($6::text IS NULL OR $6 = ANY (s.languages))
              AND ($7::timestamptz IS NULL OR (s.starts_at, s.id) > ($7, $8::uuid))
              AND ($10::uuid IS NULL OR s.series_id = $10)
            ORDER BY s.starts_at, s.id LIMIT $9""",
        program_id, status, starts_from, starts_before, partner_id, language, *(after or (None, None)), limit + 1,
        series_id,
    )
    return [_session(r) for r in rows]


async def ended_and_open(conn: asyncpg.Connection, now: datetime, limit: int = 100) -> list[UUID]:
    rows = await conn.fetch(
        """SELECT id FROM sessions WHERE status NOT IN ('cancelled', 'completed') AND ends_at <= $1
           ORDER BY ends_at LIMIT $2""",
        now, limit,
    )
    return [r["id"] for r in rows]


async def seat_gauges(conn: asyncpg.Connection, now: datetime) -> asyncpg.Record:
    """Seats offered and filled, and waitlist length, over sessions still to come."""
    return await conn.fetchrow(
        """WITH upcoming AS (SELECT id, capacity FROM sessions
                             WHERE status NOT IN ('cancelled', 'completed') AND ends_at > $1)
           SELECT (SELECT coalesce(sum(capacity), 0) FROM upcoming) AS offered,
                  count(*) FILTER (WHERE r.status = 'confirmed') AS filled,
                  count(*) FILTER (WHERE r.status = 'waitlisted') AS waitlisted
           FROM registrations r JOIN upcoming u ON u.id = r.session_id""",
        now,
    )


async def many(conn: asyncpg.Connection, session_ids: list[UUID]) -> list[Session]:
    rows = await conn.fetch(f"SELECT {_COLUMNS} FROM sessions s WHERE s.id = ANY($1::uuid[]) ORDER BY s.starts_at, s.id",
                            session_ids)
    return [_session(r) for r in rows]
