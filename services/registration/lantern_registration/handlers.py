"""Registration's use cases: each a local transaction plus the events it causes."""

import uuid

import asyncpg

from lantern_shared.outbox import Outbox
from lantern_shared.problems import Problem

from . import store
from .domain import Patron, PatronDetails
from .events import PATRON_ENROLLED, PatronEnrolled


async def enroll_patron(details: PatronDetails, pool: asyncpg.Pool, outbox: Outbox) -> Patron:
    patron = Patron(id=uuid.uuid4(), **details.model_dump())
    async with pool.acquire() as conn, conn.transaction():
        try:
            await store.insert_patron(conn, patron)
        except asyncpg.UniqueViolationError as exc:
            raise Problem(409, "Conflict", "A patron with this library card number is already enrolled.") from exc
        await outbox.add(
            conn,
            PATRON_ENROLLED,
            PatronEnrolled(
                patron_id=patron.id, name=patron.name, email=patron.email, phone=patron.phone,
                preferred_language=patron.preferred_language, consent_to_contact=patron.consent_to_contact,
                consent_to_referral=patron.consent_to_referral,
            ),
            key=str(patron.id),
            subject=f"patrons/{patron.id}",
        )
    return patron
