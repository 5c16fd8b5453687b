"""Devices' use cases."""

import asyncpg

from lantern_shared.envelope import CloudEvent

from . import store
from .domain import BorrowerKind, BorrowerStatus
from .events import PatronEnrolled


async def patron_enrolled(event: PatronEnrolled, _envelope: CloudEvent, conn: asyncpg.Connection) -> None:
    await store.upsert_borrower(conn, event.patron_id, BorrowerKind.PATRON, BorrowerStatus.ACTIVE)
