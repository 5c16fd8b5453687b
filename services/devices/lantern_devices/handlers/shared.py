"""Building blocks the use cases share: state transitions, the hold queue's offers, wipes, eligibility."""

from datetime import UTC, datetime
from uuid import UUID

import asyncpg

from lantern_shared.outbox import Outbox

from .. import store
from ..domain import (
    Borrower, Device, DeviceKind, DeviceState, DomainError, Hold, HoldStatus, LendingPolicy, Loan,
    borrowing_refusal, check_transition,
)
from ..events import (
    DEVICE_REACTIVATION_REQUESTED, DEVICE_STATE_CHANGED, HOLD_CANCELLED, HOLD_READY, BorrowerRef,
    DeviceCarrierRequest, DeviceStateChanged, HoldCancelled, HoldReady,
)


SCHEDULER = "system:scheduler"


async def transition(conn: asyncpg.Connection, outbox: Outbox, device: Device, to_state: DeviceState, reason: str,
                     actor: str) -> Device:
    check_transition(device.state, to_state)
    await store.change_state(conn, device.id, device.state, to_state, reason, actor)
    await outbox.add(
        conn, DEVICE_STATE_CHANGED,
        DeviceStateChanged(device_id=device.id, kind=device.kind, asset_tag=device.asset_tag, from_state=device.state,
                           to_state=to_state, reason=reason, actor=actor),
        key=str(device.id), subject=f"devices/{device.id}",
    )
    return device.model_copy(update={"state": to_state})


def loan_facts(loan: Loan) -> dict:
    assert loan.borrower_id is not None, "events about a loan are published before it is anonymized"
    return {"loan_id": loan.id, "device_id": loan.device_id, "device_kind": loan.device_kind, "asset_tag": loan.asset_tag,
            "borrower": BorrowerRef(kind=loan.borrower_kind, id=loan.borrower_id)}


def hold_borrower(hold: Hold) -> BorrowerRef:
    assert hold.borrower_id is not None
    return BorrowerRef(kind=hold.borrower_kind, id=hold.borrower_id)


async def offer_to_queue(conn: asyncpg.Connection, outbox: Outbox, policy: LendingPolicy, device: Device, actor: str,
                         now: datetime) -> Hold | None:
    """An available unit goes to the first borrower waiting for its kind, who gets a pickup window."""
    hold = await store.first_waiting(conn, device.kind)
    if hold is None:
        return None
    if await store.reserved_during(conn, device.id, now, now + policy.hold_pickup + policy.loan_period(device.kind)):
        return None  # a session needs it before a loan would end: it waits for the session, not on a shelf for pickup
    ready = await store.make_ready(conn, hold.id, device.id, now + policy.hold_pickup)
    await transition(conn, outbox, device, DeviceState.RESERVED, f"ready for hold {hold.id}", actor)
    await outbox.add(
        conn, HOLD_READY,
        HoldReady(hold_id=hold.id, borrower=hold_borrower(hold), device_kind=hold.device_kind,
                  pickup_branch=hold.pickup_branch or device.home_branch, ready_until=ready.ready_until),
        key=str(hold.id), subject=f"holds/{hold.id}",
    )
    return ready


async def make_available(conn: asyncpg.Connection, outbox: Outbox, policy: LendingPolicy, device: Device, reason: str,
                         actor: str, now: datetime) -> Device:
    device = await transition(conn, outbox, device, DeviceState.AVAILABLE, reason, actor)
    if await offer_to_queue(conn, outbox, policy, device, actor, now):
        return device.model_copy(update={"state": DeviceState.RESERVED})
    return device


async def cancel_live_hold(conn: asyncpg.Connection, outbox: Outbox, policy: LendingPolicy, hold: Hold, status: HoldStatus,
                           reason: str, actor: str, now: datetime) -> Hold:
    """Close a waiting or ready hold; a unit it had waiting goes to the next in line."""
    closed = await store.close_hold(conn, hold.id, status, now)
    await outbox.add(
        conn, HOLD_CANCELLED,
        HoldCancelled(hold_id=hold.id, borrower=hold_borrower(hold), device_kind=hold.device_kind, reason=reason),
        key=str(hold.id), subject=f"holds/{hold.id}",
    )
    if hold.status is HoldStatus.READY and hold.device_id is not None:
        device = await store.get_device(conn, hold.device_id, for_update=True)
        if device is not None and device.state is DeviceState.RESERVED:
            await make_available(conn, outbox, policy, device, f"hold {hold.id} {reason}", actor, now)
    return closed


async def apply_wipe(conn: asyncpg.Connection, outbox: Outbox, policy: LendingPolicy, device_id: UUID, wiped_at: datetime,
                     actor: str, now: datetime) -> Device:
    """A confirmed wipe ends quarantine: the unit is lendable again and its last borrowers' links can go."""
    found = await store.get_device(conn, device_id)
    if found is None:
        raise DomainError("not_found", f"no device {device_id}", 404)
    await store.lock_kind(conn, found.kind)
    device = await store.get_device(conn, device_id, for_update=True)
    assert device is not None
    awaiting = device.state is DeviceState.QUARANTINED or (
        device.state is DeviceState.IN_MAINTENANCE and await store.wipe_pending(conn, device.id))
    if not awaiting:
        raise DomainError("not_quarantined", f"the device is {device.state}, not awaiting a wipe")
    await store.clear_returned_loans(conn, device.id, min(wiped_at, now))
    await store.anonymize_cleared(conn, now, now - policy.anonymize_after_clear)
    if device.state is DeviceState.IN_MAINTENANCE:  # wiped in the workshop: it stays there until repaired
        return device
    return await make_available(conn, outbox, policy, device, "wipe confirmed", actor, now)


async def request_reactivation(conn: asyncpg.Connection, outbox: Outbox, loan: Loan, reason: str) -> None:
    await outbox.add(conn, DEVICE_REACTIVATION_REQUESTED,
                     DeviceCarrierRequest(device_id=loan.device_id, asset_tag=loan.asset_tag, kind=loan.device_kind,
                                          loan_id=loan.id, reason=reason),
                     key=str(loan.device_id), subject=f"devices/{loan.device_id}")


async def eligible_borrower(conn: asyncpg.Connection, policy: LendingPolicy, borrower_id: UUID, kind: DeviceKind,
                             now: datetime, *, emergency: bool = False) -> Borrower:
    # The borrower's row lock serialises one borrower's checkouts, so per-borrower limits hold under races.
    borrower = await store.get_borrower(conn, borrower_id, for_update=True)
    open_loans = await store.open_loans_of(conn, borrower_id) if borrower else []
    refusal = borrowing_refusal(borrower, kind, open_loans, policy, now, emergency=emergency)
    if refusal is not None:
        raise refusal
    assert borrower is not None
    return borrower


def utc_now() -> datetime:
    return datetime.now(UTC)
