"""Devices' view of borrowers: the projection of patrons and partners, staff blocks, lapses and erasure."""

import logging
from datetime import datetime
from uuid import UUID

import asyncpg

from lantern_shared.consumer import EventContext
from lantern_shared.outbox import Outbox

from .. import store
from ..domain import Borrower, BorrowerKind, BorrowerStatus, DomainError, HoldStatus, LendingPolicy, Loan
from ..events import (
    LOAN_RECALL_REQUESTED, LoanRecallRequested, PartnerActivated, PartnerLapsed, PartnerRegistered, PatronEnrolled,
    PatronErased,
)
from .shared import SCHEDULER, cancel_live_hold, loan_facts, offer_to_queue, utc_now

log = logging.getLogger(__name__)


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
        await outbox.add(conn, LOAN_RECALL_REQUESTED, LoanRecallRequested(**loan_facts(loan), due_at=loan.due_at, reason=reason),
                         key=str(loan.id), subject=f"loans/{loan.id}")
    return recalled


async def close_holds_of(conn: asyncpg.Connection, outbox: Outbox, policy: LendingPolicy, borrower_id: UUID, reason: str,
                         now: datetime) -> None:
    for hold in await store.live_holds_of(conn, borrower_id):
        await store.lock_kind(conn, hold.device_kind)
        await cancel_live_hold(conn, outbox, policy, hold, HoldStatus.CANCELLED, reason, SCHEDULER, now)


async def patron_enrolled(event: PatronEnrolled, ctx: EventContext) -> None:
    await store.project_borrower(ctx.conn, event.patron_id, BorrowerKind.PATRON, BorrowerStatus.ACTIVE)


async def patron_erased(event: PatronErased, ctx: EventContext, *, policy: LendingPolicy) -> None:
    """Erasure: no more borrowing, holds closed, finished loans and holds cut loose from the patron at once.

    A loan still out keeps its link until the device comes back: the library must be able to ask for it.
    """
    now = utc_now()
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
    now = utc_now()
    await store.project_borrower(ctx.conn, event.partner_id, BorrowerKind.PARTNER, BorrowerStatus.LAPSED)
    recalled = await recall_partner_loans(ctx.conn, ctx.outbox, event.partner_id, "partner_lapsed", now)
    await close_holds_of(ctx.conn, ctx.outbox, policy, event.partner_id, "partner_lapsed", now)
    log.info("partner lapsed: %d loans recalled", len(recalled), extra={"partner_id": str(event.partner_id)})
