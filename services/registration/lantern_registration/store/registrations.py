"""Registrations. A waitlist position is never stored: it is the rank by arrival among those still waiting."""

from datetime import datetime
from uuid import UUID

import asyncpg

from lantern_shared.outbox import OutboxRow

from ..domain.participation import Registration
from . import series_registrations

_COLUMNS = """
    r.id, r.session_id, r.patron_id, r.status, r.registered_at, r.confirmed_at, r.cancelled_at, r.cancel_reason,
    r.attendance, r.series_registration_id,
    CASE WHEN r.status = 'waitlisted' THEN
        (SELECT count(*) FROM registrations w
         WHERE w.session_id = r.session_id AND w.status = 'waitlisted' AND w.arrival <= r.arrival)
    END AS waitlist_position
"""


def _registration(row: asyncpg.Record) -> Registration:
    return Registration.model_validate(dict(row))


async def insert_unless_active(
    conn: asyncpg.Connection, registration_id: UUID, session_id: UUID, patron_id: UUID, status: str,
    waitlist_position: int | None,
) -> Registration | None:
    """A new registration in one round trip, or None when the patron already holds an active registration for the session
    (the `registrations_one_active` index). The caller holds the session lock and knows the waitlist's length,
    so it gives the position rather than have it counted again."""
    row = await conn.fetchrow(
        """INSERT INTO registrations (id, session_id, patron_id, status, registered_at, confirmed_at)
           VALUES ($1, $2, $3, $4::text, clock_timestamp(), CASE WHEN $4::text = 'confirmed' THEN clock_timestamp() END)
           ON CONFLICT (session_id, patron_id) WHERE status <> 'cancelled' DO NOTHING
           RETURNING id, session_id, patron_id, status, registered_at, confirmed_at, cancelled_at, cancel_reason,
                     attendance""",
        registration_id, session_id, patron_id, status,
    )
    return Registration.model_validate({**row, "waitlist_position": waitlist_position}) if row else None


async def get(conn: asyncpg.Connection, registration_id: UUID) -> Registration | None:
    row = await conn.fetchrow(f"SELECT {_COLUMNS} FROM registrations r WHERE r.id = $1", registration_id)
    return _registration(row) if row else None


async def active_for(conn: asyncpg.Connection, session_id: UUID, patron_id: UUID) -> Registration | None:
    row = await conn.fetchrow(
        f"SELECT {_COLUMNS} FROM registrations r WHERE r.session_id = $1 AND r.patron_id = $2 AND r.status <> 'cancelled'",
        session_id, patron_id,
    )
    return _registration(row) if row else None


async def waitlist(conn: asyncpg.Connection, session_id: UUID) -> list[UUID]:
    rows = await conn.fetch(
        "SELECT id FROM registrations WHERE session_id = $1 AND status = 'waitlisted' ORDER BY arrival", session_id
    )
    return [r["id"] for r in rows]


async def active(conn: asyncpg.Connection, session_id: UUID) -> list[Registration]:
    rows = await conn.fetch(
        f"SELECT {_COLUMNS} FROM registrations r WHERE r.session_id = $1 AND r.status <> 'cancelled' ORDER BY r.arrival",
        session_id,
    )
    return [_registration(r) for r in rows]


async def upcoming_active_for_patron(conn: asyncpg.Connection, patron_id: UUID, now: datetime) -> list[Registration]:
    rows = await conn.fetch(
        f"""SELECT {_COLUMNS} FROM registrations r JOIN sessions s ON s.id = r.session_id
            WHERE r.patron_id = $1 AND r.status <> 'cancelled' AND s.status NOT IN ('cancelled', 'completed')
              AND s.starts_at > $2
            ORDER BY r.session_id""",  # sessions locked in one global order: two erasures cannot deadlock
        patron_id, now,
    )
    return [_registration(r) for r in rows]


async def promote(conn: asyncpg.Connection, registration_ids: list[UUID]) -> None:
    """Seats promoted one session at a time (as when an erasure frees them) promote their series registration too:
    every occurrence's waitlist holds the series' line in the same order, so they move up together."""
    await conn.execute(
        "UPDATE registrations SET status = 'confirmed', confirmed_at = now() WHERE id = ANY($1::uuid[])",
        registration_ids,
    )
    await series_registrations.mark_promoted(conn, registration_ids)


async def cancel(conn: asyncpg.Connection, registration_id: UUID, reason: str) -> None:
    await conn.execute(
        """UPDATE registrations SET was = status, status = 'cancelled', cancelled_at = now(), cancel_reason = $2
           WHERE id = $1""",
        registration_id, reason,
    )


async def mark_attended(conn: asyncpg.Connection, registration_id: UUID) -> None:
    await conn.execute("UPDATE registrations SET attendance = 'attended' WHERE id = $1", registration_id)


async def mark_no_shows(conn: asyncpg.Connection, session_id: UUID) -> int:
    status = await conn.execute(
        """UPDATE registrations SET attendance = 'no_show'
           WHERE session_id = $1 AND status = 'confirmed' AND attendance IS NULL""",
        session_id,
    )
    return int(status.split()[-1])


async def page(
    conn: asyncpg.Connection, *, limit: int, after: tuple[datetime, UUID] | None, session_id: UUID | None = None,
    patron_id: UUID | None = None, status: str | None = None,
) -> list[Registration]:
    rows = await conn.fetch(
        f"""SELECT {_COLUMNS} FROM registrations r
            WHERE ($1::uuid IS NULL OR r.session_id = $1)
              AND ($2::uuid IS NULL OR r.patron_id = $2)
              AND ($3::text IS NULL OR r.status = $3)
              AND ($4::timestamptz IS NULL OR (r.registered_at, r.id) > ($4, $5::uuid))
            ORDER BY r.registered_at, r.id LIMIT $6""",
        session_id, patron_id, status, *(after or (None, None)), limit + 1,
    )
    return [_registration(r) for r in rows]


async def confirm_seat(
    conn: asyncpg.Connection, registration_id: UUID, session_id: UUID, patron_id: UUID, version: str, event: OutboxRow,
) -> Registration | str:
    """A confirmed seat, its registration row and its outbox row in one statement (migration 0003's `confirm_seat`),
    or why not, with nothing written: `no_patron`, `no_session`, `changed` (the session or program is no longer
    at `version`), `full` or `already_registered`."""
    row = await conn.fetchrow(
        "SELECT outcome, registered_at, confirmed_at FROM confirm_seat($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        registration_id, session_id, patron_id, version,
        event.event.id, event.event.type, event.topic, event.key, event.payload,
    )
    if row["outcome"] != "confirmed":
        return row["outcome"]
    return Registration(id=registration_id, session_id=session_id, patron_id=patron_id, status="confirmed",
                        registered_at=row["registered_at"], confirmed_at=row["confirmed_at"])
