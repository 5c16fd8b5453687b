"""Registration's use cases: each a local transaction plus the events it causes."""

import asyncpg

from lantern_shared.outbox import Outbox
from lantern_shared.uow import UnitOfWork

from ..domain.patrons import Patron, PatronDetails
from . import patrons


async def enroll_patron(details: PatronDetails, pool: asyncpg.Pool, outbox: Outbox) -> Patron:
    """Enrolment on a bare pool and outbox, for tests/integration/test_outbox.py (outside this service's files),
    which drives the outbox with it. Services call `handlers.patrons.enroll(deps, details)`; drop this once that
    test does too."""
    async with pool.acquire() as conn, conn.transaction():
        return await patrons.enroll_in(UnitOfWork(conn, outbox), details)
