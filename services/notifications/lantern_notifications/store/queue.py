"""The deliveries table as the dispatcher's queue: claiming what is due (leased), settling what became of it."""

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from ..domain.deliveries import ClaimedDelivery, Status
from ..domain.recipients import Recipient
from . import preferences
from .deliveries import DELIVERY_COLUMNS


async def release_abandoned(conn: asyncpg.Connection) -> int:
    """Claims whose dispatcher died mid-send go back to the queue (the send may be repeated once).

    Leases run on the database's clock, not the business clock a caller passes: they guard real time."""
    result = await conn.execute(
        "UPDATE deliveries SET status = 'scheduled', updated_at = now() WHERE status = 'sending' AND lease_until < now()"
    )
    return int(result.split()[-1])


# A claim reads what the decision needs (recipient, preferences) in the same round trip. `{due}` selects the ids to
# claim, locked with FOR UPDATE SKIP LOCKED so that two dispatchers never claim the same row; its last parameter
# number is `{lease}`, the lease in seconds.
_CLAIM = """
    WITH due AS ({due}),
    claimed AS (
        UPDATE deliveries d SET status = 'sending', lease_until = now() + make_interval(secs => ${lease}),
            updated_at = now()
        FROM due WHERE d.id = due.id
        RETURNING {returning},
            d.cause_time, d.timezone, d.render_data, d.expires_at, d.digest_id, d.traceparent)
    SELECT c.*,
        r.id AS r_id, r.kind AS r_kind, r.name AS r_name, r.email AS r_email, r.phone AS r_phone,
        r.language AS r_language, r.consent_to_contact AS r_consent_to_contact, r.partner_id AS r_partner_id,
        r.email_invalid_at IS NOT NULL AS r_email_invalid, r.phone_invalid_at IS NOT NULL AS r_phone_invalid,
        p.recipient_id AS p_recipient_id, p.channels AS p_channels, p.opted_out AS p_opted_out,
        p.quiet_start AS p_quiet_start, p.quiet_end AS p_quiet_end, p.quiet_hours_enabled AS p_quiet_hours_enabled,
        p.timezone AS p_timezone
    FROM claimed c
    LEFT JOIN recipients r ON r.id = c.recipient_id
    LEFT JOIN preferences p ON p.recipient_id = r.id
    ORDER BY c.send_after"""


def claim_statement(due: str, *, lease: int) -> str:
    """The claim of the rows `due` selects (ids, locked, skipping locked ones); `lease` is its lease's $ number."""
    returning = ", ".join("d." + c.strip() for c in DELIVERY_COLUMNS.split(","))
    return _CLAIM.format(due=due, lease=lease, returning=returning)


# A claim takes a person's channel whole: the transaction-scoped advisory lock on (recipient, channel) makes a
# second dispatcher skip every row of it, not only the rows already locked, so a burst that becomes one digest cannot
# be split between two dispatchers (each would send part of it). The claim of its other members (store/digests.py)
# runs in the same transaction, under the same lock.
DIGEST_LOCK_SPACE = 0x4C4E4447  # "LNDG": keeps these keys apart from other advisory locks
_CLAIM_DUE = claim_statement(
    f"""SELECT id FROM deliveries WHERE status = 'scheduled' AND send_after <= $1
        AND (recipient_id IS NULL
             OR pg_try_advisory_xact_lock({DIGEST_LOCK_SPACE}, hashtext(recipient_id::text || '/' || channel)))
        ORDER BY send_after LIMIT $2 FOR UPDATE SKIP LOCKED""", lease=3)


async def claim_due(conn: asyncpg.Connection, now: datetime, *, limit: int, lease_s: float) -> list[ClaimedDelivery]:
    """Claim up to `limit` due deliveries (leased, so a dispatcher that dies gives them back), with whom they go to.
    Call it inside a transaction that also claims their digests' members."""
    rows = await conn.fetch(_CLAIM_DUE, now, limit, lease_s)
    return [claimed(r) for r in rows]


def claimed(row: asyncpg.Record) -> ClaimedDelivery:
    values: dict[str, Any] = {k: v for k, v in row.items() if not k.startswith(("r_", "p_"))}
    values["render_data"] = json.loads(values["render_data"]) if values["render_data"] else None
    if row["r_id"] is not None:
        values["recipient"] = Recipient.model_validate({k[2:]: v for k, v in row.items() if k.startswith("r_")})
    if row["p_recipient_id"] is not None:
        values["preferences"] = preferences.from_row({k[2:]: v for k, v in row.items() if k.startswith("p_")})
    return ClaimedDelivery.model_validate(values)


async def next_due(conn: asyncpg.Connection) -> datetime | None:
    """When the earliest waiting delivery falls due (an index lookup: the dispatcher asks after every round)."""
    return await conn.fetchval(
        "SELECT send_after FROM deliveries WHERE status = 'scheduled' ORDER BY send_after LIMIT 1"
    )


_SETTLE = """UPDATE deliveries SET status = $2, reason = $3, attempts = attempts + $4::int, lease_until = NULL,
        language = coalesce($5, language), sent_at = CASE WHEN $2 = 'sent' THEN $6 ELSE sent_at END,
        digest_id = $7, updated_at = now()
    WHERE id = $1"""


_RESCHEDULE = """UPDATE deliveries SET status = 'scheduled', send_after = $2, reason = $3, lease_until = NULL,
        attempts = attempts + $4::int, digest_id = $5, updated_at = now()
    WHERE id = $1"""


@dataclass(frozen=True)
class Settlement:
    """How one claimed delivery ended: a final status, or back to the queue (`send_after`) for later."""

    delivery_id: UUID
    status: Status
    reason: str | None = None
    attempted: bool = False
    language: str | None = None
    send_after: datetime | None = None  # with status SCHEDULED: when to try again
    digest_id: UUID | None = None  # sent (or to be retried) as one message with others: the id it carries


async def settle_many(conn: asyncpg.Connection, settlements: Sequence[Settlement], *, now: datetime) -> None:
    """Settle a dispatcher round's deliveries in one pipelined statement per kind (final, back to the queue)."""
    final = [s for s in settlements if s.status != Status.SCHEDULED]
    later = [s for s in settlements if s.status == Status.SCHEDULED]
    if final:
        await conn.executemany(_SETTLE, [
            (s.delivery_id, s.status, s.reason, 1 if s.attempted else 0, s.language, now, s.digest_id)
            for s in final
        ])
    if later:
        await conn.executemany(_RESCHEDULE, [
            (s.delivery_id, s.send_after, s.reason, 1 if s.attempted else 0, s.digest_id) for s in later
        ])
