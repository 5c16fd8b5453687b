"""Lending use cases: checkouts (one loan per unit, always), renewals, returns, and the scheduled notices."""

import uuid
from datetime import datetime, timedelta
from uuid import UUID

import asyncpg

from lantern_shared.outbox import Outbox

from .. import store
from ..domain import (
    Borrower, BorrowerStatus, Device, DeviceKind, DeviceState, DomainError, Hold, HoldStatus, LendingPolicy, Loan,
    renewal_refusal, unknown_accessories,
)
from ..events import (
    DEVICE_DEACTIVATION_REQUESTED, LOAN_DUE_SOON, LOAN_OVERDUE, LOAN_RENEWED, LOAN_RETURNED, LOAN_STARTED,
    DeviceCarrierRequest, LoanDueSoon, LoanOverdue, LoanRenewed, LoanReturned, LoanStarted,
)
from .shared import eligible_borrower, loan_facts, request_reactivation, transition


async def _start_loan(conn: asyncpg.Connection, outbox: Outbox, device: Device, borrower: Borrower, due_at: datetime,
                      emergency: bool, actor: str, now: datetime) -> Loan:
    try:
        async with conn.transaction():  # a savepoint: the unique index is the last word on double lending
            loan = await store.insert_loan(conn, uuid.uuid4(), device, borrower, now, due_at, emergency)
    except asyncpg.UniqueViolationError as exc:
        raise DomainError("already_on_loan", "device already on loan") from exc
    await transition(conn, outbox, device, DeviceState.ON_LOAN, f"lent ({loan.id})", actor)
    await outbox.add(conn, LOAN_STARTED, LoanStarted(**loan_facts(loan), due_at=loan.due_at, started_at=loan.started_at),
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
        borrower = await eligible_borrower(conn, policy, borrower_id, kind, now)
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
            borrower = await eligible_borrower(conn, policy, borrower_id, kind, now, emergency=True)
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
        await outbox.add(conn, LOAN_RENEWED, LoanRenewed(**loan_facts(renewed), due_at=due, renewals=renewed.renewals),
                         key=str(loan.id), subject=f"loans/{loan.id}")
        if loan.deactivation_requested_at is not None:  # renewed while switched off: the patron needs it working
            await request_reactivation(conn, outbox, loan, "renewed")
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
                         LoanReturned(**loan_facts(returned), returned_at=now, condition=condition, missing_accessories=missing),
                         key=str(loan.id), subject=f"loans/{loan.id}")
        if loan.deactivation_requested_at is not None:
            await request_reactivation(conn, outbox, loan, "returned")
        borrower = await store.get_borrower(conn, loan.borrower_id)  # type: ignore[arg-type]
        if borrower is not None and borrower.status is BorrowerStatus.ERASED:
            await store.anonymize_returned_of(conn, borrower.id, now)  # nothing left to ask an erased patron
            returned = await store.get_loan(conn, loan.id)  # type: ignore[assignment]
    return returned


async def send_loan_notices(pool: asyncpg.Pool, outbox: Outbox, policy: LendingPolicy, now: datetime) -> dict[str, int]:
    """Due-soon and overdue notices and hotspot deactivation requests, each at most once per loan (per due date)."""
    async with pool.acquire() as conn, conn.transaction():
        due_soon = await store.claim_due_soon(conn, now, now + policy.due_soon_lead)
        for loan in due_soon:
            await outbox.add(conn, LOAN_DUE_SOON, LoanDueSoon(**loan_facts(loan), due_at=loan.due_at),
                             key=str(loan.id), subject=f"loans/{loan.id}")
        overdue = await store.claim_overdue(conn, now)
        for loan in overdue:
            await outbox.add(conn, LOAN_OVERDUE,
                             LoanOverdue(**loan_facts(loan), due_at=loan.due_at, days_overdue=policy.days_overdue(loan.due_at, now)),
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
