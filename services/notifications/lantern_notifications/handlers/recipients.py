"""Recipients: the projection of patrons, partners' contacts and the outreach staff (from their owners' events),
and looking one up."""

import uuid
from uuid import UUID

from lantern_shared.fields import e164
from lantern_shared.refusals import not_found
from lantern_shared.uow import UnitOfWork

from ..deps import Deps
from ..domain.recipients import Recipient
from ..domain.sms import why_not_textable
from ..domain.sms_consent import Consent, Source
from ..events import PatronEnrolled, PatronErased
from ..partner_events import PartnerRegistered
from ..store import recipients, sms_consent

STAFF_NAMESPACE = uuid.UUID("5b0f6c1e-7a43-4b8e-9a57-3c1d2f0e8a11")


async def patron_enrolled(deps: Deps, work: UnitOfWork, event: PatronEnrolled) -> None:
    """Also a patron's update: the projection holds their latest contact points, language and consent."""
    patron = _patron(deps, event)
    await recipients.upsert_recipient(work.conn, patron)
    if event.sms_opt_in:
        await _texts_agreed(deps, work, patron)


async def patrons_enrolled(deps: Deps, work: UnitOfWork, events: list[PatronEnrolled]) -> None:
    """`patron_enrolled` for a run of events, in one round trip (catching up on a backlog of patrons)."""
    patrons = [_patron(deps, event) for event in events]
    await recipients.upsert_recipients(work.conn, patrons)
    for patron, event in zip(patrons, events, strict=True):
        if event.sms_opt_in:
            await _texts_agreed(deps, work, patron)


async def patron_erased(deps: Deps, work: UnitOfWork, event: PatronErased) -> None:
    await recipients.erase_patron(work.conn, event.patron_id)


async def partner_registered(deps: Deps, work: UnitOfWork, event: PartnerRegistered) -> None:
    """Also a partner's update: its contacts are the ones it lists now."""
    await recipients.upsert_partner(work.conn, event.partner_id, event.name)
    for contact in event.contacts:
        await recipients.upsert_recipient(work.conn, Recipient(
            id=contact.contact_id, kind="partner_contact", name=contact.name, email=contact.email,
            phone=_e164(deps, contact.phone), language=contact.language, consent_to_contact=True, partner_id=event.partner_id,
        ))
    await recipients.remove_partner_contacts_except(work.conn, event.partner_id, [c.contact_id for c in event.contacts])


async def outreach_team(deps: Deps, work: UnitOfWork) -> UUID | None:
    """The outreach team as a recipient (kept up to date from the settings), or None when no address is set."""
    if not deps.staff_email:
        return None
    staff_id = uuid.uuid5(STAFF_NAMESPACE, deps.staff_email.lower())
    await recipients.upsert_recipient(work.conn, Recipient(
        id=staff_id, kind="staff", name="Outreach team", email=deps.staff_email, phone=None,
        language=deps.default_language, consent_to_contact=True,
    ))
    return staff_id


async def find(deps: Deps, recipient_id: UUID) -> Recipient:
    async with deps.uow() as work:
        return await existing(work, recipient_id)


async def existing(work: UnitOfWork, recipient_id: UUID) -> Recipient:
    found = await recipients.get_recipient(work.conn, recipient_id)
    if found is None:
        raise not_found("recipient", recipient_id)
    return found


def _patron(deps: Deps, event: PatronEnrolled) -> Recipient:
    return Recipient(
        id=event.patron_id, kind="patron", name=event.name, email=event.email, phone=_e164(deps, event.phone),
        language=event.preferred_language, consent_to_contact=event.consent_to_contact,
    )


def _e164(deps: Deps, phone: str | None) -> str | None:
    """Numbers are kept as E.164, so a STOP from +12065550100 finds the patron who wrote "(206) 555-0100"; one that
    cannot be a number is as good as none."""
    if phone is None:
        return None
    try:
        return e164(phone, deps.settings.phone_region)
    except ValueError:
        return None


async def _texts_agreed(deps: Deps, work: UnitOfWork, patron: Recipient) -> None:
    """Ticked "text me" when enrolling: recorded once, so a later STOP stands when the patron's record is published
    again, and a changed number needs consent of its own. A landline's "yes" means nothing and is not kept."""
    if patron.phone is not None and why_not_textable(patron.phone, deps.settings.phone_region) is None:
        await sms_consent.record_if_new(work.conn, patron.id, Consent(
            phone=patron.phone, opted_in=True, source=Source.ENROLMENT, changed_at=deps.clock()))
