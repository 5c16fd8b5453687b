"""Reservations: units set aside for a session's or a training's window."""

import json
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from lantern_shared import locking

from ..domain.reservations import Reservation, ReservationStatus
from . import filters
from .devices import FREE_OF_RESERVATIONS

_RESERVATION = """r.id, r.purpose, r.partner_id, r.starts_at, r.ends_at, r.requested, r.missing, r.status,
    r.created_at, r.updated_at,
    coalesce((SELECT array_agg(device_id ORDER BY device_id) FROM reserved_devices WHERE reservation_id = r.id), '{}') AS device_ids"""

def _reservation(row: asyncpg.Record | None) -> Reservation | None:
    if row is None:
        return None
    return Reservation.model_validate(
        {**dict(row), "requested": json.loads(row["requested"]), "missing": json.loads(row["missing"])}
    )

async def get_reservation(conn: asyncpg.Connection, reservation_id: UUID, *, for_update: bool = False) -> Reservation | None:
    lock = " FOR UPDATE OF r" if for_update else ""
    return _reservation(await conn.fetchrow(f"SELECT {_RESERVATION} FROM reservations r WHERE r.id = $1{lock}",
                                            reservation_id))

async def lock_reservation_key(conn: asyncpg.Connection, reservation_id: UUID) -> None:
    # Serialises work on one session (a row may not exist yet to lock).
    await locking.advisory_xact_lock(conn, "reservation", str(reservation_id))

async def save_reservation(conn: asyncpg.Connection, reservation_id: UUID, purpose: str, partner_id: UUID | None,
                           starts_at: datetime, ends_at: datetime, requested: dict[str, int], missing: dict[str, int],
                           status: ReservationStatus) -> None:
    await conn.execute(
        """INSERT INTO reservations (id, purpose, partner_id, starts_at, ends_at, requested, missing, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (id) DO UPDATE SET starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at,
               requested = EXCLUDED.requested, missing = EXCLUDED.missing, status = EXCLUDED.status, updated_at = now()""",
        reservation_id, purpose, partner_id, starts_at, ends_at, json.dumps(requested), json.dumps(missing), status,
    )

async def set_reservation_status(conn: asyncpg.Connection, reservation_id: UUID, status: ReservationStatus) -> None:
    await conn.execute("UPDATE reservations SET status = $2, updated_at = now() WHERE id = $1", reservation_id, status)

async def free_for_window(conn: asyncpg.Connection, kinds: list[str], starts_at: datetime, ends_at: datetime) -> dict[str, list[UUID]]:
    """Units of these kinds that can serve the window, locked so that no concurrent reservation takes them too.

    A unit serves the window if it is available, awaiting its wipe, or on a loan due before the window starts, and
    no reservation overlaps it. A unit waiting for a hold's pickup is promised to that borrower's loan, so it does not.
    Available units come first.
    """
    rows = await conn.fetch(
        f"""SELECT d.id, d.kind FROM devices d
            WHERE d.kind = ANY($1::text[]) AND d.state IN ('available', 'quarantined', 'on_loan')
              AND {FREE_OF_RESERVATIONS}
              AND NOT EXISTS (SELECT 1 FROM loans l WHERE l.device_id = d.id AND l.returned_at IS NULL AND l.due_at > $2)
            ORDER BY d.state = 'available' DESC, d.asset_tag
            FOR UPDATE OF d""",
        kinds, starts_at, ends_at,
    )
    free: dict[str, list[UUID]] = {}
    for row in rows:
        free.setdefault(row["kind"], []).append(row["id"])
    return free

async def reserve_devices(conn: asyncpg.Connection, reservation_id: UUID, device_ids: list[UUID], starts_at: datetime,
                          ends_at: datetime) -> None:
    await conn.executemany(
        "INSERT INTO reserved_devices (reservation_id, device_id, during) VALUES ($1, $2, tstzrange($3, $4))",
        [(reservation_id, d, starts_at, ends_at) for d in device_ids],
    )

async def unreserve_devices(conn: asyncpg.Connection, reservation_id: UUID) -> list[UUID]:
    rows = await conn.fetch("DELETE FROM reserved_devices WHERE reservation_id = $1 RETURNING device_id", reservation_id)
    return sorted(r["device_id"] for r in rows)

async def reservations_with_unusable_units(conn: asyncpg.Connection, now: datetime) -> list[UUID]:
    """Reservations not yet over that count on a unit since lost, sent for repair or retired."""
    rows = await conn.fetch(
        """SELECT DISTINCT r.id FROM reservations r
           JOIN reserved_devices rd ON rd.reservation_id = r.id JOIN devices d ON d.id = rd.device_id
           WHERE r.status = 'reserved' AND r.ends_at > $1 AND d.state IN ('lost', 'in_maintenance', 'retired')""",
        now,
    )
    return [r["id"] for r in rows]

async def list_reservations(conn: asyncpg.Connection, *, status: ReservationStatus | None, partner_id: UUID | None,
                            starts_after: datetime | None, after: list[Any] | None, limit: int) -> list[Reservation]:
    where = filters.Filter()
    if status:
        where.add("r.status = {}", status)
    if partner_id:
        where.add("r.partner_id = {}", partner_id)
    if starts_after:
        where.add("r.starts_at >= {}", starts_after)
    where.after(after, "r")
    rows = await conn.fetch(
        f"SELECT {_RESERVATION} FROM reservations r {where.sql()} ORDER BY r.created_at, r.id {where.limit(limit)}",
        *where.args,
    )
    return [_reservation(r) for r in rows]  # type: ignore[misc]  # rows of a query are never None
