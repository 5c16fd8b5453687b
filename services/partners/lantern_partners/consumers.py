"""The partners service's subscriptions: patrons' consent, partner loans, and inbound HSDS updates."""

import logging

from lantern_shared.consumer import EventContext, Subscription

from . import handlers, hsds, store
from .domain import first_name
from .events import (
    LOANS_TOPIC, PARTNER_UPDATES_TOPIC, PATRONS_TOPIC, HsdsOrganizationUpdated, LoanReturned, LoanStarted,
    PatronChanged, PatronErased,
)
from .metrics import PartnerMetrics

log = logging.getLogger(__name__)


def subscriptions(metrics: PartnerMetrics | None = None) -> list[Subscription]:
    patrons = Subscription("patrons", [PATRONS_TOPIC], {})
    loans = Subscription("loans", [LOANS_TOPIC], {}, ignore=frozenset({
        "lantern.loan.renewed", "lantern.loan.due_soon", "lantern.loan.overdue", "lantern.loan.recall_requested",
    }))
    inbound = Subscription("inbound", [PARTNER_UPDATES_TOPIC], {})

    async def patron_changed(data: PatronChanged, ctx: EventContext) -> None:
        # Personal data is kept only while the patron consents to referral, and only what a referral can share.
        consented = data.consent_to_referral
        await store.record_consent(ctx.conn, store.Consent(
            patron_id=data.patron_id, consent=consented,
            first_name=first_name(data.name) if consented else None,
            email=data.email if consented else None, phone=data.phone if consented else None,
        ))

    patrons.on("lantern.patron.enrolled", PatronChanged)(patron_changed)
    patrons.on("lantern.patron.updated", PatronChanged)(patron_changed)

    @patrons.on("lantern.patron.erased", PatronErased)
    async def patron_erased(data: PatronErased, ctx: EventContext) -> None:
        unlinked = await store.erase_patron(ctx.conn, data.patron_id)
        log.info("patron erased: %d referrals unlinked", unlinked)

    @loans.on("lantern.loan.started", LoanStarted)
    async def loan_started(data: LoanStarted, ctx: EventContext) -> None:
        if data.borrower.kind == "partner":
            await store.loan_started(ctx.conn, data.loan_id, data.borrower.id, data.device_kind, data.started_at)

    @loans.on("lantern.loan.returned", LoanReturned)
    async def loan_returned(data: LoanReturned, ctx: EventContext) -> None:
        if data.borrower.kind == "partner":
            await store.loan_returned(ctx.conn, data.loan_id, data.borrower.id, data.device_kind, data.returned_at)

    @inbound.on("lantern.hsds.organization_updated", HsdsOrganizationUpdated)
    async def organization_updated(data: HsdsOrganizationUpdated, ctx: EventContext) -> None:
        # A rejected record raises before anything is written: the consumer dead-letters it with these reasons.
        try:
            partner_id, outcome = await handlers.apply_hsds(ctx.conn, ctx.outbox, data.root, f"system:{ctx.event.source}")
        except (hsds.HsdsRejected, handlers.RecordConflict):
            if metrics:
                metrics.hsds_imports.labels("event", "rejected").inc()
            raise
        if metrics:
            metrics.hsds_imports.labels("event", outcome).inc()
        log.info("HSDS organization %s from %s: %s", partner_id, ctx.event.source, outcome)

    return [patrons, loans, inbound]
