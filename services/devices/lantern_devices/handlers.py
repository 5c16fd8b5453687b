"""Devices' use cases."""

from lantern_shared.consumer import EventContext

from . import store
from .domain import BorrowerKind, BorrowerStatus
from .events import PatronEnrolled


async def patron_enrolled(event: PatronEnrolled, ctx: EventContext) -> None:
    await store.upsert_borrower(ctx.conn, event.patron_id, BorrowerKind.PATRON, BorrowerStatus.ACTIVE)
