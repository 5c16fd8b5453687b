"""SQL for patron sign-in: card links (keyed hashes only), refresh tokens (hashes only), wrong-PIN counts."""

import datetime as dt
import uuid
from dataclasses import dataclass

import asyncpg

from lantern_shared.locking import advisory_xact_lock


@dataclass(frozen=True)
class RefreshToken:
    patron_id: uuid.UUID
    expires_at: dt.datetime
    revoked_at: dt.datetime | None


async def lock_card(conn: asyncpg.Connection, card_hash: bytes) -> None:
    """Serialise first sign-ins of one card (inside a transaction): two at once must not enrol two patrons."""
    await advisory_xact_lock(conn, "patron-card", card_hash.hex())


async def patron_for_card(conn: asyncpg.Connection, card_hash: bytes) -> uuid.UUID | None:
    return await conn.fetchval("SELECT patron_id FROM patron_cards WHERE card_hash = $1", card_hash)


async def link_card(conn: asyncpg.Connection, card_hash: bytes, patron_id: uuid.UUID) -> None:
    await conn.execute("INSERT INTO patron_cards (card_hash, patron_id) VALUES ($1, $2) "
                       "ON CONFLICT (card_hash) DO UPDATE SET patron_id = EXCLUDED.patron_id, linked_at = now()",
                       card_hash, patron_id)


async def add_refresh_token(conn: asyncpg.Connection, token_hash: bytes, patron_id: uuid.UUID,
                            expires_at: dt.datetime) -> None:
    await conn.execute("INSERT INTO patron_refresh_tokens (token_hash, patron_id, expires_at) VALUES ($1, $2, $3)",
                       token_hash, patron_id, expires_at)


async def refresh_token(conn: asyncpg.Connection, token_hash: bytes) -> RefreshToken | None:
    row = await conn.fetchrow("SELECT patron_id, expires_at, revoked_at FROM patron_refresh_tokens "
                              "WHERE token_hash = $1 FOR UPDATE", token_hash)
    return RefreshToken(row["patron_id"], row["expires_at"], row["revoked_at"]) if row else None


async def revoke_refresh_token(conn: asyncpg.Connection, token_hash: bytes, now: dt.datetime) -> None:
    await conn.execute("UPDATE patron_refresh_tokens SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL",
                       token_hash, now)


async def revoke_all_refresh_tokens(conn: asyncpg.Connection, patron_id: uuid.UUID, now: dt.datetime) -> None:
    await conn.execute("UPDATE patron_refresh_tokens SET revoked_at = $2 WHERE patron_id = $1 AND revoked_at IS NULL",
                       patron_id, now)


async def locked_until(conn: asyncpg.Connection, subjects: list[str], now: dt.datetime) -> dt.datetime | None:
    return await conn.fetchval("SELECT max(locked_until) FROM signin_failures WHERE subject = ANY($1) "
                               "AND locked_until > $2", subjects, now)


async def count_failure(conn: asyncpg.Connection, subject: str, now: dt.datetime, *, window_s: int, limit: int,
                        lockout_s: int) -> int:
    """One more wrong PIN for `subject`; at `limit` within the window it is locked for `lockout_s`."""
    return await conn.fetchval(
        """
        WITH arg AS (SELECT $2::timestamptz AS now, make_interval(secs => $3::float8) AS win,
                            $4::int AS lim, make_interval(secs => $5::float8) AS lockout)
        INSERT INTO signin_failures AS f (subject, failures, window_start, locked_until)
        SELECT $1, 1, arg.now, CASE WHEN arg.lim <= 1 THEN arg.now + arg.lockout END FROM arg
        ON CONFLICT (subject) DO UPDATE SET
            failures = CASE WHEN f.window_start < EXCLUDED.window_start - (SELECT win FROM arg) THEN 1
                            ELSE f.failures + 1 END,
            window_start = CASE WHEN f.window_start < EXCLUDED.window_start - (SELECT win FROM arg)
                                THEN EXCLUDED.window_start ELSE f.window_start END,
            locked_until = CASE
                WHEN (CASE WHEN f.window_start < EXCLUDED.window_start - (SELECT win FROM arg) THEN 1
                           ELSE f.failures + 1 END) >= (SELECT lim FROM arg)
                THEN EXCLUDED.window_start + (SELECT lockout FROM arg) ELSE f.locked_until END
        RETURNING failures
        """, subject, now, window_s, limit, lockout_s,
    )


async def clear_failures(conn: asyncpg.Connection, subject: str) -> None:
    await conn.execute("DELETE FROM signin_failures WHERE subject = $1", subject)
