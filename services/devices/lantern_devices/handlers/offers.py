"""Offers: a free unit goes to the head of the waiting list for a pickup window, passes on when the window lapses,
and becomes a programme loan when the applicant picks it up."""

import uuid
from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

import asyncpg

from lantern_shared.refusals import conflict, not_found
from lantern_shared.uow import UnitOfWork

from ..domain.applications import Application, ApplicationStatus
from ..domain.devices import Device, DeviceKind, DeviceState
from ..domain.lending import Loan
from ..domain.offers import Offer, OfferStatus
from ..events import (
    APPLICATION_OFFER_LAPSED, APPLICATION_OFFERED, APPLICATION_SERVED, ApplicationOffered, ApplicationOfferLapsed,
    ApplicationServed,
)
from ..store import applications, devices, eligibility, loans, offers
from . import devices as inventory, lending

if TYPE_CHECKING:
    from ..deps import Deps

SCHEDULER = "system:scheduler"


async def offer_unit(work: UnitOfWork, device: Device, actor: str, now: datetime) -> Offer | None:
    """Offer this unit (locked, available or already set aside) to the first applicant waiting for its kind."""
    rules = await eligibility.get_rules(work.conn, device.kind)
    if rules is None:
        return None
    if await devices.reserved_during(work.conn, device.id, now, now + rules.pickup_window + rules.loan_period):
        return None  # a session needs it before a programme loan would end
    application = await applications.next_waiting(work.conn, device.kind)
    if application is None:
        return None
    try:
        async with work.conn.transaction():  # a savepoint: the unique indexes are the last word on double offers
            offer = await offers.insert_offer(work.conn, uuid.uuid4(), application.id, device.id, device.kind,
                                              device.home_branch, now, now + rules.pickup_window)
    except asyncpg.UniqueViolationError as exc:
        raise conflict("already_offered", f"{device.asset_tag} is already offered to an applicant") from exc
    if device.state is not DeviceState.RESERVED:
        await inventory.transition(work, device, DeviceState.RESERVED, f"offered to application {application.id}", actor)
    await applications.set_status(work.conn, application.id, ApplicationStatus.OFFERED, now)
    assert application.patron_id is not None
    await work.publish(
        APPLICATION_OFFERED,
        ApplicationOffered(offer_id=offer.id, application_id=application.id, patron_id=application.patron_id,
                           device_kind=device.kind, pickup_branch=offer.pickup_branch,
                           pickup_until=offer.pickup_until, preferred_language=application.preferred_language),
        key=str(application.id), subject=f"applications/{application.id}",
    )
    return offer


async def make_offers(deps: "Deps", kind: DeviceKind, count: int, actor: str) -> list[Offer]:
    """Offer up to `count` free units of a kind to the applicants at the head of the waiting list, in its order."""
    now = deps.clock()
    made: list[Offer] = []
    device: Device | None = None
    async with deps.uow() as work:
        await devices.lock_kind(work.conn, kind)  # offers, checkouts and holds of a kind take turns
        rules = await eligibility.get_rules(work.conn, kind)
        if rules is None:
            raise conflict("programme_closed", f"there is no {kind} programme")
        for _ in range(count):
            device = await devices.claim_available(work.conn, kind, now, now + rules.pickup_window + rules.loan_period)
            if device is None:
                break
            offer = await offer_unit(work, device, actor, now)
            if offer is None:
                break
            made.append(offer)
    if not made:
        if device is None:
            raise conflict("none_available", f"no {kind} is free to offer")
        raise conflict("nobody_waiting", f"no one eligible is waiting for a {kind}")
    return made


async def pass_on(deps: "Deps", work: UnitOfWork, device: Device, reason: str, actor: str, now: datetime) -> None:
    """A unit whose offer closed goes to the next applicant, or back to the library (and its hold queue)."""
    if device.state is not DeviceState.RESERVED:
        return
    if await offer_unit(work, device, actor, now) is None:
        await inventory.make_available(deps, work, device, reason, actor, now)


async def close_open_offer(deps: "Deps", work: UnitOfWork, application: Application, reason: str, actor: str,
                           now: datetime) -> None:
    """The application closes: an offer it held is withdrawn and its unit passes on. Caller holds the kind's lock."""
    offer = await offers.open_offer_of(work.conn, application.id)
    if offer is None:
        return
    await offers.close_offer(work.conn, offer.id, OfferStatus.WITHDRAWN, now)
    device = await devices.get_device(work.conn, offer.device_id, for_update=True)
    if device is not None:
        await pass_on(deps, work, device, f"offer {offer.id} withdrawn ({reason})", actor, now)


async def _locked_open_offer(work: UnitOfWork, offer_id: UUID) -> Offer:
    found = await offers.get_offer(work.conn, offer_id)
    if found is None:
        raise not_found("offer", offer_id)
    await devices.lock_kind(work.conn, found.device_kind)  # the kind first, then rows, as every writer does
    offer = await offers.get_offer(work.conn, offer_id, for_update=True)
    assert offer is not None
    if offer.status is not OfferStatus.OPEN:
        raise conflict("offer_closed", f"this offer is {offer.status}")
    return offer


async def lapse_offers(deps: "Deps", now: datetime) -> int:
    """Offers not picked up in time lapse, and each unit goes to the next applicant. Idempotent."""
    async with deps.pool.acquire() as conn:
        due = await offers.lapsed_offer_ids(conn, now)
    done = 0
    for offer_id in due:
        async with deps.uow() as work:
            offer = await offers.get_offer(work.conn, offer_id)
            if offer is None:
                continue
            await devices.lock_kind(work.conn, offer.device_kind)
            offer = await offers.get_offer(work.conn, offer_id, for_update=True)
            if offer is None or offer.status is not OfferStatus.OPEN or offer.pickup_until > now:
                continue
            await offers.close_offer(work.conn, offer.id, OfferStatus.LAPSED, now)
            application = await applications.set_status(work.conn, offer.application_id, ApplicationStatus.LAPSED, now)
            if application.patron_id is not None:
                await work.publish(
                    APPLICATION_OFFER_LAPSED,
                    ApplicationOfferLapsed(offer_id=offer.id, application_id=application.id,
                                           patron_id=application.patron_id, device_kind=offer.device_kind,
                                           pickup_until=offer.pickup_until,
                                           preferred_language=application.preferred_language),
                    key=str(application.id), subject=f"applications/{application.id}",
                )
            device = await devices.get_device(work.conn, offer.device_id, for_update=True)
            if device is not None:
                await pass_on(deps, work, device, f"offer {offer.id} lapsed", SCHEDULER, now)
            done += 1
    return done


async def accept(deps: "Deps", offer_id: UUID, actor: str) -> Loan:
    """The applicant picks the unit up: a loan for the programme's period starts, and the application is served."""
    now = deps.clock()
    async with deps.uow() as work:
        offer = await _locked_open_offer(work, offer_id)
        if offer.pickup_until <= now:
            raise conflict("offer_lapsed", "the pickup window of this offer has passed")
        application = await applications.get_application(work.conn, offer.application_id, for_update=True)
        assert application is not None and application.patron_id is not None
        rules = await eligibility.get_rules(work.conn, offer.device_kind)
        assert rules is not None, "rules are never deleted"
        borrower = await lending.eligible_borrower(deps, work, application.patron_id, offer.device_kind, now)
        device = await devices.get_device(work.conn, offer.device_id, for_update=True)
        assert device is not None
        loan = await lending.start_loan(deps, work, device, borrower, now + rules.loan_period, False, actor, now)
        loan = await loans.mark_programme_loan(work.conn, loan.id, application.id)
        await offers.close_offer(work.conn, offer.id, OfferStatus.ACCEPTED, now, loan_id=loan.id)
        await applications.set_status(work.conn, application.id, ApplicationStatus.SERVED, now, loan_id=loan.id)
        told = application.referring_partner_id if application.partner_may_be_told else None
        await work.publish(
            APPLICATION_SERVED,
            ApplicationServed(application_id=application.id, patron_id=application.patron_id,
                              device_kind=offer.device_kind, loan_id=loan.id, served_at=now, referring_partner_id=told),
            key=str(application.id), subject=f"applications/{application.id}",
        )
    deps.metrics.loans_started.labels(loan.device_kind, loan.borrower_kind).inc()
    return loan


# ---- reads --------------------------------------------------------------------------------------------------

async def get_offer(deps: "Deps", offer_id: UUID) -> Offer:
    async with deps.pool.acquire() as conn:
        offer = await offers.get_offer(conn, offer_id)
    if offer is None:
        raise not_found("offer", offer_id)
    return offer


async def list_offers(deps: "Deps", *, application_id: UUID | None, kind: DeviceKind | None,
                      status: OfferStatus | None, after: list | None, limit: int) -> list[Offer]:
    async with deps.pool.acquire() as conn:
        return await offers.list_offers(conn, application_id=application_id, kind=kind, status=status, after=after,
                                        limit=limit)
