"""In-app inboxes."""

from datetime import datetime
from uuid import UUID

import asyncpg

from ..domain.inbox import InboxMessage


async def add_to_inbox(
    conn: asyncpg.Connection, *, message_id: UUID, recipient_id: UUID, delivery_id: UUID, message: str,
    subject: str, body: str,
) -> None:
    await conn.execute(
        """INSERT INTO inbox_messages (id, recipient_id, delivery_id, message, subject, body)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (delivery_id) DO NOTHING""",
        message_id, recipient_id, delivery_id, message, subject, body,
    )


async def list_inbox(
    conn: asyncpg.Connection, recipient_id: UUID, *, before_seq: int | None, limit: int, unread_only: bool
) -> list[InboxMessage]:
    rows = await conn.fetch(
        """SELECT id, seq, message, subject, body, created_at, read_at FROM inbox_messages
           WHERE recipient_id = $1 AND ($2::bigint IS NULL OR seq < $2) AND (NOT $3 OR read_at IS NULL)
           ORDER BY seq DESC LIMIT $4""",
        recipient_id, before_seq, unread_only, limit,
    )
    return [InboxMessage.model_validate(dict(r)) for r in rows]


async def mark_read(conn: asyncpg.Connection, recipient_id: UUID, message_id: UUID, now: datetime) -> InboxMessage | None:
    row = await conn.fetchrow(
        """UPDATE inbox_messages SET read_at = coalesce(read_at, $3) WHERE recipient_id = $1 AND id = $2
           RETURNING id, seq, message, subject, body, created_at, read_at""",
        recipient_id, message_id, now,
    )
    return InboxMessage.model_validate(dict(row)) if row else None
