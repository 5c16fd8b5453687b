"""The deliveries table as planning and the log see it: recording, cancelling, retrying, listing, retention."""

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from ..domain.deliveries import FINAL_STATUSES, Delivery, PlannedDelivery

DELIVERY_COLUMNS = """id, seq, cause_event_id, cause_type, recipient_id, message, category, channel, language,
    status, reason, attempts, send_after, created_at, updated_at, sent_at, provider_status, provider_error,
    provider_status_at"""


_PLAN = """INSERT INTO deliveries (id, cause_event_id, cause_type, cause_time, recipient_id, about_patron_id, message,
        category, channel, language, timezone, status, reason, send_after, group_key, render_data, expires_at,
        traceparent)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb, $17, $18)
    ON CONFLICT (cause_event_id, recipient_id, channel, message) DO NOTHING"""


async def plan_all(conn: asyncpg.Connection, deliveries: Sequence[PlannedDelivery]) -> None:
    """Record each delivery once per (cause event, recipient, channel, message): one pipelined statement for all."""
    await conn.executemany(_PLAN, [
        (d.id, d.cause_event_id, d.cause_type, d.cause_time, d.recipient_id, d.about_patron_id, d.message, d.category,
         d.channel, d.language, d.timezone, d.status, d.reason, d.send_after, d.group_key,
         json.dumps(d.render_data, default=str), d.expires_at, d.traceparent)
        for d in deliveries
    ])


async def cancel_group(
    conn: asyncpg.Connection, group_key: str, reason: str, *, messages: tuple[str, ...] | None = None
) -> int:
    """Cancel what is still waiting about one thing (a registration, a loan); sent messages stay sent."""
    result = await conn.execute(
        """UPDATE deliveries SET status = 'cancelled', reason = $2, updated_at = now()
           WHERE group_key = $1 AND status = 'scheduled' AND ($3::text[] IS NULL OR message = ANY($3::text[]))""",
        group_key, reason, list(messages) if messages is not None else None,
    )
    return int(result.split()[-1])


async def retry_failed(conn: asyncpg.Connection, delivery_id: UUID, now: datetime) -> Delivery | None:
    """Give a failed delivery a fresh set of attempts (staff, once the cause is fixed); None if it had not failed."""
    row = await conn.fetchrow(
        f"""UPDATE deliveries SET status = 'scheduled', send_after = $2, attempts = 0, reason = 'retried_by_staff',
               updated_at = now()
           WHERE id = $1 AND status = 'failed' AND recipient_id IS NOT NULL AND render_data IS NOT NULL
           RETURNING {DELIVERY_COLUMNS}""",
        delivery_id, now,
    )
    return Delivery.model_validate(dict(row)) if row else None


async def scheduled_count(conn: asyncpg.Connection) -> int:
    return await conn.fetchval("SELECT count(*) FROM deliveries WHERE status = 'scheduled'")


async def drop_render_data(conn: asyncpg.Connection, settled_before: datetime) -> int:
    result = await conn.execute(
        """UPDATE deliveries SET render_data = NULL
           WHERE render_data IS NOT NULL AND status = ANY($2::text[]) AND updated_at < $1""",
        settled_before, [str(s) for s in FINAL_STATUSES],
    )
    return int(result.split()[-1])


async def delete_settled_before(conn: asyncpg.Connection, settled_before: datetime) -> int:
    result = await conn.execute(
        "DELETE FROM deliveries WHERE status = ANY($2::text[]) AND updated_at < $1",
        settled_before, [str(s) for s in FINAL_STATUSES],
    )
    return int(result.split()[-1])


async def list_deliveries(
    conn: asyncpg.Connection, *, filters: dict[str, Any], before_seq: int | None, limit: int
) -> list[Delivery]:
    """Newest first; `filters` holds exact matches on recipient_id, status, channel, language, category, message,
    cause_event_id."""
    clauses, args = [], []
    for column, value in filters.items():
        if value is not None:
            args.append(value)
            clauses.append(f"{column} = ${len(args)}")
    if before_seq is not None:
        args.append(before_seq)
        clauses.append(f"seq < ${len(args)}")
    args.append(limit)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = await conn.fetch(
        f"SELECT {DELIVERY_COLUMNS} FROM deliveries {where} ORDER BY seq DESC LIMIT ${len(args)}", *args
    )
    return [Delivery.model_validate(dict(r)) for r in rows]


async def get_delivery(conn: asyncpg.Connection, delivery_id: UUID) -> Delivery | None:
    row = await conn.fetchrow(f"SELECT {DELIVERY_COLUMNS} FROM deliveries WHERE id = $1", delivery_id)
    return Delivery.model_validate(dict(row)) if row else None
