"""Row-locking helpers: transaction-scoped advisory locks, and lock-then-reread of a row whose lock depends on it."""

from collections.abc import Awaitable, Callable
from typing import TypeVar

import asyncpg

T = TypeVar("T")


async def advisory_xact_lock(conn: asyncpg.Connection, namespace: str, key: str) -> None:
    """Serialise work on `namespace:key` until the transaction ends (works when no row exists yet to lock)."""
    await conn.execute("SELECT pg_advisory_xact_lock(hashtext($1 || ':' || $2))", namespace, key)


async def lock_then_reread(read: Callable[..., Awaitable[T | None]], lock: Callable[[T], Awaitable[None]]) -> T | None:
    """Read a row, take the lock its contents name (e.g. its kind's), then read it again `for_update`.

    The lock must come before the row lock (every writer takes them in that order), and what the first read saw may
    have changed while waiting for it, so the second read is the one to act on. None if the row is not (or no longer)
    there. `read(for_update=...)` reads the row.
    """
    found = await read(for_update=False)
    if found is None:
        return None
    await lock(found)
    return await read(for_update=True)
