"""Devices' use cases: each a local transaction plus the events it causes."""

import logging
import uuid
from datetime import UTC, datetime, timedelta
from uuid import UUID

import asyncpg

from lantern_shared.consumer import EventContext
from lantern_shared.outbox import Outbox

from . import store
from .domain import (
    Borrower, BorrowerKind, BorrowerStatus, Device, DeviceKind, DeviceState, DomainError, Hold, HoldStatus, KitItem, LendingPolicy, Loan,
    Reservation, ReservationStatus, allocate, borrowing_refusal, check_manual_transition, check_transition,
    renewal_refusal, unknown_accessories,
)
from .events import (
    DEVICE_ADDED, DEVICE_DEACTIVATION_REQUESTED, DEVICES_RELEASED, DEVICES_RESERVATION_FAILED, DEVICES_RESERVED, DEVICE_REACTIVATION_REQUESTED, DEVICE_STATE_CHANGED, HOLD_CANCELLED,
    HOLD_PLACED, HOLD_READY, LOAN_DUE_SOON, LOAN_OVERDUE, LOAN_RECALL_REQUESTED, LOAN_RENEWED, LOAN_RETURNED,
    LOAN_STARTED, BorrowerRef, DeviceAdded, DeviceCarrierRequest, DeviceStateChanged, HoldCancelled, HoldPlaced,
    DeviceReported, DevicesReleased, DevicesReservationFailed, DevicesReserved, DeviceWiped, PartnerActivated,
    PartnerLapsed, PartnerRegistered, PatronEnrolled, PatronErased, SessionCancelled, SessionScheduled,
    HoldReady, LoanDueSoon, LoanOverdue, LoanRecallRequested, LoanRenewed, LoanReturned, LoanStarted,
)

log = logging.getLogger(__name__)

SCHEDULER = "system:scheduler"


# ---- building blocks shared by HTTP, consumers and jobs ----------------------------------------------------

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


def _loan_facts(loan: Loan) -> dict:
    assert loan.borrower_id is not None, "events about a loan are published before it is anonymized"
    return {"loan_id": loan.id, "device_id": loan.device_id, "device_kind": loan.device_kind, "asset_tag": loan.asset_tag,
            "borrower": BorrowerRef(kind=loan.borrower_kind, id=loan.borrower_id)}


def _hold_borrower(hold: Hold) -> BorrowerRef:
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
        HoldReady(hold_id=hold.id, borrower=_hold_borrower(hold), device_kind=hold.device_kind,
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
        HoldCancelled(hold_id=hold.id, borrower=_hold_borrower(hold), device_kind=hold.device_kind, reason=reason),
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


# ---- inventory ---------------------------------------------------------------------------------------------

async def add_device(pool: asyncpg.Pool, outbox: Outbox, policy: LendingPolicy, *, kind: DeviceKind, asset_tag: str,
                     serial: str, home_branch: str, model: str | None, contents: list[KitItem], emergency_pool: bool,
                     actor: str, now: datetime) -> Device:
    async with pool.acquire() as conn, conn.transaction():
        await store.lock_kind(conn, kind)
        try:
            device = await store.insert_device(conn, uuid.uuid4(), kind, asset_tag, serial, home_branch, model, contents,
                                               emergency_pool)
        except asyncpg.UniqueViolationError as exc:
            field = "asset_tag" if "asset_tag" in (exc.constraint_name or "") else "serial"
            raise DomainError(f"duplicate_{field}", f"a device with this {field.replace('_', ' ')} already exists") from exc
        await store.change_state(conn, device.id, None, DeviceState.AVAILABLE, "added to inventory", actor)
        await outbox.add(
            conn, DEVICE_ADDED,
            DeviceAdded(device_id=device.id, kind=device.kind, asset_tag=device.asset_tag, home_branch=device.home_branch,
                        emergency_pool=device.emergency_pool),
            key=str(device.id), subject=f"devices/{device.id}",
        )
        if await offer_to_queue(conn, outbox, policy, device, actor, now):
            device = device.model_copy(update={"state": DeviceState.RESERVED})
    return device


async def change_device_state(pool: asyncpg.Pool, outbox: Outbox, policy: LendingPolicy, device_id: UUID,
                              to_state: DeviceState, reason: str, actor: str, now: datetime) -> Device:
    async with pool.acquire() as conn, conn.transaction():
        device = await _locked_device(conn, device_id)
        check_manual_transition(device.state, to_state)
        if device.state is DeviceState.RESERVED:
            hold = await store.ready_hold_on(conn, device.id)
            if hold is not None:
                raise DomainError("held_for_pickup", "this device is waiting for a borrower's pickup; cancel the hold first")
        if to_state is DeviceState.AVAILABLE:
            if await store.wipe_pending(conn, device.id):
                raise DomainError("wipe_not_confirmed", "this device came back from a loan and its wipe is not confirmed")
            return await make_available(conn, outbox, policy, device, reason, actor, now)
        return await transition(conn, outbox, device, to_state, reason, actor)


async def confirm_wipe(pool: asyncpg.Pool, outbox: Outbox, policy: LendingPolicy, device_id: UUID, actor: str,
                       now: datetime) -> Device:
    async with pool.acquire() as conn, conn.transaction():
        return await apply_wipe(conn, outbox, policy, device_id, now, actor, now)


async def _locked_device(conn: asyncpg.Connection, device_id: UUID) -> Device:
    found = await store.get_device(conn, device_id)
    if found is None:
        raise DomainError("not_found", f"no device {device_id}", 404)
    await store.lock_kind(conn, found.kind)
    device = await store.get_device(conn, device_id, for_update=True)
    assert device is not None
    return device


# ---- loans -------------------------------------------------------------------------------------------------

async def _eligible_borrower(conn: asyncpg.Connection, policy: LendingPolicy, borrower_id: UUID, kind: DeviceKind,
                             now: datetime, *, emergency: bool = False) -> Borrower:
    # The borrower's row lock serialises one borrower's checkouts, so per-borrower limits hold under races.
    borrower = await store.get_borrower(conn, borrower_id, for_update=True)
    open_loans = await store.open_loans_of(conn, borrower_id) if borrower else []
    refusal = borrowing_refusal(borrower, kind, open_loans, policy, now, emergency=emergency)
    if refusal is not None:
        raise refusal
    assert borrower is not None
    return borrower


async def _start_loan(conn: asyncpg.Connection, outbox: Outbox, device: Device, borrower: Borrower, due_at: datetime,
                      emergency: bool, actor: str, now: datetime) -> Loan:
    try:
        async with conn.transaction():  # a savepoint: the unique index is the last word on double lending
            loan = await store.insert_loan(conn, uuid.uuid4(), device, borrower, now, due_at, emergency)
    except asyncpg.UniqueViolationError as exc:
        raise DomainError("already_on_loan", "device already on loan") from exc
    await transition(conn, outbox, device, DeviceState.ON_LOAN, f"lent ({loan.id})", actor)
    await outbox.add(conn, LOAN_STARTED, LoanStarted(**_loan_facts(loan), due_at=loan.due_at, started_at=loan.started_at),
                     key=str(loan.id), subject=f"loans/{loan.id}")
    return loan


async def lend(pool: asyncpg.Pool, outbox: Outbox, policy: LendingPolicy, *, borrower_id: UUID, device_id: UUID | None,
               kind: DeviceKind | None, due_at: datetime | None, actor: str, now: datetime) -> Loan:
    """Lend a given device, or any available unit of a kind (the borrower's ready hold first)."""
    async with pool.acquire() as conn, conn.transaction():
        if device_id is not None:
            found = await store.get_device(conn, device_id)
            if found is None:
                raise DomainError("not_found", f"no device {device_id}", 404)
            kind = found.kind
        assert kind is not None
        borrower = await _eligible_borrower(conn, policy, borrower_id, kind, now)
        due = policy.due_at(kind, borrower.kind, now, due_at)
        await store.lock_kind(conn, kind)
        hold = await store.ready_hold_of(conn, borrower.id, kind)
        if device_id is not None:
            device = await store.get_device(conn, device_id, for_update=True)
            assert device is not None
            await _check_lendable(conn, device, borrower, hold)
        elif hold is not None:
            device = await store.get_device(conn, hold.device_id, for_update=True)  # type: ignore[arg-type]
            assert device is not None
        else:
            device = await store.claim_available(conn, kind, now, due)
            if device is None:
                waiting = await store.waiting_count(conn, kind)
                raise DomainError("none_available", f"no {kind} is available to lend now"
                                  + (f"; {waiting} borrowers are waiting" if waiting else "; place a hold"))
        if await store.reserved_during(conn, device.id, now, due):
            raise DomainError("reserved_for_session", f"{device.asset_tag} is reserved for a session before the loan would end")
        loan = await _start_loan(conn, outbox, device, borrower, due, False, actor, now)
        if hold is not None:
            await store.close_hold(conn, hold.id, HoldStatus.FULFILLED, now)
    return loan


async def _check_lendable(conn: asyncpg.Connection, device: Device, borrower: Borrower, hold: Hold | None) -> None:
    if device.state is DeviceState.ON_LOAN:
        raise DomainError("already_on_loan", "device already on loan")
    if device.state is DeviceState.RESERVED:
        if hold is None or hold.device_id != device.id:
            raise DomainError("held_for_another", "this device is waiting for another borrower's pickup")
        return
    if device.state is not DeviceState.AVAILABLE:
        raise DomainError("not_available", f"the device is {device.state.replace('_', ' ')}")
    if hold is not None:
        raise DomainError("hold_waiting", f"a {device.kind} is waiting for this borrower; lend that one ({hold.device_id})")


async def lend_emergency(pool: asyncpg.Pool, outbox: Outbox, policy: LendingPolicy, *, borrower_id: UUID,
                         device_ids: list[UUID], due_at: datetime | None, actor: str, now: datetime) -> list[Loan]:
    """Lend many emergency-pool units at once (disaster response): all of them or none; per-kind limits waived."""
    async with pool.acquire() as conn, conn.transaction():
        devices = []
        for device_id in device_ids:
            found = await store.get_device(conn, device_id)
            if found is None:
                raise DomainError("not_found", f"no device {device_id}", 404)
            devices.append(found)
        kinds = sorted({d.kind for d in devices})
        borrower = None
        for kind in kinds:
            borrower = await _eligible_borrower(conn, policy, borrower_id, kind, now, emergency=True)
        assert borrower is not None
        for kind in kinds:
            await store.lock_kind(conn, kind)
        loans = []
        for found in sorted(devices, key=lambda d: d.asset_tag):
            device = await store.get_device(conn, found.id, for_update=True)
            assert device is not None
            if not device.emergency_pool:
                raise DomainError("not_in_emergency_pool", f"{device.asset_tag} is not in the emergency pool")
            if device.state is not DeviceState.AVAILABLE:
                raise DomainError("not_available", f"{device.asset_tag} is {device.state.replace('_', ' ')}")
            due = policy.due_at(device.kind, borrower.kind, now, due_at)
            if await store.reserved_during(conn, device.id, now, due):
                raise DomainError("reserved_for_session", f"{device.asset_tag} is reserved for a session before the loan would end")
            loans.append(await _start_loan(conn, outbox, device, borrower, due, True, actor, now))
    return loans


async def renew(pool: asyncpg.Pool, outbox: Outbox, policy: LendingPolicy, loan_id: UUID, now: datetime) -> Loan:
    async with pool.acquire() as conn, conn.transaction():
        loan = await _open_loan(conn, loan_id)
        await store.lock_kind(conn, loan.device_kind)
        borrower = await store.get_borrower(conn, loan.borrower_id) if loan.borrower_id else None  # type: ignore[arg-type]
        if borrower is None or borrower.status != "active":
            raise DomainError("borrower_not_active", "this borrower may not renew")
        refusal = renewal_refusal(loan.renewals, await store.waiting_count(conn, loan.device_kind), policy, loan.device_kind)
        if refusal is not None:
            raise refusal
        # The new period runs from the current due date or today, whichever is later.
        due = policy.due_at(loan.device_kind, loan.borrower_kind, max(now, loan.due_at))
        if await store.reserved_during(conn, loan.device_id, loan.due_at, due):
            raise DomainError("reserved_for_session", "the device is reserved for a session within the renewed period")
        renewed = await store.record_renewal(conn, loan.id, due)
        await outbox.add(conn, LOAN_RENEWED, LoanRenewed(**_loan_facts(renewed), due_at=due, renewals=renewed.renewals),
                         key=str(loan.id), subject=f"loans/{loan.id}")
        if loan.deactivation_requested_at is not None:  # renewed while switched off: the patron needs it working
            await _request_reactivation(conn, outbox, loan, "renewed")
    return renewed


async def _open_loan(conn: asyncpg.Connection, loan_id: UUID) -> Loan:
    loan = await store.get_loan(conn, loan_id, for_update=True)
    if loan is None:
        raise DomainError("not_found", f"no loan {loan_id}", 404)
    if loan.returned_at is not None:
        raise DomainError("already_returned", "this loan was already returned")
    return loan


async def return_loan(pool: asyncpg.Pool, outbox: Outbox, loan_id: UUID, *, condition: str, missing: list[str],
                      actor: str, now: datetime) -> Loan:
    async with pool.acquire() as conn, conn.transaction():
        loan = await _open_loan(conn, loan_id)
        device = await store.get_device(conn, loan.device_id, for_update=True)
        assert device is not None
        unknown = unknown_accessories(device.contents, missing)
        if unknown:
            raise DomainError("unknown_accessories", f"not on this device's kit list: {', '.join(unknown)}", 422,
                              field="missing_accessories")
        returned = await store.record_return(conn, loan.id, now, condition, missing)
        await transition(conn, outbox, device, DeviceState.QUARANTINED, "returned; awaiting wipe", actor)
        await outbox.add(conn, LOAN_RETURNED,
                         LoanReturned(**_loan_facts(returned), returned_at=now, condition=condition, missing_accessories=missing),
                         key=str(loan.id), subject=f"loans/{loan.id}")
        if loan.deactivation_requested_at is not None:
            await _request_reactivation(conn, outbox, loan, "returned")
        borrower = await store.get_borrower(conn, loan.borrower_id)  # type: ignore[arg-type]
        if borrower is not None and borrower.status is BorrowerStatus.ERASED:
            await store.anonymize_returned_of(conn, borrower.id, now)  # nothing left to ask an erased patron
            returned = await store.get_loan(conn, loan.id)  # type: ignore[assignment]
    return returned


async def _request_reactivation(conn: asyncpg.Connection, outbox: Outbox, loan: Loan, reason: str) -> None:
    await outbox.add(conn, DEVICE_REACTIVATION_REQUESTED,
                     DeviceCarrierRequest(device_id=loan.device_id, asset_tag=loan.asset_tag, kind=loan.device_kind,
                                          loan_id=loan.id, reason=reason),
                     key=str(loan.device_id), subject=f"devices/{loan.device_id}")


# ---- holds -------------------------------------------------------------------------------------------------

async def place_hold(pool: asyncpg.Pool, outbox: Outbox, policy: LendingPolicy, *, borrower_id: UUID, kind: DeviceKind,
                     pickup_branch: str | None, now: datetime) -> Hold:
    async with pool.acquire() as conn, conn.transaction():
        borrower = await _eligible_borrower(conn, policy, borrower_id, kind, now)
        await store.lock_kind(conn, kind)
        try:
            async with conn.transaction():
                hold = await store.insert_hold(conn, uuid.uuid4(), kind, borrower, pickup_branch, now)
        except asyncpg.UniqueViolationError as exc:
            raise DomainError("already_holding", f"this borrower already has a hold on a {kind}") from exc
        position = await store.queue_position(conn, hold.id)
        await outbox.add(conn, HOLD_PLACED,
                         HoldPlaced(hold_id=hold.id, borrower=_hold_borrower(hold), device_kind=kind, position=position),
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


# ---- scheduled reminders and carrier requests --------------------------------------------------------------

async def send_loan_notices(pool: asyncpg.Pool, outbox: Outbox, policy: LendingPolicy, now: datetime) -> dict[str, int]:
    """Due-soon and overdue notices and hotspot deactivation requests, each at most once per loan (per due date)."""
    async with pool.acquire() as conn, conn.transaction():
        due_soon = await store.claim_due_soon(conn, now, now + policy.due_soon_lead)
        for loan in due_soon:
            await outbox.add(conn, LOAN_DUE_SOON, LoanDueSoon(**_loan_facts(loan), due_at=loan.due_at),
                             key=str(loan.id), subject=f"loans/{loan.id}")
        overdue = await store.claim_overdue(conn, now)
        for loan in overdue:
            await outbox.add(conn, LOAN_OVERDUE,
                             LoanOverdue(**_loan_facts(loan), due_at=loan.due_at, days_overdue=policy.days_overdue(loan.due_at, now)),
                             key=str(loan.id), subject=f"loans/{loan.id}")
        threshold = timedelta(days=policy.deactivate_hotspot_after_overdue_days)
        deactivations = await store.claim_deactivations(conn, now, now - threshold)
        for loan in deactivations:
            days = policy.days_overdue(loan.due_at, now)
            await outbox.add(conn, DEVICE_DEACTIVATION_REQUESTED,
                             DeviceCarrierRequest(device_id=loan.device_id, asset_tag=loan.asset_tag, kind=loan.device_kind,
                                                  loan_id=loan.id, reason=f"overdue {days} days"),
                             key=str(loan.device_id), subject=f"devices/{loan.device_id}")
    return {"due_soon": len(due_soon), "overdue": len(overdue), "deactivation_requested": len(deactivations)}


async def anonymize_loans(pool: asyncpg.Pool, policy: LendingPolicy, now: datetime) -> int:
    """Patrons' links to finished loans (once the device is cleared) and to closed holds go after the delay."""
    async with pool.acquire() as conn, conn.transaction():
        await store.anonymize_closed_holds(conn, now - policy.anonymize_after_clear)
        return await store.anonymize_cleared(conn, now, now - policy.anonymize_after_clear)


# ---- borrowers ---------------------------------------------------------------------------------------------

async def set_block(pool: asyncpg.Pool, outbox: Outbox, policy: LendingPolicy, borrower_id: UUID, reason: str | None,
                    now: datetime) -> Borrower:
    """Block (with a reason) or unblock. A blocked borrower's holds keep their place; units pass them by meanwhile."""
    async with pool.acquire() as conn, conn.transaction():
        borrower = await store.get_borrower(conn, borrower_id, for_update=True)
        if borrower is None:
            raise DomainError("not_found", f"no borrower {borrower_id}", 404)
        updated = await store.set_block(conn, borrower_id, reason)
        if updated is None:
            raise DomainError("not_blockable", f"this borrower is {borrower.status}; only active borrowers are blocked")
        if reason is None:  # units that passed them by while blocked may be free now
            for hold in await store.live_holds_of(conn, borrower_id):
                if hold.status is HoldStatus.WAITING:
                    await store.lock_kind(conn, hold.device_kind)
                    until = now + policy.hold_pickup + policy.loan_period(hold.device_kind)
                    device = await store.claim_available(conn, hold.device_kind, now, until)
                    if device is not None:
                        await offer_to_queue(conn, outbox, policy, device, "system:holds", now)
        return updated


async def recall_partner_loans(conn: asyncpg.Connection, outbox: Outbox, partner_id: UUID, reason: str, now: datetime) -> list[Loan]:
    recalled = await store.claim_recalls(conn, partner_id, now)
    for loan in recalled:
        await outbox.add(conn, LOAN_RECALL_REQUESTED, LoanRecallRequested(**_loan_facts(loan), due_at=loan.due_at, reason=reason),
                         key=str(loan.id), subject=f"loans/{loan.id}")
    return recalled


async def close_holds_of(conn: asyncpg.Connection, outbox: Outbox, policy: LendingPolicy, borrower_id: UUID, reason: str,
                         now: datetime) -> None:
    for hold in await store.live_holds_of(conn, borrower_id):
        await store.lock_kind(conn, hold.device_kind)
        await cancel_live_hold(conn, outbox, policy, hold, HoldStatus.CANCELLED, reason, SCHEDULER, now)


# ---- reservations ------------------------------------------------------------------------------------------

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


# ---- what other services' events cause ---------------------------------------------------------------------

def _now() -> datetime:
    return datetime.now(UTC)


async def patron_enrolled(event: PatronEnrolled, ctx: EventContext) -> None:
    await store.project_borrower(ctx.conn, event.patron_id, BorrowerKind.PATRON, BorrowerStatus.ACTIVE)


async def patron_erased(event: PatronErased, ctx: EventContext, *, policy: LendingPolicy) -> None:
    """Erasure: no more borrowing, holds closed, finished loans and holds cut loose from the patron at once.

    A loan still out keeps its link until the device comes back: the library must be able to ask for it.
    """
    now = _now()
    await store.erase_borrower(ctx.conn, event.patron_id)
    await close_holds_of(ctx.conn, ctx.outbox, policy, event.patron_id, "patron_erased", now)
    await store.anonymize_returned_of(ctx.conn, event.patron_id, now)
    await store.unlink_closed_holds(ctx.conn, event.patron_id)


async def partner_registered(event: PartnerRegistered, ctx: EventContext, *, policy: LendingPolicy) -> None:
    """Registered or updated (full state). A status of lapsed has the same effect as the lapse event."""
    if event.status == BorrowerStatus.LAPSED:
        await partner_lapsed(PartnerLapsed(partner_id=event.partner_id), ctx, policy=policy)
        return
    await store.project_borrower(ctx.conn, event.partner_id, BorrowerKind.PARTNER, BorrowerStatus(event.status))


async def partner_activated(event: PartnerActivated, ctx: EventContext) -> None:
    await store.project_borrower(ctx.conn, event.partner_id, BorrowerKind.PARTNER, BorrowerStatus.ACTIVE)


async def partner_lapsed(event: PartnerLapsed, ctx: EventContext, *, policy: LendingPolicy) -> None:
    """A lapsed partner cannot borrow, every device it has out is recalled, and its holds are closed."""
    now = _now()
    await store.project_borrower(ctx.conn, event.partner_id, BorrowerKind.PARTNER, BorrowerStatus.LAPSED)
    recalled = await recall_partner_loans(ctx.conn, ctx.outbox, event.partner_id, "partner_lapsed", now)
    await close_holds_of(ctx.conn, ctx.outbox, policy, event.partner_id, "partner_lapsed", now)
    log.info("partner lapsed: %d loans recalled", len(recalled), extra={"partner_id": str(event.partner_id)})


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


async def device_wiped(event: DeviceWiped, ctx: EventContext, *, policy: LendingPolicy) -> None:
    """The MDM system confirms a wipe. Wipes of unknown units or units not in quarantine change nothing."""
    device = await store.find_device(ctx.conn, asset_tag=event.asset_tag, serial=event.serial)
    if device is None:
        log.warning("wipe reported for a device not in inventory", extra={"mdm_id": event.mdm_id})
        return
    try:
        await apply_wipe(ctx.conn, ctx.outbox, policy, device.id, event.wiped_at, f"mdm:{event.mdm_id or 'unknown'}", _now())
    except DomainError as refused:  # routine MDM wipes of units not awaiting one
        log.info("wipe of %s ignored: %s", device.asset_tag, refused.message)


async def device_reported(event: DeviceReported, ctx: EventContext) -> None:
    device = await store.find_device(ctx.conn, asset_tag=event.asset_tag, serial=event.serial)
    if device is not None:
        await store.touch_last_seen(ctx.conn, device.id, event.last_seen_at or event.reported_at)
