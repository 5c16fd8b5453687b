"""Claiming a digest's other members: what still waits for the same person, on the same channel, to go with it."""

from collections.abc import Sequence
from datetime import datetime, timedelta

import asyncpg

from ..domain import digests
from ..domain.deliveries import ClaimedDelivery
from . import queue

# For each (recipient, channel, kind) a claimed delivery opened: what waits and may join it, locked and claimed with
# SKIP LOCKED as every claim is, so a row claimed by another dispatcher is never sent twice. "away" gathers what quiet
# hours held and is due; "digest:<id>" the due members of a digest whose send is retried; a digestible kind gathers
# untried rows of that message falling due within the window.
_CLAIM_MEMBERS = queue.claim_statement(
    """SELECT d.id FROM deliveries d
        JOIN unnest($1::uuid[], $2::text[], $3::text[]) AS w (recipient_id, channel, kind)
            ON d.recipient_id = w.recipient_id AND d.channel = w.channel
        WHERE d.status = 'scheduled' AND (
            (w.kind = 'away' AND d.reason = 'quiet_hours' AND d.send_after <= $4)
            OR (w.kind = 'digest:' || d.digest_id AND d.send_after <= $4)
            OR (w.kind <> 'away' AND d.message = w.kind AND d.attempts = 0 AND d.send_after <= $5
                AND d.reason IS DISTINCT FROM 'quiet_hours'))
        ORDER BY d.send_after LIMIT $6 FOR UPDATE OF d SKIP LOCKED""", lease=7)


async def claim_members(
    conn: asyncpg.Connection, leads: Sequence[ClaimedDelivery], now: datetime, *, window: timedelta, limit: int,
    lease_s: float,
) -> list[ClaimedDelivery]:
    """Claim what may go out with the claimed `leads` as one message each (none when no lead opens a digest)."""
    wanted = {g for d in leads if (g := digests.group_of(d)) is not None}
    if not wanted:
        return []
    recipient_ids, channels, kinds = zip(*wanted, strict=True)
    rows = await conn.fetch(_CLAIM_MEMBERS, list(recipient_ids), list(channels), list(kinds), now, now + window,
                            limit, lease_s)
    return [queue.claimed(r) for r in rows]
