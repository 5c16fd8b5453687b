"""Patrons: enrol, change, erase; and what the library's ILS tells us about their cards."""

import logging
import uuid
from datetime import datetime
from uuid import UUID

import asyncpg

from lantern_shared.refusals import conflict, not_found
from lantern_shared.sealing import patron_subject
from lantern_shared.uow import UnitOfWork

from ..deps import Deps
from ..domain.patrons import Patron, PatronChanges, PatronDetails
from ..errors import merged_fields_checked
from ..events import (
    PATRON_ENROLLED, PATRON_ERASED, PATRON_UPDATED, PATRONS_TOPIC, IlsPatronStatusChanged, PatronEnrolled,
    PatronErased, PatronUpdated,
)
from ..store import appointments, patrons, registrations, series_registrations
from . import seats

log = logging.getLogger(__name__)

_CARD_TAKEN = "A patron with this library card number is already enrolled."


def _patron_data(model: type[PatronEnrolled], patron: Patron) -> PatronEnrolled:
    return model(
        patron_id=patron.id, name=patron.name, email=patron.email, phone=patron.phone,
        preferred_language=patron.preferred_language, consent_to_contact=patron.consent_to_contact,
        consent_to_referral=patron.consent_to_referral, sms_opt_in=patron.sms_opt_in, guest=patron.guest,
    )


async def enroll(deps: Deps, details: PatronDetails) -> Patron:
    async with deps.uow() as work:
        return await enroll_in(work, details)


async def enroll_in(work: UnitOfWork, details: PatronDetails) -> Patron:
    """Enrolment inside the caller's unit of work."""
    try:
        patron = await patrons.insert(work.conn, uuid.uuid4(), details)
    except asyncpg.UniqueViolationError as exc:
        raise conflict("card_number_taken", _CARD_TAKEN) from exc
    await work.publish(PATRON_ENROLLED, _patron_data(PatronEnrolled, patron), key=str(patron.id),
                       subject=f"patrons/{patron.id}")
    return patron


async def update_patron(deps: Deps, patron_id: UUID, changes: PatronChanges) -> Patron:
    async with deps.uow() as work:
        current = await patrons.get(work.conn, patron_id, lock="update")
        if current is None:
            raise not_found("patron", patron_id)
        with merged_fields_checked():
            details = changes.applied_to(current)
        try:
            patron = await patrons.update(work.conn, patron_id, details)
        except asyncpg.UniqueViolationError as exc:
            raise conflict("card_number_taken", _CARD_TAKEN) from exc
        await work.publish(PATRON_UPDATED, _patron_data(PatronUpdated, patron), key=str(patron_id),
                           subject=f"patrons/{patron_id}")
    return patron


async def erase_patron(deps: Deps, patron_id: UUID) -> datetime:
    """Remove the patron's personal data, free their upcoming seats, tell every service. Repeating it is harmless."""
    now = deps.clock()
    async with deps.uow() as work:
        if not await patrons.lock(work.conn, patron_id):
            raise not_found("patron", patron_id)
        if (already := await patrons.erased_at(work.conn, patron_id)) is not None:
            await deps.runtime.keys.destroy(patron_subject(patron_id))  # again: the first try may have failed there
            return already
        for registration in await registrations.upcoming_active_for_patron(work.conn, patron_id, now):
            await seats.cancel_locked(work, registration.id, by="patron", now=now)
        await series_registrations.cancel_for_patron(work.conn, patron_id, "patron_cancelled")
        await appointments.forget_patron(work.conn, patron_id, now)
        await patrons.erase(work.conn, patron_id, now)
        forgotten = await patrons.forget_unsent_and_sent_events(work.conn, patron_id, PATRONS_TOPIC)
        await work.publish(PATRON_ERASED, PatronErased(patron_id=patron_id, erased_at=now),
                           key=str(patron_id), subject=f"patrons/{patron_id}")
    # After the commit (a rolled-back erasure must not shred): every sealed copy of their data, on every topic,
    # DLQ and backup, is unreadable from here on (docs/privacy.md).
    await deps.runtime.keys.destroy(patron_subject(patron_id))
    log.info("patron erased", extra={"patron_id": str(patron_id), "outbox_rows_forgotten": forgotten})
    return now


async def card_status_changed(deps: Deps, work: UnitOfWork, data: IlsPatronStatusChanged) -> None:
    patron_id = await patrons.set_card_status(work.conn, data.library_card_number, data.status)
    if patron_id is None:
        log.info("card status for a card no patron here holds; ignored")
