"""The hold queue: placing and cancelling holds, offering a free unit to the head of the queue, expiring pickups."""

import uuid
from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

import asyncpg

from lantern_shared.refusals import conflict, not_found
from lantern_shared.uow import UnitOfWork

from ..domain.devices import Device, DeviceKind, DeviceState
from ..domain.holds import LIVE, Hold, HoldStatus
from ..events import HOLD_CANCELLED, HOLD_PLACED, HOLD_READY, BorrowerRef, HoldCancelled, HoldPlaced, HoldReady
from ..store import devices, holds
from . import devices as inventory, lending

if TYPE_CHECKING:
    from ..deps import Deps

SCHEDULER = "system:scheduler"
HOLDS = "system:holds"


def hold_borrower(hold: Hold) -> BorrowerRef:
    assert hold.borrower_id is not None
    return BorrowerRef(kind=hold.borrower_kind, id=hold.borrower_id)


async def offer_to_queue(deps: "Deps", work: UnitOfWork, device: Device, actor: str, now: datetime) -> Hold | None:
    """An available unit goes to the first borrower waiting for its kind, who gets a pickup window."""
    policy = deps.policy
    hold = await holds.first_waiting(work.conn, device.kind)
    if hold is None:
        return None
    if await devices.reserved_during(work.conn, device.id, now, now + policy.hold_pickup + policy.loan_period(device.kind)):
        return None  # a session needs it before a loan would end: it waits for the session, not on a shelf for pickup
    ready = await holds.make_ready(work.conn, hold.id, device.id, now + policy.hold_pickup)
    await inventory.transition(work, device, DeviceState.RESERVED, f"ready for hold {hold.id}", actor)
    await work.publish(
        HOLD_READY,
        HoldReady(hold_id=hold.id, borrower=hold_borrower(hold), device_kind=hold.device_kind,
                  pickup_branch=hold.pickup_branch or device.home_branch, ready_until=ready.ready_until),
        key=str(hold.id), subject=f"holds/{hold.id}",
    )
    return ready


async def offer_free_unit(deps: "Deps", work: UnitOfWork, kind: DeviceKind, now: datetime) -> None:
    """A unit free right now goes to the head of the kind's queue at once."""
    until = now + deps.policy.hold_pickup + deps.policy.loan_period(kind)
    device = await devices.claim_available(work.conn, kind, now, until)
    if device is not None:
        await offer_to_queue(deps, work, device, HOLDS, now)


async def close_live_hold(deps: "Deps", work: UnitOfWork, hold: Hold, status: HoldStatus, reason: str, actor: str,
                          now: datetime) -> Hold:
    """Close a waiting or ready hold; a unit it had waiting goes to the next in line."""
    closed = await holds.close_hold(work.conn, hold.id, status, now)
    await work.publish(
        HOLD_CANCELLED,
        HoldCancelled(hold_id=hold.id, borrower=hold_borrower(hold), device_kind=hold.device_kind, reason=reason),
        key=str(hold.id), subject=f"holds/{hold.id}",
    )
    if hold.status is HoldStatus.READY and hold.device_id is not None:
        device = await devices.get_device(work.conn, hold.device_id, for_update=True)
        if device is not None and device.state is DeviceState.RESERVED:
            await inventory.make_available(deps, work, device, f"hold {hold.id} {reason}", actor, now)
    return closed


async def place_hold(deps: "Deps", *, borrower_id: UUID, kind: DeviceKind, pickup_branch: str | None) -> Hold:
    now = deps.clock()
    async with deps.uow() as work:
        borrower = await lending.eligible_borrower(deps, work, borrower_id, kind, now)
        await devices.lock_kind(work.conn, kind)
        try:
            async with work.conn.transaction():  # a savepoint: the unique index says one live hold per kind
                hold = await holds.insert_hold(work.conn, uuid.uuid4(), kind, borrower, pickup_branch, now)
        except asyncpg.UniqueViolationError as exc:
            raise conflict("already_holding", f"this borrower already has a hold on a {kind}") from exc
        place = await holds.queue_position(work.conn, hold.id)
        await work.publish(HOLD_PLACED,
                           HoldPlaced(hold_id=hold.id, borrower=hold_borrower(hold), device_kind=kind, position=place),
                           key=str(hold.id), subject=f"holds/{hold.id}")
        # With units free, the head of the queue is this hold.
        await offer_free_unit(deps, work, kind, now)
        hold = await holds.get_hold(work.conn, hold.id)  # type: ignore[assignment]  # re-read under the lock; it exists
    return hold


async def cancel_hold(deps: "Deps", hold_id: UUID, actor: str) -> Hold:
    now = deps.clock()
    async with deps.uow() as work:
        hold = await holds.locked_hold(work.conn, hold_id)
        if hold is None:
            raise not_found("hold", hold_id)
        if hold.status not in LIVE:
            raise conflict("hold_closed", f"this hold is already {hold.status}")
        return await close_live_hold(deps, work, hold, HoldStatus.CANCELLED, "borrower_cancelled", actor, now)


async def expire_pickups(deps: "Deps", now: datetime) -> int:
    """Ready holds not picked up in time: cancelled, and their unit passed to the next in line. Idempotent."""
    async with deps.pool.acquire() as conn:
        expired = [h.id for h in await holds.expired_ready_holds(conn, now)]
    done = 0
    for hold_id in expired:
        async with deps.uow() as work:
            hold = await holds.locked_hold(work.conn, hold_id)
            if hold is None or hold.status is not HoldStatus.READY or hold.ready_until is None or hold.ready_until > now:
                continue
            await close_live_hold(deps, work, hold, HoldStatus.EXPIRED, "pickup_expired", SCHEDULER, now)
            done += 1
    return done


# ---- reads --------------------------------------------------------------------------------------------------

async def position(conn: asyncpg.Connection, hold: Hold) -> int | None:
    """Place in the queue while waiting."""
    return await holds.queue_position(conn, hold.id) if hold.status is HoldStatus.WAITING else None


async def get_hold(deps: "Deps", hold_id: UUID) -> tuple[Hold, int | None]:
    async with deps.pool.acquire() as conn:
        hold = await holds.get_hold(conn, hold_id)
        if hold is None:
            raise not_found("hold", hold_id)
        return hold, await position(conn, hold)


async def list_holds(deps: "Deps", *, borrower_id: UUID | None, kind: DeviceKind | None, status: HoldStatus | None,
                     after: list | None, limit: int) -> list[tuple[Hold, int | None]]:
    async with deps.pool.acquire() as conn:
        rows = await holds.list_holds(conn, borrower_id=borrower_id, kind=kind, status=status, after=after, limit=limit)
        return [(h, await position(conn, h)) for h in rows]
