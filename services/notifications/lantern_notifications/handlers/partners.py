"""What partners' contacts hear (agreements, lapses, referrals, broadcasts), and what a referred patron hears."""

from typing import Any
from uuid import UUID

from phonenumbers import NumberParseException

from lantern_shared.envelope import CloudEvent
from lantern_shared.fields import for_reader
from lantern_shared.uow import UnitOfWork

from ..deps import Deps
from ..domain.messages import Category
from ..events import SpaceBookingDecided
from ..partner_events import AgreementEnded, AgreementSigned, BroadcastRequested, PartnerLapsed, ReferralCreated
from ..store import recipients
from .planning import notify


async def lapsed(deps: Deps, work: UnitOfWork, event: PartnerLapsed, cause: CloudEvent) -> None:
    await recipients.upsert_partner(work.conn, event.partner_id, event.name)
    for contact in await recipients.partner_contacts(work.conn, event.partner_id):
        await notify(deps, work, cause, contact.id, "partner_lapsed", {"partner_name": event.name})


async def agreement_signed(deps: Deps, work: UnitOfWork, event: AgreementSigned, cause: CloudEvent) -> None:
    await _to_partner(deps, work, cause, event.partner_id, "agreement_signed",
                      {"kind": event.kind, "starts_on": event.starts_on, "ends_on": event.ends_on})


async def agreement_ended(deps: Deps, work: UnitOfWork, event: AgreementEnded, cause: CloudEvent) -> None:
    await _to_partner(deps, work, cause, event.partner_id, "agreement_ended",
                      {"kind": event.kind, "ended_on": event.ended_on})


async def referral_created(deps: Deps, work: UnitOfWork, event: ReferralCreated, cause: CloudEvent) -> None:
    """The patron gets the partner's contact details; the partner contact gets only what the patron shared."""
    contact = await recipients.get_recipient(work.conn, event.contact_id) if event.contact_id else None
    partner_name = await recipients.partner_name(work.conn, event.partner_id) or ""
    common = {"service_name": event.service_name, "need": event.need, "partner_name": partner_name}
    await notify(deps, work, cause, event.patron_id, "referral_to_patron", common | {
        "contact_name": contact.name if contact else None,
        "contact_email": contact.email if contact else None,
        "contact_phone": _readable(deps, contact.phone if contact else None),
    }, about=event.patron_id)
    if event.contact_id is not None:  # an unknown contact is logged as not reachable, not skipped silently
        shared = event.shared_with_partner
        await notify(deps, work, cause, event.contact_id, "referral_to_partner", common | {
            "first_name": shared.first_name, "patron_email": shared.email,
            "patron_phone": _readable(deps, shared.phone),
        }, about=event.patron_id)


async def broadcast_requested(deps: Deps, work: UnitOfWork, event: BroadcastRequested, cause: CloudEvent) -> None:
    category = Category.PROGRAMME_NEWS if event.category == "programme_news" else Category.BROADCASTS
    data = {"subject": event.subject, "body": event.body, "fallback_language": event.fallback_language}
    for recipient_id in event.contact_ids:
        await notify(deps, work, cause, recipient_id, "broadcast", data, category=category)


async def space_booking_approved(deps: Deps, work: UnitOfWork, event: SpaceBookingDecided, cause: CloudEvent) -> None:
    await _space_booking(deps, work, cause, event, "space_booking_approved")


async def space_booking_declined(deps: Deps, work: UnitOfWork, event: SpaceBookingDecided, cause: CloudEvent) -> None:
    await _space_booking(deps, work, cause, event, "space_booking_declined")


async def _space_booking(
    deps: Deps, work: UnitOfWork, cause: CloudEvent, event: SpaceBookingDecided, message: str
) -> None:
    """The organization that asked for the space hears the answer, at the branch's time; the library's own
    bookings (no partner) are staff's, who see them in the console."""
    if event.partner_id is None:
        return
    name = await recipients.partner_name(work.conn, event.partner_id) or ""
    data = {"partner_name": name, "title": event.title, "space_name": event.space_name,
            "branch_name": event.branch_name, "starts_at": event.starts_at, "ends_at": event.ends_at,
            "reason": event.reason}
    for contact in await recipients.partner_contacts(work.conn, event.partner_id):
        await notify(deps, work, cause, contact.id, message, data, timezone=event.timezone)


async def _to_partner(
    deps: Deps, work: UnitOfWork, cause: CloudEvent, partner_id: UUID, message: str, data: dict[str, Any]
) -> None:
    name = await recipients.partner_name(work.conn, partner_id) or ""
    for contact in await recipients.partner_contacts(work.conn, partner_id):
        await notify(deps, work, cause, contact.id, message, data | {"partner_name": name})


def _readable(deps: Deps, phone: str | None) -> str | None:
    """A number as a person dials it from here ((206) 555-0100; +44 20 7946 0958 from abroad), not as stored."""
    if phone is None:
        return None
    try:
        return for_reader(phone, deps.settings.phone_region)
    except NumberParseException:
        return phone
