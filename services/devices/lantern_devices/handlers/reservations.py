"""Units reserved for sessions and partner trainings, and the saga's answers to registration."""

import logging
import uuid
from datetime import datetime
from uuid import UUID

from typing import TYPE_CHECKING

import asyncpg

from lantern_shared.refusals import conflict, not_found
from lantern_shared.uow import UnitOfWork

from ..domain.devices import DeviceKind
from ..domain.reservations import Reservation, ReservationStatus, allocate
from ..errors import shortfall
from ..events import (
    DEVICES_RELEASED, DEVICES_RESERVATION_FAILED, DEVICES_RESERVED, DevicesReleased, DevicesReservationFailed,
    DevicesReserved, SessionCancelled, SessionScheduled,
)
from ..store import devices, reservations

if TYPE_CHECKING:
    from ..deps import Deps

log = logging.getLogger(__name__)


async def reserve(conn: asyncpg.Connection, reservation_id: UUID, *, purpose: str, partner_id: UUID | None,
                  starts_at: datetime, ends_at: datetime, requested: dict[str, int]) -> tuple[Reservation, list[UUID]]:
    """(Re)reserve units for a window, all or nothing; returns the reservation and the units it no longer holds."""
    previous = await reservations.unreserve_devices(conn, reservation_id)
    lendable = sorted(k for k in requested if k in DeviceKind.__members__.values())
    for kind in lendable:
        await devices.lock_kind(conn, kind)
    free = await reservations.free_for_window(conn, lendable, starts_at, ends_at) if lendable else {}
    for ids in free.values():  # units this window already had are kept where possible
        ids.sort(key=lambda d: d not in previous)
    chosen, missing = allocate(requested, free)
    device_ids = sorted(d for ids in chosen.values() for d in ids)
    status = ReservationStatus.FAILED if missing else ReservationStatus.RESERVED
    await reservations.save_reservation(conn, reservation_id, purpose, partner_id, starts_at, ends_at, requested, missing, status)
    await reservations.reserve_devices(conn, reservation_id, device_ids, starts_at, ends_at)
    reservation = await reservations.get_reservation(conn, reservation_id)
    assert reservation is not None
    return reservation, [d for d in previous if d not in device_ids]


async def reserve_for_training(deps: "Deps", *, partner_id: UUID, starts_at: datetime, ends_at: datetime,
                               requested: dict[str, int]) -> Reservation:
    """Units for a partner's training at its own site; refused whole, with what is missing, on a shortfall."""
    async with deps.uow() as work:
        reservation, _ = await reserve(work.conn, uuid.uuid4(), purpose="partner_training", partner_id=partner_id,
                                       starts_at=starts_at, ends_at=ends_at, requested=requested)
        if reservation.status is ReservationStatus.FAILED:
            raise shortfall(requested, reservation.missing)
    return reservation


async def release_training(deps: "Deps", reservation_id: UUID) -> Reservation:
    async with deps.uow() as work:
        found = await reservations.get_reservation(work.conn, reservation_id, for_update=True)
        if found is None:
            raise not_found("reservation", reservation_id)
        if found.purpose != "partner_training":
            raise conflict("session_reservation", "a session's units are released when the session is cancelled")
        await release(work.conn, reservation_id)
        released = await reservations.get_reservation(work.conn, reservation_id)
    assert released is not None
    return released


async def release(conn: asyncpg.Connection, reservation_id: UUID) -> list[UUID]:
    released = await reservations.unreserve_devices(conn, reservation_id)
    await reservations.set_reservation_status(conn, reservation_id, ReservationStatus.RELEASED)
    return released


async def session_scheduled(deps: "Deps", work: UnitOfWork, event: SessionScheduled) -> None:
    """Scheduled or updated: reserve what the session needs for its window, and say what was reserved or is short."""
    conn = work.conn
    await reservations.lock_reservation_key(conn, event.session_id)
    existing = await reservations.get_reservation(conn, event.session_id, for_update=True)
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
        await _answer_session(work, reservation)
    elif existing is not None and existing.device_ids:
        await work.publish(DEVICES_RELEASED, DevicesReleased(session_id=event.session_id, device_ids=existing.device_ids),
                          key=key, subject=f"sessions/{key}")


async def _answer_session(work: UnitOfWork, reservation: Reservation) -> None:
    """Tell registration what its session has: the units reserved, or what is missing."""
    key = str(reservation.id)
    if reservation.status is ReservationStatus.FAILED:
        await work.publish(DEVICES_RESERVATION_FAILED,
                         DevicesReservationFailed(session_id=reservation.id, requested=reservation.requested,
                                                  missing=reservation.missing),
                         key=key, subject=f"sessions/{key}")
    else:
        await work.publish(DEVICES_RESERVED,
                         DevicesReserved(session_id=reservation.id, reserved=reservation.requested,
                                         device_ids=reservation.device_ids),
                         key=key, subject=f"sessions/{key}")


async def recheck_reservations(deps: "Deps", now: datetime) -> int:
    """A reserved unit that is lost, in repair or retired is replaced by a free one, or the session hears it is short."""
    async with deps.pool.acquire() as conn:
        affected = await reservations.reservations_with_unusable_units(conn, now)
    for reservation_id in affected:
        async with deps.uow() as work:
            conn = work.conn
            await reservations.lock_reservation_key(conn, reservation_id)
            current = await reservations.get_reservation(conn, reservation_id, for_update=True)
            if current is None or current.status is not ReservationStatus.RESERVED or current.ends_at <= now:
                continue
            reservation, _ = await reserve(conn, reservation_id, purpose=current.purpose, partner_id=current.partner_id,
                                           starts_at=current.starts_at, ends_at=current.ends_at,
                                           requested=current.requested)
            if reservation.purpose == "session":
                await _answer_session(work, reservation)
            log.info("reservation %s re-checked: %s", reservation_id, reservation.status)
    return len(affected)


async def session_cancelled(deps: "Deps", work: UnitOfWork, event: SessionCancelled) -> None:
    await reservations.lock_reservation_key(work.conn, event.session_id)
    existing = await reservations.get_reservation(work.conn, event.session_id, for_update=True)
    if existing is None or existing.status is ReservationStatus.RELEASED:
        return
    released = await release(work.conn, event.session_id)
    key = str(event.session_id)
    await work.publish(DEVICES_RELEASED, DevicesReleased(session_id=event.session_id, device_ids=released),
                      key=key, subject=f"sessions/{key}")


# ---- reads --------------------------------------------------------------------------------------------------

async def get_reservation(deps: "Deps", reservation_id: UUID) -> Reservation:
    async with deps.pool.acquire() as conn:
        found = await reservations.get_reservation(conn, reservation_id)
    if found is None:
        raise not_found("reservation", reservation_id)
    return found
