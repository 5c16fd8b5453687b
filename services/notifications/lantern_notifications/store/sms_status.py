"""What the SMS provider reports about a text we sent, on its delivery log line."""

from datetime import datetime
from uuid import UUID

import asyncpg

from ..domain.sms_webhooks import FINAL, NOT_DELIVERED, STATUS_ORDER


async def record(conn: asyncpg.Connection, delivery_id: UUID, status: str, error: int | None, at: datetime) -> bool:
    """Note the provider's status unless the line already holds a final or later one (callbacks race each other).
    A text the carrier could not deliver fails the line (the patron did not get it); returns whether anything
    changed."""
    result = await conn.execute(
        """UPDATE deliveries SET provider_status = $2, provider_error = $3::int, provider_status_at = $4,
               status = CASE WHEN $2::text = ANY($6::text[]) AND status = 'sent' THEN 'failed' ELSE status END,
               reason = CASE WHEN $2 = ANY($6::text[]) AND status = 'sent'
                             THEN 'sms_' || $2::text || coalesce(':' || $3::int::text, '') ELSE reason END,
               updated_at = now()
           WHERE id = $1 AND channel = 'sms'
             AND (provider_status IS NULL
                  OR (NOT provider_status = ANY($5::text[])
                      AND coalesce(array_position($7::text[], provider_status), 0)
                          < coalesce(array_position($7::text[], $2::text), 0)))""",
        delivery_id, status, error, at, list(FINAL), list(NOT_DELIVERED), list(STATUS_ORDER),
    )
    return result.split()[-1] != "0"
