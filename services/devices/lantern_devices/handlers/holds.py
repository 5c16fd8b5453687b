"""The hold queue: placing and cancelling holds, and passing on units whose pickup window passed."""

import uuid
from datetime import datetime
from uuid import UUID

import asyncpg

from lantern_shared.outbox import Outbox

from .. import store
from ..domain import DeviceKind, DomainError, Hold, HoldStatus, LendingPolicy
from ..events import HOLD_PLACED, HoldPlaced
from .shared import SCHEDULER, cancel_live_hold, eligible_borrower, hold_borrower, offer_to_queue


async def place_hold(pool: asyncpg.Pool, outbox: Outbox, policy: LendingPolicy, *, borrower_id: UUID, kind: DeviceKind,
                     pickup_branch: str | None, now: datetime) -> Hold:
    async with pool.acquire() as conn, conn.transaction():
        borrower = await eligible_borrower(conn, policy, borrower_id, kind, now)
        await store.lock_kind(conn, kind)
        try:
            async with conn.transaction():
                hold = await store.insert_hold(conn, uuid.uuid4(), kind, borrower, pickup_branch, now)
        except asyncpg.UniqueViolationError as exc:
            raise DomainError("already_holding", f"this borrower already has a hold on a {kind}") from exc
        position = await store.queue_position(conn, hold.id)
        await outbox.add(conn, HOLD_PLACED,
                         HoldPlaced(hold_id=hold.id, borrower=hold_borrower(hold), device_kind=kind, position=position),
                         key=str(hold.id), subject=f"holds/{hold.id}")
        # A unit free right now goes to the head of the queue at once (which, with units free, is this hold).
        device = await store.claim_available(conn, kind, now, now + policy.hold_pickup + policy.loan_period(kind))
        if device is not None:
            await offer_to_queue(conn, outbox, policy, device, "system:holds", now)
            hold = await store.get_hold(conn, hold.id)  # type: ignore[assignment]
    return hold


async def cancel_hold(pool: asyncpg.Pool, outbox: Outbox, policy: LendingPolicy, hold_id: UUID, actor: str,
                      now: datetime) -> Hold:
    async with pool.acquire() as conn, conn.transaction():
        hold = await store.get_hold(conn, hold_id)
        if hold is None:
            raise DomainError("not_found", f"no hold {hold_id}", 404)
        await store.lock_kind(conn, hold.device_kind)
        hold = await store.get_hold(conn, hold_id, for_update=True)
        assert hold is not None
        if hold.status not in (HoldStatus.WAITING, HoldStatus.READY):
            raise DomainError("hold_closed", f"this hold is already {hold.status}")
        return await cancel_live_hold(conn, outbox, policy, hold, HoldStatus.CANCELLED, "borrower_cancelled", actor, now)


async def expire_pickups(pool: asyncpg.Pool, outbox: Outbox, policy: LendingPolicy, now: datetime) -> int:
    """Ready holds not picked up in time: cancelled, and their unit passed to the next in line. Idempotent."""
    async with pool.acquire() as conn:
        expired = [h.id for h in await store.expired_ready_holds(conn, now)]
    done = 0
    for hold_id in expired:
        async with pool.acquire() as conn, conn.transaction():
            hold = await store.get_hold(conn, hold_id)
            if hold is None:
                continue
            await store.lock_kind(conn, hold.device_kind)
            hold = await store.get_hold(conn, hold_id, for_update=True)
            if hold is None or hold.status is not HoldStatus.READY or hold.ready_until is None or hold.ready_until > now:
                continue
            await cancel_live_hold(conn, outbox, policy, hold, HoldStatus.EXPIRED, "pickup_expired", SCHEDULER, now)
            done += 1
    return done
