"""What registration tells partners about patrons: consent to referral (with the little a referral may share),
and erasure."""

import logging
from uuid import UUID

from lantern_shared.uow import UnitOfWork

from ..deps import Deps
from ..domain.records import first_name
from ..events import PatronChanged, PatronErased
from ..store import patrons

log = logging.getLogger(__name__)


async def patron_changed(deps: Deps, work: UnitOfWork, patron: PatronChanged) -> None:
    # Personal data is kept only while the patron consents to referral, and only what a referral can share.
    consented = patron.consent_to_referral
    await patrons.record_consent(work.conn, patrons.Consent(
        patron_id=patron.patron_id, consent=consented,
        first_name=first_name(patron.name) if consented else None,
        email=patron.email if consented else None, phone=patron.phone if consented else None,
    ))


async def patron_erased(deps: Deps, work: UnitOfWork, erased: PatronErased) -> None:
    unlinked = await patrons.erase_patron(work.conn, erased.patron_id)
    log.info("patron erased: %d referrals unlinked", unlinked)


async def consent(deps: Deps, patron_id: UUID) -> patrons.Consent | None:
    async with deps.pool.acquire() as conn:
        return await patrons.get_consent(conn, patron_id)
