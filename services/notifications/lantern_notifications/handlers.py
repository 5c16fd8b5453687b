"""Notifications' use cases."""

from lantern_shared.consumer import EventContext

from . import store
from .domain import Recipient
from .events import PatronEnrolled


async def patron_enrolled(event: PatronEnrolled, ctx: EventContext) -> None:
    await store.upsert_recipient(
        ctx.conn,
        Recipient(
            id=event.patron_id, kind="patron", name=event.name, email=event.email, phone=event.phone,
            language=event.preferred_language, consent_to_contact=event.consent_to_contact,
        ),
    )
