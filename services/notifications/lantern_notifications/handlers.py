"""Notifications' use cases."""

import asyncpg

from lantern_shared.envelope import CloudEvent

from . import store
from .domain import Recipient
from .events import PatronEnrolled


async def patron_enrolled(event: PatronEnrolled, _envelope: CloudEvent, conn: asyncpg.Connection) -> None:
    await store.upsert_recipient(
        conn,
        Recipient(
            id=event.patron_id, kind="patron", name=event.name, email=event.email, phone=event.phone,
            language=event.preferred_language, consent_to_contact=event.consent_to_contact,
        ),
    )
