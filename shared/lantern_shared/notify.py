"""A wake-up from PostgreSQL: LISTEN on a connection of its own, so a waiter sleeps until a change commits."""

import asyncio

import asyncpg


class Wakeup:
    """What a waiting loop sleeps on: set by news, cleared by the waiter before it looks, waited for with a bound.
    This one is set in its own process (`Outbox.doorbell`); `NotifySignal` is set by PostgreSQL."""

    def __init__(self) -> None:
        self._signal = asyncio.Event()

    async def listen(self) -> bool:
        """Nothing to connect: nothing can have been missed."""
        return False

    def clear(self) -> None:
        self._signal.clear()

    @property
    def pending(self) -> bool:
        return self._signal.is_set()

    async def wait(self, timeout: float) -> None:
        """Until the signal is set, at most `timeout` seconds."""
        try:
            await asyncio.wait_for(self._signal.wait(), timeout=timeout)
        except TimeoutError:
            pass

    async def close(self) -> None:
        return None

    def _wake(self, *_: object) -> None:
        self._signal.set()


class NotifySignal(Wakeup):
    """Set by every NOTIFY on the channel, and by the loss of the listening connection (so the waiter reconnects
    and looks, since notifications may have been missed meanwhile). Without a dsn it never fires: waits time out."""

    def __init__(self, dsn: str | None, channel: str) -> None:
        super().__init__()
        self.dsn = dsn
        self.channel = channel
        self._conn: asyncpg.Connection | None = None
        self._lock = asyncio.Lock()  # several loops of one process may share the signal

    async def listen(self) -> bool:
        """Listen if not listening already. True when it had to (re)connect: notifications may have been missed."""
        if self.dsn is None or (self._conn is not None and not self._conn.is_closed()):
            return False
        async with self._lock:
            if self._conn is not None and not self._conn.is_closed():
                return False
            await self.close()
            conn = await asyncpg.connect(self.dsn)
            conn.add_termination_listener(self._wake)
            await conn.add_listener(self.channel, self._wake)
            self._conn = conn
            return True

    async def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.terminate()
