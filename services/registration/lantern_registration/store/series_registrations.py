"""Whole-series registrations: one row each, and one registration per upcoming occurrence pointing to it."""

from datetime import datetime
from uuid import UUID

import asyncpg

from ..domain.series_seats import SeriesRegistration

_COLUMNS = """
    sr.id, sr.series_id, sr.patron_id, sr.status, sr.registered_at, sr.confirmed_at, sr.cancelled_at,
    sr.cancel_reason,
    CASE WHEN sr.status = 'waitlisted' THEN
        (SELECT count(*) FROM series_registrations w
         WHERE w.series_id = sr.series_id AND w.status = 'waitlisted' AND w.arrival <= sr.arrival)
    END AS waitlist_position,
    (SELECT count(*) FROM registrations r WHERE r.series_registration_id = sr.id AND r.status <> 'cancelled')
        AS occurrences_held
"""


def _of(row: asyncpg.Record) -> SeriesRegistration:
    return SeriesRegistration.model_validate(dict(row))


async def insert(conn: asyncpg.Connection, registration_id: UUID, series_id: UUID, patron_id: UUID,
                 status: str) -> None:
    await conn.execute(
        """INSERT INTO series_registrations (id, series_id, patron_id, status, registered_at, confirmed_at)
           VALUES ($1, $2, $3, $4::text, clock_timestamp(), CASE WHEN $4::text = 'confirmed' THEN clock_timestamp() END)""",
        registration_id, series_id, patron_id, status,
    )


async def hold_seats(conn: asyncpg.Connection, registration_id: UUID, patron_id: UUID, session_ids: list[UUID],
                     status: str) -> None:
    """A seat (or a place on the waitlist) in each of these occurrences, all with the same status."""
    await conn.execute(
        """INSERT INTO registrations (id, session_id, patron_id, status, registered_at, confirmed_at,
                                      series_registration_id)
           SELECT gen_random_uuid(), session_id, $2, $3::text, clock_timestamp(),
                  CASE WHEN $3::text = 'confirmed' THEN clock_timestamp() END, $1
           FROM unnest($4::uuid[]) WITH ORDINALITY AS t (session_id, n) ORDER BY n
           ON CONFLICT (session_id, patron_id) WHERE status <> 'cancelled' DO NOTHING""",
        registration_id, patron_id, status, session_ids,
    )


async def get(conn: asyncpg.Connection, registration_id: UUID) -> SeriesRegistration | None:
    row = await conn.fetchrow(f"SELECT {_COLUMNS} FROM series_registrations sr WHERE sr.id = $1", registration_id)
    return _of(row) if row else None


async def active_for(conn: asyncpg.Connection, series_id: UUID, patron_id: UUID) -> SeriesRegistration | None:
    row = await conn.fetchrow(
        f"""SELECT {_COLUMNS} FROM series_registrations sr
            WHERE sr.series_id = $1 AND sr.patron_id = $2 AND sr.status <> 'cancelled'""",
        series_id, patron_id,
    )
    return _of(row) if row else None


async def waitlist(conn: asyncpg.Connection, series_id: UUID) -> list[tuple[UUID, UUID]]:
    """(registration id, patron id) of those waiting, in arrival order."""
    rows = await conn.fetch(
        """SELECT id, patron_id FROM series_registrations WHERE series_id = $1 AND status = 'waitlisted'
           ORDER BY arrival""",
        series_id,
    )
    return [(r["id"], r["patron_id"]) for r in rows]


async def confirm(conn: asyncpg.Connection, registration_id: UUID, session_ids: list[UUID]) -> None:
    await conn.execute(
        "UPDATE series_registrations SET status = 'confirmed', confirmed_at = now() WHERE id = $1", registration_id)
    await conn.execute(
        """UPDATE registrations SET status = 'confirmed', confirmed_at = now()
           WHERE series_registration_id = $1 AND status = 'waitlisted' AND session_id = ANY($2::uuid[])""",
        registration_id, session_ids,
    )


async def cancel(conn: asyncpg.Connection, registration_id: UUID, reason: str, session_ids: list[UUID]) -> None:
    """The registration and its seats in the occurrences still ahead (those already held stay as they were)."""
    await conn.execute(
        """UPDATE series_registrations SET status = 'cancelled', cancelled_at = now(), cancel_reason = $2
           WHERE id = $1""",
        registration_id, reason,
    )
    await conn.execute(
        """UPDATE registrations SET was = status, status = 'cancelled', cancelled_at = now(), cancel_reason = $2
           WHERE series_registration_id = $1 AND status <> 'cancelled' AND session_id = ANY($3::uuid[])""",
        registration_id, reason, session_ids,
    )


async def mark_promoted(conn: asyncpg.Connection, registration_ids: list[UUID]) -> None:
    """Seats promoted one occurrence at a time (as when an erasure frees them) promote their series registration."""
    await conn.execute(
        """UPDATE series_registrations SET status = 'confirmed', confirmed_at = now()
           WHERE status = 'waitlisted' AND id IN (SELECT series_registration_id FROM registrations
                                                  WHERE id = ANY($1::uuid[]) AND series_registration_id IS NOT NULL)""",
        registration_ids,
    )


async def cancel_for_patron(conn: asyncpg.Connection, patron_id: UUID, reason: str) -> None:
    await conn.execute(
        """UPDATE series_registrations SET status = 'cancelled', cancelled_at = now(), cancel_reason = $2
           WHERE patron_id = $1 AND status <> 'cancelled'""",
        patron_id, reason,
    )


async def page(
    conn: asyncpg.Connection, *, limit: int, after: tuple[datetime, UUID] | None, series_id: UUID | None = None,
    patron_id: UUID | None = None, status: str | None = None,
) -> list[SeriesRegistration]:
    rows = await conn.fetch(
        f"""SELECT {_COLUMNS} FROM series_registrations sr
            WHERE ($1::uuid IS NULL OR sr.series_id = $1)
              AND ($2::uuid IS NULL OR sr.patron_id = $2)
              AND ($3::text IS NULL OR sr.status = $3)
              AND ($4::timestamptz IS NULL OR (sr.registered_at, sr.id) > ($4, $5::uuid))
            ORDER BY sr.registered_at, sr.id LIMIT $6""",
        series_id, patron_id, status, *(after or (None, None)), limit + 1,
    )
    return [_of(r) for r in rows]
