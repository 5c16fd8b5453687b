"""What borrowers hear about their loans and holds (a partner's loans reach its contacts)."""

from datetime import datetime
from typing import Any
from uuid import UUID

from lantern_shared.envelope import CloudEvent
from lantern_shared.uow import UnitOfWork

from ..deps import Deps
from ..events import (
    Borrower, DeviceServiceRequested, HoldReady, LoanDueSoon, LoanEvent, LoanOverdue, LoanRecallRequested,
    LoanRenewed, LoanReturned, LoanStarted,
)
from ..store import deliveries, loans, recipients
from .planning import notify


async def started(deps: Deps, work: UnitOfWork, event: LoanStarted, cause: CloudEvent) -> None:
    await _loan(deps, work, cause, event, "loan_started", due_at=event.due_at)


async def renewed(deps: Deps, work: UnitOfWork, event: LoanRenewed, cause: CloudEvent) -> None:
    # A due-soon or overdue notice still waiting speaks of the old date.
    await deliveries.cancel_group(work.conn, _group(event.loan_id), "loan_renewed",
                                  messages=("loan_due_soon", "loan_overdue"))
    await _loan(deps, work, cause, event, "loan_renewed", due_at=event.due_at)


async def due_soon(deps: Deps, work: UnitOfWork, event: LoanDueSoon, cause: CloudEvent) -> None:
    await _loan(deps, work, cause, event, "loan_due_soon", due_at=event.due_at, expires_at=event.due_at)


async def overdue(deps: Deps, work: UnitOfWork, event: LoanOverdue, cause: CloudEvent) -> None:
    await _loan(deps, work, cause, event, "loan_overdue", due_at=event.due_at, days_overdue=event.days_overdue)


async def recall_requested(deps: Deps, work: UnitOfWork, event: LoanRecallRequested, cause: CloudEvent) -> None:
    await _loan(deps, work, cause, event, "loan_recall", due_at=event.due_at, reason=event.reason)


async def returned(deps: Deps, work: UnitOfWork, event: LoanReturned, cause: CloudEvent) -> None:
    # Reminders still waiting (a due-soon notice held by quiet hours, a retry) are moot once it is back.
    await deliveries.cancel_group(work.conn, _group(event.loan_id), reason="device_returned")
    await _loan(deps, work, cause, event, "loan_returned", returned_at=event.returned_at)
    await loans.forget_loan(work.conn, event.loan_id)


async def deactivation_requested(
    deps: Deps, work: UnitOfWork, event: DeviceServiceRequested, cause: CloudEvent
) -> None:
    await _device_service(deps, work, cause, event, "device_deactivated")


async def reactivation_requested(
    deps: Deps, work: UnitOfWork, event: DeviceServiceRequested, cause: CloudEvent
) -> None:
    await _device_service(deps, work, cause, event, "device_reactivated")


async def hold_ready(deps: Deps, work: UnitOfWork, event: HoldReady, cause: CloudEvent) -> None:
    data = {"device_kind": event.device_kind, "pickup_branch": event.pickup_branch, "ready_until": event.ready_until}
    for recipient_id in await _borrowers(work, event.borrower):
        await notify(deps, work, cause, recipient_id, "hold_ready", data, group_key=f"hold:{event.hold_id}",
                     about=_patron(event.borrower))


async def _device_service(
    deps: Deps, work: UnitOfWork, cause: CloudEvent, event: DeviceServiceRequested, message: str
) -> None:
    held = await loans.loan_borrower(work.conn, event.loan_id)
    if held is None:  # returned already, or a loan from before this service listened: nobody to tell
        return
    borrower = Borrower(kind=held[0], id=held[1])
    data = {"device_kind": event.kind, "asset_tag": event.asset_tag}
    for recipient_id in await _borrowers(work, borrower):
        await notify(deps, work, cause, recipient_id, message, data, group_key=_group(event.loan_id),
                     about=_patron(borrower))


async def _loan(
    deps: Deps, work: UnitOfWork, cause: CloudEvent, event: LoanEvent, message: str, *,
    expires_at: datetime | None = None, **extra: Any,
) -> None:
    await loans.record_loan(work.conn, event.loan_id, borrower_kind=event.borrower.kind,
                            borrower_id=event.borrower.id, device_kind=event.device_kind, asset_tag=event.asset_tag)
    data = {"device_kind": event.device_kind, "asset_tag": event.asset_tag, **extra}
    for recipient_id in await _borrowers(work, event.borrower):
        await notify(deps, work, cause, recipient_id, message, data, group_key=_group(event.loan_id),
                     expires_at=expires_at, about=_patron(event.borrower))


async def _borrowers(work: UnitOfWork, borrower: Borrower) -> list[UUID]:
    if borrower.kind == "partner":
        return [c.id for c in await recipients.partner_contacts(work.conn, borrower.id)]
    return [borrower.id]


def _group(loan_id: UUID) -> str:
    return f"loan:{loan_id}"


def _patron(borrower: Borrower) -> UUID | None:
    return borrower.id if borrower.kind == "patron" else None
