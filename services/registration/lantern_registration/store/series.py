"""Series and their occurrences. Every whole-series seat decision locks the series row, then its sessions by id."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

import asyncpg

from ..domain.series import Series, SeriesDetails

_COLUMNS = "id, program_id, rrule, first_starts_at, duration_minutes, timezone, exdates, created_at, updated_at"


@dataclass(frozen=True)
class Seats:
    """One upcoming occurrence as a whole-series seat decision sees it (read under its lock)."""

    session_id: UUID
    starts_at: datetime
    capacity: int
    confirmed: int
    moved: bool
    occurrence: datetime | None


async def insert(conn: asyncpg.Connection, series_id: UUID, details: SeriesDetails, rule: str) -> Series:
    row = await conn.fetchrow(
        f"""INSERT INTO series (id, program_id, rrule, first_starts_at, duration_minutes, timezone, exdates)
            VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {_COLUMNS}""",
        series_id, details.program_id, rule, details.first_local(), details.minutes(), details.timezone,
        sorted(set(details.exdates)),
    )
    return Series.model_validate(dict(row))


async def get(conn: asyncpg.Connection, series_id: UUID, *, lock: bool = False) -> Series | None:
    row = await conn.fetchrow(f"SELECT {_COLUMNS} FROM series WHERE id = $1{' FOR UPDATE' if lock else ''}", series_id)
    return Series.model_validate(dict(row)) if row else None


async def add_exdates(conn: asyncpg.Connection, series_id: UUID, dates: list) -> None:
    await conn.execute(
        """UPDATE series SET exdates = ARRAY(SELECT DISTINCT d FROM unnest(exdates || $2::date[]) AS d ORDER BY d),
               updated_at = now() WHERE id = $1""",
        series_id, dates,
    )


async def touch(conn: asyncpg.Connection, series_id: UUID) -> None:
    await conn.execute("UPDATE series SET updated_at = now() WHERE id = $1", series_id)


async def lock_upcoming(conn: asyncpg.Connection, series_id: UUID, now: datetime) -> list[Seats]:
    """The occurrences still ahead (not cancelled), locked in id order (the one global order of session locks),
    with the seats confirmed in each, read under those locks; returned in time order."""
    rows = await conn.fetch(
        """SELECT s.id, s.starts_at, s.capacity, s.moved, s.occurrence,
                  (SELECT count(*) FROM registrations r WHERE r.session_id = s.id AND r.status = 'confirmed') AS confirmed
           FROM sessions s WHERE s.series_id = $1 AND s.status NOT IN ('cancelled', 'completed') AND s.starts_at > $2
           ORDER BY s.id FOR UPDATE OF s""",
        series_id, now,
    )
    seats = [Seats(r["id"], r["starts_at"], r["capacity"], r["confirmed"], r["moved"], r["occurrence"]) for r in rows]
    return sorted(seats, key=lambda s: s.starts_at)


async def confirmed_counts(conn: asyncpg.Connection, session_ids: list[UUID]) -> dict[UUID, int]:
    rows = await conn.fetch(
        """SELECT s.id, (SELECT count(*) FROM registrations r WHERE r.session_id = s.id AND r.status = 'confirmed') AS n
           FROM sessions s WHERE s.id = ANY($1::uuid[])""",
        session_ids,
    )
    return {r["id"]: r["n"] for r in rows}


async def page(conn: asyncpg.Connection, *, limit: int, after: tuple[datetime, UUID] | None,
               program_id: UUID | None) -> list[Series]:
    rows = await conn.fetch(
        f"""SELECT {_COLUMNS} FROM series
            WHERE ($1::uuid IS NULL OR program_id = $1)
              AND ($2::timestamptz IS NULL OR (created_at, id) > ($2, $3::uuid))
            ORDER BY created_at, id LIMIT $4""",
        program_id, *(after or (None, None)), limit + 1,
    )
    return [Series.model_validate(dict(r)) for r in rows]
