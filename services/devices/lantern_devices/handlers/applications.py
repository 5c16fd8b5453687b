"""Applications to the long-loan programme: applying (a patron, or a partner on their behalf with consent),
withdrawing, the waiting list in priority order, erasure, and the programme's report."""

import uuid
from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

import asyncpg

from lantern_shared.refusals import conflict, invalid, not_found
from lantern_shared.uow import UnitOfWork

from ..domain.applications import OPEN, Application, ApplicationStatus, Need, SubmittedBy
from ..domain.borrowers import BorrowerKind, BorrowerStatus
from ..domain.devices import DeviceKind
from ..domain.eligibility import ApplicationForm, normalized_postcode
from ..events import APPLICATION_SUBMITTED, ApplicationSubmitted
from ..store import applications, borrowers, devices, eligibility
from . import offers

if TYPE_CHECKING:
    from ..deps import Deps


async def _check_people(work: UnitOfWork, patron_id: UUID, partner_id: UUID | None) -> None:
    patron = await borrowers.get_borrower(work.conn, patron_id)
    if patron is None or patron.kind is not BorrowerKind.PATRON:
        raise conflict("unknown_patron", "this patron is not known to the lending desk yet", field="patron_id")
    if patron.status is BorrowerStatus.ERASED:
        raise conflict("borrower_erased", "this patron's record was erased", field="patron_id")
    if partner_id is not None:
        partner = await borrowers.get_borrower(work.conn, partner_id)
        if partner is None or partner.kind is not BorrowerKind.PARTNER:
            raise conflict("unknown_partner", "no partner organization with this id", field="referring_partner_id")
        if partner.status is not BorrowerStatus.ACTIVE:
            raise conflict("partner_not_active", "the referring partnership is not active", field="referring_partner_id")


async def apply(deps: "Deps", *, patron_id: UUID, kind: DeviceKind, need: Need, internet_at_home: bool,
                household_size: int, preferred_language: str, postcode: str | None,
                referring_partner_id: UUID | None, partner_may_be_told: bool, applicant_consented: bool,
                submitted_by: SubmittedBy) -> tuple[Application, int]:
    """Join the waiting list with the score the programme's rules give this form."""
    if submitted_by is SubmittedBy.PARTNER and not applicant_consented:
        raise invalid("applicant_consented", "a partner applies on someone's behalf only with their consent",
                      reason="consent_required")
    now = deps.clock()
    form = ApplicationForm(internet_at_home=internet_at_home, household_size=household_size, postcode=postcode,
                           referred=referring_partner_id is not None and submitted_by is not SubmittedBy.PATRON)
    async with deps.uow() as work:
        await _check_people(work, patron_id, referring_partner_id)
        rules = await eligibility.get_rules(work.conn, kind)
        if rules is None:
            raise conflict("programme_closed", f"there is no {kind} programme")
        refusal = rules.refusal(form)
        if refusal is not None:
            raise refusal
        application = Application(
            id=uuid.uuid4(), patron_id=patron_id, device_kind=kind, need=need, internet_at_home=internet_at_home,
            household_size=household_size, preferred_language=preferred_language,
            postcode=normalized_postcode(postcode), referring_partner_id=referring_partner_id,
            partner_may_be_told=partner_may_be_told and referring_partner_id is not None, submitted_by=submitted_by,
            priority=rules.priority(form), status=ApplicationStatus.WAITING, applied_at=now, created_at=now,
        )
        try:
            async with work.conn.transaction():  # a savepoint: one open application per patron and kind
                application = await applications.insert_application(work.conn, application)
        except asyncpg.UniqueViolationError as exc:
            raise conflict("already_applied", f"this patron already has an open application for a {kind}") from exc
        place = await applications.position(work.conn, application.id)
        await work.publish(
            APPLICATION_SUBMITTED,
            ApplicationSubmitted(application_id=application.id, patron_id=patron_id, device_kind=kind,
                                 priority=application.priority, position=place,
                                 referred=referring_partner_id is not None),
            key=str(application.id), subject=f"applications/{application.id}",
        )
    return application, place


async def _close(deps: "Deps", work: UnitOfWork, application: Application, reason: str, actor: str,
                 now: datetime) -> Application:
    await offers.close_open_offer(deps, work, application, reason, actor, now)
    return await applications.set_status(work.conn, application.id, ApplicationStatus.WITHDRAWN, now)


async def withdraw(deps: "Deps", application_id: UUID, actor: str) -> Application:
    """The applicant leaves the list; a unit offered to them goes to the next applicant."""
    now = deps.clock()
    async with deps.uow() as work:
        found = await applications.get_application(work.conn, application_id)
        if found is None:
            raise not_found("application", application_id)
        await devices.lock_kind(work.conn, found.device_kind)
        application = await applications.get_application(work.conn, application_id, for_update=True)
        assert application is not None
        if application.status not in OPEN:
            raise conflict("application_closed", f"this application is already {application.status}")
        return await _close(deps, work, application, "withdrawn", actor, now)


async def patron_erased(deps: "Deps", work: UnitOfWork, patron_id: UUID, now: datetime) -> None:
    """Erasure: open applications close (an offered unit passes on) and every application forgets the person."""
    # The kinds' locks first, then the rows, in the order every writer takes them.
    for kind in sorted({a.device_kind for a in await applications.open_applications_of(work.conn, patron_id)}):
        await devices.lock_kind(work.conn, kind)
    for application in await applications.open_applications_of(work.conn, patron_id, for_update=True):
        await _close(deps, work, application, "patron_erased", "system:erasure", now)
    await applications.unlink_patron(work.conn, patron_id)


# ---- reads --------------------------------------------------------------------------------------------------

async def get_application(deps: "Deps", application_id: UUID) -> tuple[Application, int | None]:
    async with deps.pool.acquire() as conn:
        application = await applications.get_application(conn, application_id)
        if application is None:
            raise not_found("application", application_id)
        waiting = application.status is ApplicationStatus.WAITING
        return application, await applications.position(conn, application.id) if waiting else None


async def list_applications(deps: "Deps", *, patron_id: UUID | None, referring_partner_id: UUID | None,
                            kind: DeviceKind | None, status: ApplicationStatus | None, after: list | None,
                            limit: int) -> list[Application]:
    async with deps.pool.acquire() as conn:
        return await applications.list_applications(conn, patron_id=patron_id, referring_partner_id=referring_partner_id,
                                                    kind=kind, status=status, after=after, limit=limit)


async def waiting_list(deps: "Deps", kind: DeviceKind, limit: int) -> list[Application]:
    async with deps.pool.acquire() as conn:
        return await applications.waiting_list(conn, kind, limit)


async def report(deps: "Deps", *, kind: DeviceKind | None, since: datetime | None,
                 until: datetime | None) -> dict[str, list[dict]]:
    """Applications, waiting, offers (and lapsed ones), loans and the average wait, by area, language and referrer."""
    async with deps.pool.acquire() as conn:
        return {f"by_{dimension}": [dict(r) for r in await applications.report(conn, dimension, kind, since, until)]
                for dimension in applications.DIMENSIONS}
