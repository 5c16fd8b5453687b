"""Bookings of spaces; the exclusion constraint on their padded time is what keeps two from overlapping."""

from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from ..domain.bookings import Booking, BookingStatus
from . import filters

_BOOKING = """b.id, b.space_id, b.purpose, b.partner_id, b.session_id, b.title, b.attendees, b.starts_at, b.ends_at,
    b.setup_minutes, b.teardown_minutes, lower(b.held) AS held_from, upper(b.held) AS held_until, b.status,
    b.requested_by, b.decided_by, b.decided_at, b.reason, b.created_at, b.updated_at"""

def _booking(row: asyncpg.Record | None) -> Booking | None:
    return Booking.model_validate(dict(row)) if row else None

class Overlaps(Exception):
    """The space is already held (requested or approved) for part of that padded time."""

async def insert_booking(conn: asyncpg.Connection, booking: dict[str, Any]) -> Booking:
    """Raises Overlaps when a live booking holds any of the time; a concurrent one waits for the other to commit."""
    try:
        async with conn.transaction():  # a savepoint: the caller's transaction survives the refusal
            row = await conn.fetchrow(
                f"""INSERT INTO space_bookings AS b (id, space_id, purpose, partner_id, session_id, title, attendees,
                        starts_at, ends_at, setup_minutes, teardown_minutes, held, status, requested_by, decided_by,
                        decided_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, tstzrange($12, $13), $14, $15, $16, $17)
                    RETURNING {_BOOKING}""",
                booking["id"], booking["space_id"], booking["purpose"], booking["partner_id"], booking["session_id"],
                booking["title"], booking["attendees"], booking["starts_at"], booking["ends_at"],
                booking["setup_minutes"], booking["teardown_minutes"], booking["held_from"], booking["held_until"],
                booking["status"], booking["requested_by"], booking["decided_by"], booking["decided_at"])
    except asyncpg.ExclusionViolationError as overlap:
        raise Overlaps() from overlap
    return _booking(row)  # type: ignore[return-value]  # an INSERT ... RETURNING returns its row

async def get_booking(conn: asyncpg.Connection, booking_id: UUID, *, for_update: bool = False) -> Booking | None:
    lock = " FOR UPDATE" if for_update else ""
    return _booking(await conn.fetchrow(f"SELECT {_BOOKING} FROM space_bookings b WHERE b.id = $1{lock}", booking_id))

async def set_status(conn: asyncpg.Connection, booking_id: UUID, status: BookingStatus, *, by: str, at: datetime,
                     reason: str | None) -> Booking:
    return _booking(await conn.fetchrow(  # type: ignore[return-value]  # the caller holds the row locked
        f"""UPDATE space_bookings b SET status = $2, decided_by = $3, decided_at = $4, reason = $5, updated_at = now()
            WHERE b.id = $1 RETURNING {_BOOKING}""", booking_id, status, by, at, reason))

async def link_session(conn: asyncpg.Connection, booking_id: UUID, session_id: UUID) -> bool:
    """A live booking not yet tied to another session becomes this session's."""
    return await conn.fetchval(
        """UPDATE space_bookings SET session_id = $2, updated_at = now()
           WHERE id = $1 AND status IN ('requested', 'approved') AND (session_id IS NULL OR session_id = $2)
           RETURNING true""", booking_id, session_id) is not None

async def live_of_session(conn: asyncpg.Connection, session_id: UUID) -> list[UUID]:
    rows = await conn.fetch(
        "SELECT id FROM space_bookings WHERE session_id = $1 AND status IN ('requested', 'approved') FOR UPDATE",
        session_id)
    return [r["id"] for r in rows]

async def list_bookings(conn: asyncpg.Connection, *, space_id: UUID | None, partner_id: UUID | None,
                        status: BookingStatus | None, starts_from: datetime | None, starts_before: datetime | None,
                        after: list[Any] | None, limit: int) -> list[Booking]:
    where = filters.Filter()
    if space_id:
        where.add("b.space_id = {}", space_id)
    if partner_id:
        where.add("b.partner_id = {}", partner_id)
    if status:
        where.add("b.status = {}", status)
    if starts_from:
        where.add("b.starts_at >= {}", starts_from)
    if starts_before:
        where.add("b.starts_at < {}", starts_before)
    where.after(after, "b")
    rows = await conn.fetch(
        f"SELECT {_BOOKING} FROM space_bookings b {where.sql()} ORDER BY b.created_at, b.id {where.limit(limit)}",
        *where.args)
    return [b for r in rows if (b := _booking(r)) is not None]

async def busy(conn: asyncpg.Connection, space_id: UUID, starts_from: datetime, until: datetime) -> list[asyncpg.Record]:
    """When the space is taken between two moments, padding included, and by nobody named."""
    return await conn.fetch(
        """SELECT lower(held) AS held_from, upper(held) AS held_until, status FROM space_bookings
           WHERE space_id = $1 AND status IN ('requested', 'approved') AND held && tstzrange($2, $3)
           ORDER BY lower(held)""", space_id, starts_from, until)

async def hours_loaned(conn: asyncpg.Connection, starts_from: datetime, starts_before: datetime,
                       partner_id: UUID | None) -> list[asyncpg.Record]:
    """Approved partner bookings by organization and month (of the branch's calendar): hours of class time.

    Setup and teardown are the library's own turnaround, not time loaned, so they are not counted.
    """
    return await conn.fetch(
        """SELECT b.partner_id, to_char(b.starts_at AT TIME ZONE br.timezone, 'YYYY-MM') AS month,
                  count(*) AS bookings,
                  round(sum(extract(epoch FROM b.ends_at - b.starts_at)) / 3600.0, 2)::float8 AS hours
           FROM space_bookings b JOIN spaces s ON s.id = b.space_id JOIN branches br ON br.code = s.branch
           WHERE b.purpose = 'partner_training' AND b.status = 'approved'
             AND b.starts_at >= $1 AND b.starts_at < $2 AND ($3::uuid IS NULL OR b.partner_id = $3)
           GROUP BY b.partner_id, month ORDER BY month, b.partner_id""", starts_from, starts_before, partner_id)
