"""Periodic jobs (reminders, overdue scans, purges): one instance of a service runs each at a time."""

import asyncio
import logging
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import asyncpg

from .db import is_transient

log = logging.getLogger(__name__)

JobFunction = Callable[[asyncpg.Pool], Awaitable[object]]


@dataclass(frozen=True)
class PeriodicJob:
    """`run(pool)` every `interval_s` seconds; it opens its own transactions (and writes its events to the outbox).

    `per_instance`: every instance runs it, with no lock (e.g. refreshing the gauges its own /metrics serves)."""

    name: str
    interval_s: float
    run: JobFunction
    per_instance: bool = False

    @property
    def lock_key(self) -> int:
        return zlib.crc32(f"lantern-job:{self.name}".encode())


async def run_periodically(job: PeriodicJob, pool: asyncpg.Pool, *, on_error: Callable[[str], None]) -> None:
    """Forever: run once (holding the job's advisory lock, unless it runs on every instance), sleep, repeat."""
    while True:
        try:
            if job.per_instance:
                await job.run(pool)
            else:
                await _run_once_locked(job, pool)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - a failed round is retried at the next interval
            on_error(job.name)
            if is_transient(exc):
                log.warning("job %s: database unavailable (%s)", job.name, type(exc).__name__)
            else:
                log.exception("job %s failed", job.name)
        await asyncio.sleep(job.interval_s)


# The lock lives as long as the session holding it: when its instance dies, the database ends the session and
# another instance takes the job at its next round. A process that dies closes its socket at once; a machine that
# vanishes does not, so the server probes an idle lock holder's connection and drops it within ~25 s (instead of the
# system's default of two hours). A paused process (SIGSTOP) still answers the probes (its kernel does): it keeps the
# lock, and nobody runs the job twice meanwhile.
_KEEPALIVE = "SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3"


async def _run_once_locked(job: PeriodicJob, pool: asyncpg.Pool) -> None:
    """Run once if no other instance holds the job's advisory lock."""
    async with pool.acquire() as conn:
        await conn.execute(_KEEPALIVE)  # the pool's reset on release (RESET ALL) puts them back
        if await conn.fetchval("SELECT pg_try_advisory_lock($1)", job.lock_key):
            try:
                await job.run(pool)
            finally:
                await conn.execute("SELECT pg_advisory_unlock($1)", job.lock_key)
