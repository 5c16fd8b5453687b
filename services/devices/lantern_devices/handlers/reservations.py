"""Units reserved for sessions and partner trainings, and the saga's answers to registration."""

import logging
import uuid
from datetime import datetime
from uuid import UUID

import asyncpg

from lantern_shared.consumer import EventContext
from lantern_shared.outbox import Outbox

from .. import store
from ..domain import DeviceKind, DomainError, Reservation, ReservationStatus, allocate
from ..events import (
    DEVICES_RELEASED, DEVICES_RESERVATION_FAILED, DEVICES_RESERVED, DevicesReleased, DevicesReservationFailed,
    DevicesReserved, SessionCancelled, SessionScheduled,
)

log = logging.getLogger(__name__)


async def reserve(conn: asyncpg.Connection, reservation_id: UUID, *, purpose: str, partner_id: UUID | None,
                  starts_at: datetime, ends_at: datetime, requested: dict[str, int]) -> tuple[Reservation, list[UUID]]:
    """(Re)reserve units for a window, all or nothing; returns the reservation and the units it no longer holds."""
    previous = await store.unreserve_devices(conn, reservation_id)
    lendable = sorted(k for k in requested if k in DeviceKind.__members__.values())
    for kind in lendable:
        await store.lock_kind(conn, kind)
    free = await store.free_for_window(conn, lendable, starts_at, ends_at) if lendable else {}
    for kind, ids in free.items():  # units this window already had are kept where possible
        ids.sort(key=lambda d: d not in previous)
    chosen, missing = allocate(requested, free)
    device_ids = sorted(d for ids in chosen.values() for d in ids)
    status = ReservationStatus.FAILED if missing else ReservationStatus.RESERVED
    await store.save_reservation(conn, reservation_id, purpose, partner_id, starts_at, ends_at, requested, missing, status)
    await store.reserve_devices(conn, reservation_id, device_ids, starts_at, ends_at)
    reservation = await store.get_reservation(conn, reservation_id)
    assert reservation is not None
    return reservation, [d for d in previous if d not in device_ids]


class Shortfall(DomainError):
    """A request for units that cannot all be had: says how many of each kind are missing."""

    def __init__(self, requested: dict[str, int], missing: dict[str, int]) -> None:
        super().__init__("shortfall", "not enough units are free for that window")
        self.requested = requested
        self.missing = missing


async def reserve_for_training(pool: asyncpg.Pool, *, partner_id: UUID, starts_at: datetime, ends_at: datetime,
                               requested: dict[str, int]) -> Reservation:
    """Units for a partner's training at its own site; refused whole, with what is missing, on a shortfall."""
    async with pool.acquire() as conn, conn.transaction():
        reservation, _ = await reserve(conn, uuid.uuid4(), purpose="partner_training", partner_id=partner_id,
                                       starts_at=starts_at, ends_at=ends_at, requested=requested)
        if reservation.status is ReservationStatus.FAILED:
            raise Shortfall(requested, reservation.missing)
    return reservation


async def release_training(pool: asyncpg.Pool, reservation_id: UUID) -> Reservation:
    async with pool.acquire() as conn, conn.transaction():
        found = await store.get_reservation(conn, reservation_id, for_update=True)
        if found is None:
            raise DomainError("not_found", f"no reservation {reservation_id}", 404)
        if found.purpose != "partner_training":
            raise DomainError("session_reservation", "a session's units are released when the session is cancelled")
        await release(conn, reservation_id)
        released = await store.get_reservation(conn, reservation_id)
    assert released is not None
    return released


async def release(conn: asyncpg.Connection, reservation_id: UUID) -> list[UUID]:
    released = await store.unreserve_devices(conn, reservation_id)
    await store.set_reservation_status(conn, reservation_id, ReservationStatus.RELEASED)
    return released


async def session_scheduled(event: SessionScheduled, ctx: EventContext) -> None:
    """Scheduled or updated: reserve what the session needs for its window, and say what was reserved or is short."""
    conn = ctx.conn
    await store.lock_reservation_key(conn, event.session_id)
    existing = await store.get_reservation(conn, event.session_id, for_update=True)
    if existing is not None and existing.status is ReservationStatus.RELEASED:
        log.info("session %s was cancelled; an update to it reserves nothing", event.session_id)
        return
    requested = {kind: count for kind, count in event.devices_needed.items() if count > 0}
    if existing is None and not requested:
        return
    if (existing is not None and existing.status is ReservationStatus.RESERVED and existing.requested == requested
            and existing.starts_at == event.starts_at and existing.ends_at == event.ends_at):
        return  # nothing that matters to equipment changed
    partner_id = event.host.partner_id if event.host else None
    reservation, _ = await reserve(conn, event.session_id, purpose="session", partner_id=partner_id,
                                   starts_at=event.starts_at, ends_at=event.ends_at, requested=requested)
    key = str(event.session_id)
    if requested:
        await _answer_session(conn, ctx.outbox, reservation)
    elif existing is not None and existing.device_ids:
        await ctx.publish(DEVICES_RELEASED, DevicesReleased(session_id=event.session_id, device_ids=existing.device_ids),
                          key=key, subject=f"sessions/{key}")


async def _answer_session(conn: asyncpg.Connection, outbox: Outbox, reservation: Reservation) -> None:
    """Tell registration what its session has: the units reserved, or what is missing."""
    key = str(reservation.id)
    if reservation.status is ReservationStatus.FAILED:
        await outbox.add(conn, DEVICES_RESERVATION_FAILED,
                         DevicesReservationFailed(session_id=reservation.id, requested=reservation.requested,
                                                  missing=reservation.missing),
                         key=key, subject=f"sessions/{key}")
    else:
        await outbox.add(conn, DEVICES_RESERVED,
                         DevicesReserved(session_id=reservation.id, reserved=reservation.requested,
                                         device_ids=reservation.device_ids),
                         key=key, subject=f"sessions/{key}")


async def recheck_reservations(pool: asyncpg.Pool, outbox: Outbox, now: datetime) -> int:
    """A reserved unit that is lost, in repair or retired is replaced by a free one, or the session hears it is short."""
    async with pool.acquire() as conn:
        affected = await store.reservations_with_unusable_units(conn, now)
    for reservation_id in affected:
        async with pool.acquire() as conn, conn.transaction():
            await store.lock_reservation_key(conn, reservation_id)
            current = await store.get_reservation(conn, reservation_id, for_update=True)
            if current is None or current.status is not ReservationStatus.RESERVED or current.ends_at <= now:
                continue
            reservation, _ = await reserve(conn, reservation_id, purpose=current.purpose, partner_id=current.partner_id,
                                           starts_at=current.starts_at, ends_at=current.ends_at,
                                           requested=current.requested)
            if reservation.purpose == "session":
                await _answer_session(conn, outbox, reservation)
            log.info("reservation %s re-checked: %s", reservation_id, reservation.status)
    return len(affected)


async def session_cancelled(event: SessionCancelled, ctx: EventContext) -> None:
    await store.lock_reservation_key(ctx.conn, event.session_id)
    existing = await store.get_reservation(ctx.conn, event.session_id, for_update=True)
    if existing is None or existing.status is ReservationStatus.RELEASED:
        return
    released = await release(ctx.conn, event.session_id)
    key = str(event.session_id)
    await ctx.publish(DEVICES_RELEASED, DevicesReleased(session_id=event.session_id, device_ids=released),
                      key=key, subject=f"sessions/{key}")
