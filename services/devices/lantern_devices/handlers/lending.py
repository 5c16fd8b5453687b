"""Lending use cases: checkouts (one loan per unit, always), renewals, returns, and the scheduled notices."""

import uuid
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from uuid import UUID

import asyncpg

from lantern_shared.refusals import conflict, invalid, not_found
from lantern_shared.uow import UnitOfWork

from ..domain.borrowers import Borrower, BorrowerStatus
from ..domain.devices import Device, DeviceKind, DeviceState, unknown_accessories
from ..domain.holds import Hold, HoldStatus
from ..domain.lending import Loan, borrowing_refusal, renewal_refusal
from ..events import (
    DEVICE_DEACTIVATION_REQUESTED, DEVICE_REACTIVATION_REQUESTED, LOAN_DUE_SOON, LOAN_OVERDUE, LOAN_RENEWED,
    LOAN_RETURNED, LOAN_STARTED, BorrowerRef, DeviceCarrierRequest, LoanDueSoon, LoanOverdue, LoanRenewed,
    LoanReturned, LoanStarted,
)
from ..store import borrowers, devices, holds, loans
from . import devices as inventory

if TYPE_CHECKING:
    from ..deps import Deps


def loan_facts(loan: Loan) -> dict:
    assert loan.borrower_id is not None, "events about a loan are published before it is anonymized"
    return {"loan_id": loan.id, "device_id": loan.device_id, "device_kind": loan.device_kind, "asset_tag": loan.asset_tag,
            "borrower": BorrowerRef(kind=loan.borrower_kind, id=loan.borrower_id)}


async def eligible_borrower(deps: "Deps", work: UnitOfWork, borrower_id: UUID, kind: DeviceKind, now: datetime, *,
                            emergency: bool = False) -> Borrower:
    # The borrower's row lock serialises one borrower's checkouts, so per-borrower limits hold under races.
    borrower = await borrowers.get_borrower(work.conn, borrower_id, for_update=True)
    open_loans = await loans.open_loans_of(work.conn, borrower_id) if borrower else []
    refusal = borrowing_refusal(borrower, kind, open_loans, deps.policy, now, emergency=emergency)
    if refusal is not None:
        raise refusal
    assert borrower is not None
    return borrower


async def request_reactivation(work: UnitOfWork, loan: Loan, reason: str) -> None:
    await work.publish(DEVICE_REACTIVATION_REQUESTED,
                       DeviceCarrierRequest(device_id=loan.device_id, asset_tag=loan.asset_tag, kind=loan.device_kind,
                                            loan_id=loan.id, reason=reason),
                       key=str(loan.device_id), subject=f"devices/{loan.device_id}")


async def _start_loan(deps: "Deps", work: UnitOfWork, device: Device, borrower: Borrower, due_at: datetime,
                      emergency: bool, actor: str, now: datetime) -> Loan:
    try:
        async with work.conn.transaction():  # a savepoint: the unique index is the last word on double lending
            loan = await loans.insert_loan(work.conn, uuid.uuid4(), device, borrower, now, due_at, emergency)
    except asyncpg.UniqueViolationError as exc:
        raise conflict("already_on_loan", "device already on loan") from exc
    await inventory.transition(work, device, DeviceState.ON_LOAN, f"lent ({loan.id})", actor)
    await work.publish(LOAN_STARTED, LoanStarted(**loan_facts(loan), due_at=loan.due_at, started_at=loan.started_at),
                       key=str(loan.id), subject=f"loans/{loan.id}")
    return loan


def _counted(deps: "Deps", started: list[Loan]) -> None:
    for loan in started:  # once committed
        deps.metrics.loans_started.labels(loan.device_kind, loan.borrower_kind).inc()


async def _device(work: UnitOfWork, device_id: UUID, *, for_update: bool = False) -> Device:
    device = await devices.get_device(work.conn, device_id, for_update=for_update)
    if device is None:
        raise not_found("device", device_id)
    return device


async def lend(deps: "Deps", *, borrower_id: UUID, device_id: UUID | None, kind: DeviceKind | None,
               due_at: datetime | None, actor: str) -> Loan:
    """Lend a given device, or any available unit of a kind (the borrower's ready hold first)."""
    now = deps.clock()
    async with deps.uow() as work:
        if device_id is not None:
            kind = (await _device(work, device_id)).kind
        assert kind is not None
        borrower = await eligible_borrower(deps, work, borrower_id, kind, now)
        due = deps.policy.due_at(kind, borrower.kind, now, due_at)
        await devices.lock_kind(work.conn, kind)
        hold = await holds.ready_hold_of(work.conn, borrower.id, kind)
        if device_id is not None:
            device = await _device(work, device_id, for_update=True)
            _check_lendable(device, hold)
        elif hold is not None:
            device = await _device(work, hold.device_id, for_update=True)  # type: ignore[arg-type]
        else:
            found = await devices.claim_available(work.conn, kind, now, due)
            if found is None:
                waiting = await holds.waiting_count(work.conn, kind)
                raise conflict("none_available", f"no {kind} is available to lend now"
                               + (f"; {waiting} borrowers are waiting" if waiting else "; place a hold"))
            device = found
        if await devices.reserved_during(work.conn, device.id, now, due):
            raise conflict("reserved_for_session", f"{device.asset_tag} is reserved for a session before the loan would end")
        loan = await _start_loan(deps, work, device, borrower, due, False, actor, now)
        if hold is not None:
            await holds.close_hold(work.conn, hold.id, HoldStatus.FULFILLED, now)
    _counted(deps, [loan])
    return loan


def _check_lendable(device: Device, hold: Hold | None) -> None:
    if device.state is DeviceState.ON_LOAN:
        raise conflict("already_on_loan", "device already on loan")
    if device.state is DeviceState.RESERVED:
        if hold is None or hold.device_id != device.id:
            raise conflict("held_for_another", "this device is waiting for another borrower's pickup")
        return
    if device.state is not DeviceState.AVAILABLE:
        raise conflict("not_available", f"the device is {device.state.replace('_', ' ')}")
    if hold is not None:
        raise conflict("hold_waiting", f"a {device.kind} is waiting for this borrower; lend that one ({hold.device_id})")


async def lend_emergency(deps: "Deps", *, borrower_id: UUID, device_ids: list[UUID], due_at: datetime | None,
                         actor: str) -> list[Loan]:
    """Lend many emergency-pool units at once (disaster response): all of them or none; per-kind limits waived."""
    now = deps.clock()
    async with deps.uow() as work:
        found = [await _device(work, device_id) for device_id in device_ids]
        kinds = sorted({d.kind for d in found})
        borrower = None
        for kind in kinds:
            borrower = await eligible_borrower(deps, work, borrower_id, kind, now, emergency=True)
        assert borrower is not None
        for kind in kinds:
            await devices.lock_kind(work.conn, kind)
        started = []
        for unit in sorted(found, key=lambda d: d.asset_tag):
            device = await _device(work, unit.id, for_update=True)
            if not device.emergency_pool:
                raise conflict("not_in_emergency_pool", f"{device.asset_tag} is not in the emergency pool")
            if device.state is not DeviceState.AVAILABLE:
                raise conflict("not_available", f"{device.asset_tag} is {device.state.replace('_', ' ')}")
            due = deps.policy.due_at(device.kind, borrower.kind, now, due_at)
            if await devices.reserved_during(work.conn, device.id, now, due):
                raise conflict("reserved_for_session",
                               f"{device.asset_tag} is reserved for a session before the loan would end")
            started.append(await _start_loan(deps, work, device, borrower, due, True, actor, now))
    _counted(deps, started)
    return started


async def _open_loan(work: UnitOfWork, loan_id: UUID) -> Loan:
    loan = await loans.get_loan(work.conn, loan_id, for_update=True)
    if loan is None:
        raise not_found("loan", loan_id)
    if loan.returned_at is not None:
        raise conflict("already_returned", "this loan was already returned")
    return loan


async def renew(deps: "Deps", loan_id: UUID) -> Loan:
    now, policy = deps.clock(), deps.policy
    async with deps.uow() as work:
        loan = await _open_loan(work, loan_id)
        await devices.lock_kind(work.conn, loan.device_kind)
        borrower = await borrowers.get_borrower(work.conn, loan.borrower_id) if loan.borrower_id else None
        if borrower is None or borrower.status != BorrowerStatus.ACTIVE:
            raise conflict("borrower_not_active", "this borrower may not renew")
        waiting = await holds.waiting_count(work.conn, loan.device_kind)
        refusal = renewal_refusal(loan.renewals, waiting, policy, loan.device_kind)
        if refusal is not None:
            raise refusal
        # The new period runs from the current due date or today, whichever is later.
        due = policy.due_at(loan.device_kind, loan.borrower_kind, max(now, loan.due_at))
        if await devices.reserved_during(work.conn, loan.device_id, loan.due_at, due):
            raise conflict("reserved_for_session", "the device is reserved for a session within the renewed period")
        renewed = await loans.record_renewal(work.conn, loan.id, due)
        await work.publish(LOAN_RENEWED, LoanRenewed(**loan_facts(renewed), due_at=due, renewals=renewed.renewals),
                           key=str(loan.id), subject=f"loans/{loan.id}")
        if loan.deactivation_requested_at is not None:  # renewed while switched off: the patron needs it working
            await request_reactivation(work, loan, "renewed")
    return renewed


async def return_loan(deps: "Deps", loan_id: UUID, *, condition: str, missing: list[str], actor: str) -> Loan:
    now = deps.clock()
    async with deps.uow() as work:
        loan = await _open_loan(work, loan_id)
        device = await _device(work, loan.device_id, for_update=True)
        unknown = unknown_accessories(device.contents, missing)
        if unknown:
            raise invalid("missing_accessories", f"not on this device's kit list: {', '.join(unknown)}",
                          reason="unknown_accessories")
        returned = await loans.record_return(work.conn, loan.id, now, condition, missing)
        await inventory.transition(work, device, DeviceState.QUARANTINED, "returned; awaiting wipe", actor)
        await work.publish(LOAN_RETURNED,
                           LoanReturned(**loan_facts(returned), returned_at=now, condition=condition,
                                        missing_accessories=missing),
                           key=str(loan.id), subject=f"loans/{loan.id}")
        if loan.deactivation_requested_at is not None:
            await request_reactivation(work, loan, "returned")
        borrower = await borrowers.get_borrower(work.conn, loan.borrower_id)  # type: ignore[arg-type]
        if borrower is not None and borrower.status is BorrowerStatus.ERASED:
            await loans.anonymize_returned_of(work.conn, borrower.id, now)  # nothing left to ask an erased patron
            returned = await loans.get_loan(work.conn, loan.id)  # type: ignore[assignment]
    return returned


async def send_loan_notices(deps: "Deps", now: datetime) -> dict[str, int]:
    """Due-soon and overdue notices and hotspot deactivation requests, each at most once per loan (per due date)."""
    policy = deps.policy
    async with deps.uow() as work:
        due_soon = await loans.claim_due_soon(work.conn, now, now + policy.due_soon_lead)
        for loan in due_soon:
            await work.publish(LOAN_DUE_SOON, LoanDueSoon(**loan_facts(loan), due_at=loan.due_at),
                               key=str(loan.id), subject=f"loans/{loan.id}")
        overdue = await loans.claim_overdue(work.conn, now)
        for loan in overdue:
            await work.publish(LOAN_OVERDUE, LoanOverdue(**loan_facts(loan), due_at=loan.due_at,
                                                         days_overdue=policy.days_overdue(loan.due_at, now)),
                               key=str(loan.id), subject=f"loans/{loan.id}")
        threshold = timedelta(days=policy.deactivate_hotspot_after_overdue_days)
        deactivations = await loans.claim_deactivations(work.conn, now, now - threshold)
        for loan in deactivations:
            days = policy.days_overdue(loan.due_at, now)
            await work.publish(DEVICE_DEACTIVATION_REQUESTED,
                               DeviceCarrierRequest(device_id=loan.device_id, asset_tag=loan.asset_tag,
                                                    kind=loan.device_kind, loan_id=loan.id, reason=f"overdue {days} days"),
                               key=str(loan.device_id), subject=f"devices/{loan.device_id}")
    return {"due_soon": len(due_soon), "overdue": len(overdue), "deactivation_requested": len(deactivations)}


async def anonymize_loans(deps: "Deps", now: datetime) -> int:
    """Patrons' links to finished loans (once the device is cleared) and to closed holds go after the delay."""
    async with deps.uow() as work:
        await holds.anonymize_closed_holds(work.conn, now - deps.policy.anonymize_after_clear)
        return await loans.anonymize_cleared(work.conn, now, now - deps.policy.anonymize_after_clear)


# ---- reads --------------------------------------------------------------------------------------------------

async def get_loan(deps: "Deps", loan_id: UUID) -> Loan:
    async with deps.pool.acquire() as conn:
        loan = await loans.get_loan(conn, loan_id)
    if loan is None:
        raise not_found("loan", loan_id)
    return loan
