"""One unit of work for every write, on HTTP and event paths alike: a connection inside a transaction, and
`publish(...)` of the events the change causes into the transactional outbox of that same transaction.

Handlers take a `UnitOfWork` and never open transactions themselves, so they can be unit-tested with a fake
(tests/support.py `FakeUnitOfWork`) and run unchanged inside a consumer's transaction (`UnitOfWork.of_event`).
"""

import contextlib
from collections.abc import AsyncIterator, Callable
from typing import Any, Protocol

import asyncpg
from pydantic import BaseModel

from .consumer import EventContext
from .contracts import EventContract
from .envelope import CloudEvent
from .outbox import Outbox, OutboxRow


class Publisher(Protocol):
    async def publish(self, contract: EventContract[Any], data: BaseModel, *, key: str,
                      subject: str | None = None) -> CloudEvent: ...


class UnitOfWork:
    """`conn` is in a transaction; `publish` writes an event into the outbox in it. Commit happens when the
    `begin()` block (or the consumer's transaction) ends without an exception."""

    def __init__(self, conn: asyncpg.Connection, outbox: Outbox) -> None:
        self.conn = conn
        self._outbox = outbox
        self.published: list[CloudEvent] = []

    async def publish(self, contract: EventContract[Any], data: BaseModel, *, key: str,
                      subject: str | None = None) -> CloudEvent:
        event = await self._outbox.add(self.conn, contract, data, key=key, subject=subject)
        self.published.append(event)
        return event

    def prepare(self, contract: EventContract[Any], data: BaseModel, *, key: str,
                subject: str | None = None) -> OutboxRow:
        """The event `publish` would write, built but not written: for a server-side function that writes the
        outbox row in the same statement as the change (and so in its transaction). `written` records it."""
        return self._outbox.prepare(contract, data, key=key, subject=subject)

    def written(self, row: OutboxRow) -> CloudEvent:
        """Record a prepared event that the statement did write."""
        self._outbox.wrote()
        self.published.append(row.event)
        return row.event

    @classmethod
    def of_event(cls, ctx: EventContext) -> "UnitOfWork":
        """The unit of work of a consumed event: its connection and transaction (with the inbox row)."""
        return cls(ctx.conn, ctx.outbox)


class UnitOfWorkFactory(Protocol):
    def __call__(self, single_statement: bool = False) -> contextlib.AbstractAsyncContextManager[UnitOfWork]: ...


def unit_of_work_factory(pool: Callable[[], asyncpg.Pool], outbox: Outbox) -> UnitOfWorkFactory:
    """`async with uow() as work:` acquires a connection, begins a transaction and commits on a clean exit.
    `pool` is read late: the pool exists only once the service has started.

    `uow(single_statement=True)` opens no transaction block: for a change made by one statement (a server-side
    function writing its state and its outbox rows), which is its own transaction, saving BEGIN and COMMIT's
    round trips. `publish` refuses there (the outbox needs the transaction); use `prepare` and `written`."""

    @contextlib.asynccontextmanager
    async def begin(single_statement: bool = False) -> AsyncIterator[UnitOfWork]:
        async with pool().acquire() as conn:
            writes = outbox.writes
            if single_statement:
                yield UnitOfWork(conn, outbox)
            else:
                async with conn.transaction():
                    yield UnitOfWork(conn, outbox)
            outbox.committed_since(writes)  # committed: the relay may publish what it wrote

    return begin
