"""What calendar feeds list, and the personal feeds' tokens (only their hashes are kept)."""

from datetime import datetime
from uuid import UUID

import asyncpg

FEED_LIMIT = 1000  # a feed is a window of time, not an archive


async def feed_session_ids(conn: asyncpg.Connection, *, since: datetime, kind: str | None, branch: str | None,
                           language: str | None) -> list[UUID]:
    """Sessions from `since` on (cancelled ones too: a subscriber must see them cancelled, not vanish)."""
    rows = await conn.fetch(
        """SELECT s.id FROM sessions s JOIN programs p ON p.id = s.program_id
           WHERE s.starts_at >= $1 AND ($2::text IS NULL OR p.kind = $2)
             AND ($3::text IS NULL OR p.host_branch = $3 OR s.place->>'name' = $3)
             AND ($4::text IS NULL OR $4 = ANY (s.languages))
           ORDER BY s.starts_at, s.id LIMIT $5""",
        since, kind, branch, language, FEED_LIMIT,
    )
    return [r["id"] for r in rows]


async def patron_session_ids(conn: asyncpg.Connection, patron_id: UUID, since: datetime) -> list[UUID]:
    """Sessions the patron holds a seat or a place in, and those they held until the session was cancelled."""
    rows = await conn.fetch(
        """SELECT DISTINCT s.id, s.starts_at FROM registrations r JOIN sessions s ON s.id = r.session_id
           WHERE r.patron_id = $1 AND s.starts_at >= $2
             AND (r.status <> 'cancelled' OR r.cancel_reason = 'session_cancelled')
           ORDER BY s.starts_at, s.id LIMIT $3""",
        patron_id, since, FEED_LIMIT,
    )
    return [r["id"] for r in rows]


async def set_feed(conn: asyncpg.Connection, patron_id: UUID, token_hash: str) -> None:
    await conn.execute(
        """INSERT INTO calendar_feeds (patron_id, token_hash) VALUES ($1, $2)
           ON CONFLICT (patron_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = now()""",
        patron_id, token_hash,
    )


async def revoke_feed(conn: asyncpg.Connection, patron_id: UUID) -> bool:
    return (await conn.execute("DELETE FROM calendar_feeds WHERE patron_id = $1", patron_id)).endswith(" 1")


async def feed_owner(conn: asyncpg.Connection, token_hash: str) -> UUID | None:
    return await conn.fetchval(
        """SELECT f.patron_id FROM calendar_feeds f JOIN patrons p ON p.id = f.patron_id
           WHERE f.token_hash = $1 AND p.erased_at IS NULL""",
        token_hash,
    )
