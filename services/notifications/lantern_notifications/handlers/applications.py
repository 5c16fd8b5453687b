"""What the long-loan programme's applicants hear (an offer, its lapse) and what a referring partner hears (the person
it referred was served, when they agreed the partner be told)."""

from lantern_shared.envelope import CloudEvent
from lantern_shared.uow import UnitOfWork

from ..deps import Deps
from ..events import ApplicationOffered, ApplicationOfferLapsed, ApplicationServed
from ..store import recipients
from .planning import notify


def _group(event: ApplicationOffered | ApplicationOfferLapsed | ApplicationServed) -> str:
    return f"application:{event.application_id}"


async def offered(deps: Deps, work: UnitOfWork, event: ApplicationOffered, cause: CloudEvent) -> None:
    data = {"device_kind": event.device_kind, "pickup_branch": event.pickup_branch, "pickup_until": event.pickup_until}
    await notify(deps, work, cause, event.patron_id, "application_offered", data, group_key=_group(event),
                 expires_at=event.pickup_until, about=event.patron_id)


async def offer_lapsed(deps: Deps, work: UnitOfWork, event: ApplicationOfferLapsed, cause: CloudEvent) -> None:
    data = {"device_kind": event.device_kind, "pickup_until": event.pickup_until}
    await notify(deps, work, cause, event.patron_id, "application_offer_lapsed", data, group_key=_group(event),
                 about=event.patron_id)


async def served(deps: Deps, work: UnitOfWork, event: ApplicationServed, cause: CloudEvent) -> None:
    """Only a partner the applicant agreed may be told is named in the event; it hears the name it referred, and
    which kind of device, nothing else (not the asset, not the due date)."""
    if event.referring_partner_id is None:
        return
    patron = await recipients.get_recipient(work.conn, event.patron_id)
    if patron is None:  # erased since: there is no one to name
        return
    partner_name = await recipients.partner_name(work.conn, event.referring_partner_id) or ""
    data = {"device_kind": event.device_kind, "patron_name": patron.name, "partner_name": partner_name}
    for contact in await recipients.partner_contacts(work.conn, event.referring_partner_id):
        await notify(deps, work, cause, contact.id, "application_served", data, group_key=_group(event),
                     about=event.patron_id)
