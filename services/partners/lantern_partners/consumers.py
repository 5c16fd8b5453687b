"""The partners service's subscriptions: patrons' consent, partner loans, and inbound HSDS updates. Each route
only hands the event to its handler, in the event's own unit of work."""

from lantern_shared.consumer import EventContext, Subscription
from lantern_shared.uow import UnitOfWork

from .deps import Deps
from .events import (
    LOANS_TOPIC, PARTNER_UPDATES_TOPIC, PATRONS_TOPIC, HsdsOrganizationUpdated, LoanReturned, LoanStarted,
    PatronChanged, PatronErased,
)
from .handlers import exchange, loans, patrons

LOAN_EVENTS_IGNORED = frozenset({
    "lantern.loan.renewed", "lantern.loan.due_soon", "lantern.loan.overdue", "lantern.loan.recall_requested",
})


def subscriptions(deps: Deps) -> list[Subscription]:
    consent = Subscription("patrons", [PATRONS_TOPIC], {})
    partner_loans = Subscription("loans", [LOANS_TOPIC], {}, ignore=LOAN_EVENTS_IGNORED)
    inbound = Subscription("inbound", [PARTNER_UPDATES_TOPIC], {})

    async def patron_changed(data: PatronChanged, ctx: EventContext) -> None:
        await patrons.patron_changed(deps, UnitOfWork.of_event(ctx), data)

    consent.on("lantern.patron.enrolled", PatronChanged)(patron_changed)
    consent.on("lantern.patron.updated", PatronChanged)(patron_changed)

    @consent.on("lantern.patron.erased", PatronErased)
    async def patron_erased(data: PatronErased, ctx: EventContext) -> None:
        await patrons.patron_erased(deps, UnitOfWork.of_event(ctx), data)

    @partner_loans.on("lantern.loan.started", LoanStarted)
    async def loan_started(data: LoanStarted, ctx: EventContext) -> None:
        await loans.loan_started(deps, UnitOfWork.of_event(ctx), data)

    @partner_loans.on("lantern.loan.returned", LoanReturned)
    async def loan_returned(data: LoanReturned, ctx: EventContext) -> None:
        await loans.loan_returned(deps, UnitOfWork.of_event(ctx), data)

    @inbound.on("lantern.hsds.organization_updated", HsdsOrganizationUpdated)
    async def organization_updated(data: HsdsOrganizationUpdated, ctx: EventContext) -> None:
        await exchange.organization_updated(deps, UnitOfWork.of_event(ctx), data.root, ctx.event.source)

    return [consent, partner_loans, inbound]
