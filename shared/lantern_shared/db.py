"""PostgreSQL pool and the line between transient failures (retry) and everything else."""

import asyncio
import logging

import asyncpg

log = logging.getLogger(__name__)

# Failures that say "the database is not reachable right now", not "this input is wrong".
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    asyncio.TimeoutError,
    asyncpg.PostgresConnectionError,
    asyncpg.CannotConnectNowError,
    asyncpg.TooManyConnectionsError,
    asyncpg.ConnectionDoesNotExistError,
    asyncpg.AdminShutdownError,
    asyncpg.CrashShutdownError,
    asyncpg.SerializationError,
    asyncpg.DeadlockDetectedError,
    asyncpg.InterfaceError,
)


def is_transient(exc: BaseException) -> bool:
    return isinstance(exc, TRANSIENT_ERRORS)


async def create_pool(dsn: str, *, min_size: int, max_size: int) -> asyncpg.Pool:
    return await asyncpg.create_pool(
        dsn, min_size=min_size, max_size=max_size, command_timeout=30, max_inactive_connection_lifetime=60,
        reset=_keep_session,
    )


async def _keep_session(conn: asyncpg.Connection) -> None:
    """What a connection needs on its way back to the pool: nothing more than asyncpg's own clean-up, which rolls
    back a transaction left open and drops listeners. The default reset adds a round trip per acquire
    (`RESET ALL; UNLISTEN *; advisory unlock all; CLOSE ALL`) for state this code never leaves on a pooled
    connection: no session settings, LISTEN only on dedicated connections, advisory locks released by their job."""


async def ping(pool: asyncpg.Pool, timeout: float = 2.0) -> bool:
    try:
        async with asyncio.timeout(timeout):
            async with pool.acquire() as conn:
                await conn.fetchval("SELECT 1")
        return True
    except Exception:  # noqa: BLE001 - readiness reports, never raises
        return False
