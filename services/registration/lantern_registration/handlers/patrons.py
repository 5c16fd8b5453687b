"""Patrons: enrol, change, erase; and what the library's ILS tells us about their cards."""

import logging
import uuid
from datetime import UTC, datetime
from uuid import UUID

import asyncpg

from lantern_shared.consumer import EventContext
from lantern_shared.outbox import Outbox

from ..domain import Patron, PatronChanges, PatronDetails
from ..events import (
    PATRON_ENROLLED, PATRON_ERASED, PATRON_UPDATED, PATRONS_TOPIC, IlsPatronStatusChanged, PatronEnrolled,
    PatronErased, PatronUpdated,
)
from ..refusals import field_errors_as_problem, conflict, not_found
from ..store import patrons, registrations
from . import seats
from .wiring import Outreach

log = logging.getLogger(__name__)

_CARD_TAKEN = "A patron with this library card number is already enrolled."


def _patron_data(model: type[PatronEnrolled], patron: Patron) -> PatronEnrolled:
    return model(
        patron_id=patron.id, name=patron.name, email=patron.email, phone=patron.phone,
        preferred_language=patron.preferred_language, consent_to_contact=patron.consent_to_contact,
        consent_to_referral=patron.consent_to_referral,
    )


async def enroll_patron(details: PatronDetails, pool: asyncpg.Pool, outbox: Outbox) -> Patron:
    async with pool.acquire() as conn, conn.transaction():
        try:
            patron = await patrons.insert(conn, uuid.uuid4(), details)
        except asyncpg.UniqueViolationError as exc:
            raise conflict("card_number_taken", _CARD_TAKEN) from exc
        await outbox.add(conn, PATRON_ENROLLED, _patron_data(PatronEnrolled, patron), key=str(patron.id),
                         subject=f"patrons/{patron.id}")
    return patron


async def update_patron(out: Outreach, patron_id: UUID, changes: PatronChanges) -> Patron:
    async with out.pool.acquire() as conn, conn.transaction():
        current = await patrons.get(conn, patron_id, lock="update")
        if current is None:
            raise not_found("patron", patron_id)
        with field_errors_as_problem():
            details = changes.applied_to(current)
        try:
            patron = await patrons.update(conn, patron_id, details)
        except asyncpg.UniqueViolationError as exc:
            raise conflict("card_number_taken", _CARD_TAKEN) from exc
        await out.outbox.add(conn, PATRON_UPDATED, _patron_data(PatronUpdated, patron), key=str(patron_id),
                             subject=f"patrons/{patron_id}")
    return patron


async def erase_patron(out: Outreach, patron_id: UUID, now: datetime | None = None) -> datetime:
    """Remove the patron's personal data, free their upcoming seats, tell every service. Repeating it is harmless."""
    now = now or datetime.now(UTC)
    async with out.pool.acquire() as conn, conn.transaction():
        if not await conn.fetchval("SELECT true FROM patrons WHERE id = $1 FOR UPDATE", patron_id):
            raise not_found("patron", patron_id)
        if (already := await patrons.erased_at(conn, patron_id)) is not None:
            return already
        for registration in await registrations.upcoming_active_for_patron(conn, patron_id, now):
            await seats.cancel_locked(conn, out, registration.id, by="patron", now=now)
        await patrons.erase(conn, patron_id, now)
        forgotten = await patrons.forget_unsent_and_sent_events(conn, patron_id, PATRONS_TOPIC)
        await out.outbox.add(conn, PATRON_ERASED, PatronErased(patron_id=patron_id, erased_at=now),
                             key=str(patron_id), subject=f"patrons/{patron_id}")
    log.info("patron erased", extra={"patron_id": str(patron_id), "outbox_rows_forgotten": forgotten})
    return now


async def card_status_changed(data: IlsPatronStatusChanged, ctx: EventContext) -> None:
    patron_id = await patrons.set_card_status(ctx.conn, data.library_card_number, data.status)
    if patron_id is None:
        log.info("card status for a card no patron here holds; ignored")
