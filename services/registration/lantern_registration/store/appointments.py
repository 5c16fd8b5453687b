"""Appointment slots for one-to-one help. A booking is one conditional UPDATE: two patrons cannot both get a slot."""

from datetime import datetime
from uuid import UUID

import asyncpg

from ..domain.appointments import Slot, SlotDetails

_COLUMNS = """id, kind, helper_name, helper_role, branch, starts_at, ends_at, timezone, format, languages, status,
              patron_id, booked_at, attendance, created_at"""


def _slot(row: asyncpg.Record) -> Slot:
    return Slot.model_validate(dict(row))


async def insert(conn: asyncpg.Connection, slot_id: UUID, d: SlotDetails) -> Slot:
    row = await conn.fetchrow(
        f"""INSERT INTO appointment_slots (id, kind, helper_name, helper_role, branch, starts_at, ends_at, timezone,
                                           format, languages, status)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open') RETURNING {_COLUMNS}""",
        slot_id, d.kind, d.helper_name, d.helper_role, d.branch, d.starts_at, d.ends_at, d.timezone, d.format,
        d.languages,
    )
    return _slot(row)


async def get(conn: asyncpg.Connection, slot_id: UUID, *, lock: bool = False) -> Slot | None:
    row = await conn.fetchrow(f"SELECT {_COLUMNS} FROM appointment_slots WHERE id = $1{' FOR UPDATE' if lock else ''}",
                              slot_id)
    return _slot(row) if row else None


async def book(conn: asyncpg.Connection, slot_id: UUID, patron_id: UUID, now: datetime) -> Slot | None:
    """The slot booked by this patron, or None when it is no longer open (taken, withdrawn) or has begun."""
    row = await conn.fetchrow(
        f"""UPDATE appointment_slots SET status = 'booked', patron_id = $2, booked_at = $3
            WHERE id = $1 AND status = 'open' AND starts_at > $3 RETURNING {_COLUMNS}""",
        slot_id, patron_id, now,
    )
    return _slot(row) if row else None


async def release(conn: asyncpg.Connection, slot_id: UUID) -> Slot:
    row = await conn.fetchrow(
        f"""UPDATE appointment_slots SET status = 'open', patron_id = NULL, booked_at = NULL
            WHERE id = $1 RETURNING {_COLUMNS}""",
        slot_id,
    )
    return _slot(row)


async def set_attendance(conn: asyncpg.Connection, slot_id: UUID, attendance: str) -> Slot:
    row = await conn.fetchrow(
        f"UPDATE appointment_slots SET attendance = $2 WHERE id = $1 RETURNING {_COLUMNS}", slot_id, attendance)
    return _slot(row)


async def forget_patron(conn: asyncpg.Connection, patron_id: UUID, now: datetime) -> None:
    """Erasure: upcoming bookings reopen; past ones keep the count but lose the person."""
    await conn.execute(
        """UPDATE appointment_slots SET status = 'open', patron_id = NULL, booked_at = NULL
           WHERE patron_id = $1 AND starts_at > $2""",
        patron_id, now,
    )
    await conn.execute("UPDATE appointment_slots SET patron_id = NULL WHERE patron_id = $1", patron_id)


async def page(
    conn: asyncpg.Connection, *, limit: int, after: tuple[datetime, UUID] | None, kind: str | None = None,
    branch: str | None = None, status: str | None = None, patron_id: UUID | None = None,
    starts_from: datetime | None = None, starts_before: datetime | None = None,
) -> list[Slot]:
    rows = await conn.fetch(
        f"""SELECT {_COLUMNS} FROM appointment_slots
            WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR branch = $2)
              AND ($3::text IS NULL OR status = $3) AND ($4::uuid IS NULL OR patron_id = $4)
              AND ($5::timestamptz IS NULL OR starts_at >= $5) AND ($6::timestamptz IS NULL OR starts_at < $6)
              AND ($7::timestamptz IS NULL OR (starts_at, id) > ($7, $8::uuid))
            ORDER BY starts_at, id LIMIT $9""",
        kind, branch, status, patron_id, starts_from, starts_before, *(after or (None, None)), limit + 1,
    )
    return [_slot(r) for r in rows]
