"""Devices' view of borrowers: the projection of patrons and partners, staff blocks, lapses and erasure."""

import logging
from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

from lantern_shared.refusals import conflict, not_found
from lantern_shared.uow import UnitOfWork

from ..domain.borrowers import Borrower, BorrowerKind, BorrowerStatus
from ..domain.holds import HoldStatus
from ..domain.lending import Loan
from ..events import (
    LOAN_RECALL_REQUESTED, LoanRecallRequested, PartnerActivated, PartnerLapsed, PartnerRegistered, PatronEnrolled,
    PatronErased,
)
from ..store import borrowers, devices, holds as held, loans
from . import applications, holds, lending

if TYPE_CHECKING:
    from ..deps import Deps

log = logging.getLogger(__name__)


async def set_block(deps: "Deps", borrower_id: UUID, reason: str | None) -> Borrower:
    """Block (with a reason) or unblock. A blocked borrower's holds keep their place; units pass them by meanwhile."""
    now = deps.clock()
    async with deps.uow() as work:
        borrower = await borrowers.get_borrower(work.conn, borrower_id, for_update=True)
        if borrower is None:
            raise not_found("borrower", borrower_id)
        updated = await borrowers.set_block(work.conn, borrower_id, reason)
        if updated is None:
            raise conflict("not_blockable", f"this borrower is {borrower.status}; only active borrowers are blocked")
        if reason is None:  # units that passed them by while blocked may be free now
            for hold in await held.live_holds_of(work.conn, borrower_id):
                if hold.status is HoldStatus.WAITING:
                    await devices.lock_kind(work.conn, hold.device_kind)
                    await holds.offer_free_unit(deps, work, hold.device_kind, now)
        return updated


async def get_borrower(deps: "Deps", borrower_id: UUID) -> Borrower:
    async with deps.pool.acquire() as conn:
        found = await borrowers.get_borrower(conn, borrower_id)
    if found is None:
        raise not_found("borrower", borrower_id)
    return found


async def recall_partner_loans(work: UnitOfWork, partner_id: UUID, reason: str, now: datetime) -> list[Loan]:
    recalled = await loans.claim_recalls(work.conn, partner_id, now)
    for loan in recalled:
        await work.publish(LOAN_RECALL_REQUESTED,
                           LoanRecallRequested(**lending.loan_facts(loan), due_at=loan.due_at, reason=reason),
                           key=str(loan.id), subject=f"loans/{loan.id}")
    return recalled


async def close_holds_of(deps: "Deps", work: UnitOfWork, borrower_id: UUID, reason: str, now: datetime) -> None:
    for hold in await held.live_holds_of(work.conn, borrower_id):
        await devices.lock_kind(work.conn, hold.device_kind)
        await holds.close_live_hold(deps, work, hold, HoldStatus.CANCELLED, reason, holds.SCHEDULER, now)


async def patron_enrolled(deps: "Deps", work: UnitOfWork, event: PatronEnrolled) -> None:
    await borrowers.project_borrower(work.conn, event.patron_id, BorrowerKind.PATRON, BorrowerStatus.ACTIVE)


async def patron_erased(deps: "Deps", work: UnitOfWork, event: PatronErased) -> None:
    """Erasure: no more borrowing, holds closed, finished loans and holds cut loose from the patron at once.

    A loan still out keeps its link until the device comes back: the library must be able to ask for it.
    """
    now = deps.clock()
    await borrowers.erase_borrower(work.conn, event.patron_id)
    await close_holds_of(deps, work, event.patron_id, "patron_erased", now)
    await loans.anonymize_returned_of(work.conn, event.patron_id, now)
    await held.unlink_closed_holds(work.conn, event.patron_id)
    await applications.patron_erased(deps, work, event.patron_id, now)


async def partner_registered(deps: "Deps", work: UnitOfWork, event: PartnerRegistered) -> None:
    """Registered or updated (full state). A status of lapsed has the same effect as the lapse event."""
    if event.status == BorrowerStatus.LAPSED:
        await partner_lapsed(deps, work, PartnerLapsed(partner_id=event.partner_id))
        return
    await borrowers.project_borrower(work.conn, event.partner_id, BorrowerKind.PARTNER, BorrowerStatus(event.status))


async def partner_activated(deps: "Deps", work: UnitOfWork, event: PartnerActivated) -> None:
    await borrowers.project_borrower(work.conn, event.partner_id, BorrowerKind.PARTNER, BorrowerStatus.ACTIVE)


async def partner_lapsed(deps: "Deps", work: UnitOfWork, event: PartnerLapsed) -> None:
    """A lapsed partner cannot borrow, every device it has out is recalled, and its holds are closed."""
    now = deps.clock()
    await borrowers.project_borrower(work.conn, event.partner_id, BorrowerKind.PARTNER, BorrowerStatus.LAPSED)
    recalled = await recall_partner_loans(work, event.partner_id, "partner_lapsed", now)
    await close_holds_of(deps, work, event.partner_id, "partner_lapsed", now)
    log.info("partner lapsed: %d loans recalled", len(recalled), extra={"partner_id": str(event.partner_id)})
