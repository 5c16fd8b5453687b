"""Notifications' SQL: recipients, preferences, the deliveries table (queue and log in one) and in-app inboxes."""

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any
from uuid import UUID

import asyncpg

from .domain import (
    FINAL_STATUSES, Channel, ClaimedDelivery, Delivery, HeldPlace, InboxMessage, PlannedDelivery, Preferences, QuietHours,
    Recipient, Status,
)

_RECIPIENT_COLUMNS = """id, kind, name, email, phone, language, consent_to_contact, partner_id,
    email_invalid_at IS NOT NULL AS email_invalid, phone_invalid_at IS NOT NULL AS phone_invalid"""


# ---- recipients ----------------------------------------------------------------------------------------------
_UPSERT_RECIPIENT = """
    INSERT INTO recipients (id, kind, name, email, phone, language, consent_to_contact, partner_id)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
    ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, email = EXCLUDED.email,
        phone = EXCLUDED.phone, language = EXCLUDED.language,
        consent_to_contact = EXCLUDED.consent_to_contact, partner_id = EXCLUDED.partner_id,
        email_invalid_at = CASE WHEN recipients.email IS DISTINCT FROM EXCLUDED.email
                                THEN NULL ELSE recipients.email_invalid_at END,
        phone_invalid_at = CASE WHEN recipients.phone IS DISTINCT FROM EXCLUDED.phone
                                THEN NULL ELSE recipients.phone_invalid_at END,
        updated_at = now()
"""


def _recipient_row(recipient: Recipient) -> tuple:
    return (recipient.id, recipient.kind, recipient.name, recipient.email, recipient.phone, recipient.language,
            recipient.consent_to_contact, recipient.partner_id)


async def upsert_recipient(conn: asyncpg.Connection, recipient: Recipient) -> None:
    """A new address or number clears what was known about the old one bouncing."""
    await conn.execute(_UPSERT_RECIPIENT, *_recipient_row(recipient))


async def upsert_recipients(conn: asyncpg.Connection, recipients: list[Recipient]) -> None:
    """`upsert_recipient` for each, in order, in one round trip."""
    await conn.executemany(_UPSERT_RECIPIENT, [_recipient_row(r) for r in recipients])


async def get_recipient(conn: asyncpg.Connection, recipient_id: UUID) -> Recipient | None:
    row = await conn.fetchrow(f"SELECT {_RECIPIENT_COLUMNS} FROM recipients WHERE id = $1", recipient_id)
    return Recipient.model_validate(dict(row)) if row else None


async def partner_contacts(conn: asyncpg.Connection, partner_id: UUID) -> list[Recipient]:
    rows = await conn.fetch(
        f"SELECT {_RECIPIENT_COLUMNS} FROM recipients WHERE partner_id = $1 AND kind = 'partner_contact' ORDER BY id",
        partner_id,
    )
    return [Recipient.model_validate(dict(r)) for r in rows]


async def remove_partner_contacts_except(conn: asyncpg.Connection, partner_id: UUID, keep: list[UUID]) -> None:
    """A contact the partner no longer lists is no longer ours to write to."""
    await conn.execute(
        "DELETE FROM recipients WHERE partner_id = $1 AND kind = 'partner_contact' AND NOT (id = ANY($2::uuid[]))",
        partner_id, keep,
    )


async def upsert_partner(conn: asyncpg.Connection, partner_id: UUID, name: str) -> None:
    await conn.execute(
        """INSERT INTO partners (id, name) VALUES ($1, $2)
           ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, updated_at = now()""",
        partner_id, name,
    )


async def partner_name(conn: asyncpg.Connection, partner_id: UUID) -> str | None:
    return await conn.fetchval("SELECT name FROM partners WHERE id = $1", partner_id)


async def mark_address_invalid(conn: asyncpg.Connection, recipient_id: UUID, channel: Channel, now: datetime) -> None:
    column = {Channel.EMAIL: "email_invalid_at", Channel.SMS: "phone_invalid_at"}.get(channel)
    if column:
        await conn.execute(f"UPDATE recipients SET {column} = $2 WHERE id = $1", recipient_id, now)


async def erase_patron(conn: asyncpg.Connection, patron_id: UUID) -> None:
    """Forget the patron: contact points, preferences, inbox; their delivery history keeps only de-identified counts."""
    await conn.execute(
        """UPDATE deliveries SET status = 'cancelled', reason = 'erased', updated_at = now()
           WHERE (recipient_id = $1 OR about_patron_id = $1) AND status = 'scheduled'""",
        patron_id,
    )
    await conn.execute(
        """UPDATE deliveries SET recipient_id = CASE WHEN recipient_id = $1 THEN NULL ELSE recipient_id END,
               about_patron_id = NULL, render_data = NULL, updated_at = now()
           WHERE recipient_id = $1 OR about_patron_id = $1""",
        patron_id,
    )
    await conn.execute("DELETE FROM registrations WHERE patron_id = $1", patron_id)
    await conn.execute("DELETE FROM loans WHERE borrower_id = $1", patron_id)
    await conn.execute("DELETE FROM recipients WHERE id = $1", patron_id)  # preferences and inbox cascade


# ---- registrations (to follow a session that moves) ---------------------------------------------------------
async def record_registration(conn: asyncpg.Connection, held: HeldPlace) -> None:
    await conn.execute(
        """INSERT INTO registrations (id, session_id, patron_id, status, session_title, starts_at, ends_at, timezone,
               place_name)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, session_title = EXCLUDED.session_title,
               starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, timezone = EXCLUDED.timezone,
               place_name = EXCLUDED.place_name, updated_at = now()""",
        held.id, held.session_id, held.patron_id, held.status, held.session_title, held.starts_at, held.ends_at,
        held.timezone, held.place_name,
    )


async def places_in_session(conn: asyncpg.Connection, session_id: UUID) -> list[HeldPlace]:
    rows = await conn.fetch(
        """SELECT id, session_id, patron_id, status, session_title, starts_at, ends_at, timezone, place_name
           FROM registrations WHERE session_id = $1 AND status <> 'cancelled' ORDER BY id FOR UPDATE""",
        session_id,
    )
    return [HeldPlace.model_validate(dict(r)) for r in rows]


# ---- session titles -----------------------------------------------------------------------------------------
async def record_session_titles(conn: asyncpg.Connection, session_id: UUID, titles: dict[str, str]) -> None:
    await conn.execute(
        """INSERT INTO session_titles (session_id, titles) VALUES ($1, $2::jsonb)
           ON CONFLICT (session_id) DO UPDATE SET titles = EXCLUDED.titles, updated_at = now()""",
        session_id, json.dumps(titles),
    )


async def session_titles(conn: asyncpg.Connection, session_id: UUID) -> dict[str, str]:
    found = await conn.fetchval("SELECT titles FROM session_titles WHERE session_id = $1", session_id)
    return json.loads(found) if found else {}


# ---- loans (to find who a deactivation is about) -------------------------------------------------------------
async def record_loan(
    conn: asyncpg.Connection, loan_id: UUID, *, borrower_kind: str, borrower_id: UUID, device_kind: str, asset_tag: str
) -> None:
    await conn.execute(
        """INSERT INTO loans (id, borrower_kind, borrower_id, device_kind, asset_tag) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (id) DO UPDATE SET borrower_kind = EXCLUDED.borrower_kind, borrower_id = EXCLUDED.borrower_id,
               device_kind = EXCLUDED.device_kind, asset_tag = EXCLUDED.asset_tag, updated_at = now()""",
        loan_id, borrower_kind, borrower_id, device_kind, asset_tag,
    )


async def loan_borrower(conn: asyncpg.Connection, loan_id: UUID) -> tuple[str, UUID] | None:
    row = await conn.fetchrow("SELECT borrower_kind, borrower_id FROM loans WHERE id = $1", loan_id)
    return (row["borrower_kind"], row["borrower_id"]) if row else None


async def forget_loan(conn: asyncpg.Connection, loan_id: UUID) -> None:
    await conn.execute("DELETE FROM loans WHERE id = $1", loan_id)


# ---- preferences ---------------------------------------------------------------------------------------------
async def get_preferences(conn: asyncpg.Connection, recipient_id: UUID) -> Preferences:
    row = await conn.fetchrow("SELECT * FROM preferences WHERE recipient_id = $1", recipient_id)
    return Preferences() if row is None else _preferences(row)


def _preferences(row: Mapping[str, Any]) -> Preferences:
    quiet = QuietHours(start=row["quiet_start"], end=row["quiet_end"]) if row["quiet_start"] is not None else None
    return Preferences(
        channels=row["channels"], opted_out=row["opted_out"], quiet_hours=quiet,
        quiet_hours_enabled=row["quiet_hours_enabled"], timezone=row["timezone"],
    )


async def put_preferences(conn: asyncpg.Connection, recipient_id: UUID, preferences: Preferences) -> None:
    quiet_start: time | None = preferences.quiet_hours.start if preferences.quiet_hours else None
    quiet_end: time | None = preferences.quiet_hours.end if preferences.quiet_hours else None
    await conn.execute(
        """INSERT INTO preferences (recipient_id, channels, opted_out, quiet_start, quiet_end, quiet_hours_enabled, timezone)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (recipient_id) DO UPDATE SET channels = EXCLUDED.channels, opted_out = EXCLUDED.opted_out,
               quiet_start = EXCLUDED.quiet_start, quiet_end = EXCLUDED.quiet_end,
               quiet_hours_enabled = EXCLUDED.quiet_hours_enabled, timezone = EXCLUDED.timezone, updated_at = now()""",
        recipient_id,
        None if preferences.channels is None else [str(c) for c in preferences.channels],
        [str(c) for c in preferences.opted_out], quiet_start, quiet_end, preferences.quiet_hours_enabled,
        preferences.timezone,
    )


# ---- deliveries ----------------------------------------------------------------------------------------------
_DELIVERY_COLUMNS = """id, seq, cause_event_id, cause_type, recipient_id, message, category, channel, language,
    status, reason, attempts, send_after, created_at, updated_at, sent_at"""


_PLAN = """INSERT INTO deliveries (id, cause_event_id, cause_type, cause_time, recipient_id, about_patron_id, message,
        category, channel, language, timezone, status, reason, send_after, group_key, render_data, expires_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb, $17)
    ON CONFLICT (cause_event_id, recipient_id, channel, message) DO NOTHING"""


async def plan_all(conn: asyncpg.Connection, deliveries: Sequence[PlannedDelivery]) -> None:
    """Record each delivery once per (cause event, recipient, channel, message): one pipelined statement for all."""
    await conn.executemany(_PLAN, [
        (d.id, d.cause_event_id, d.cause_type, d.cause_time, d.recipient_id, d.about_patron_id, d.message, d.category,
         d.channel, d.language, d.timezone, d.status, d.reason, d.send_after, d.group_key,
         json.dumps(d.render_data, default=str), d.expires_at)
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


async def release_abandoned(conn: asyncpg.Connection) -> int:
    """Claims whose dispatcher died mid-send go back to the queue (the send may be repeated once).

    Leases run on the database's clock, not the business clock a caller passes: they guard real time."""
    result = await conn.execute(
        "UPDATE deliveries SET status = 'scheduled', updated_at = now() WHERE status = 'sending' AND lease_until < now()"
    )
    return int(result.split()[-1])


# The claim reads what the decision needs (recipient, preferences) in the same round trip.
_CLAIM_DUE = f"""
    WITH due AS (
        SELECT id FROM deliveries WHERE status = 'scheduled' AND send_after <= $1
        ORDER BY send_after LIMIT $2 FOR UPDATE SKIP LOCKED),
    claimed AS (
        UPDATE deliveries d SET status = 'sending', lease_until = now() + make_interval(secs => $3), updated_at = now()
        FROM due WHERE d.id = due.id
        RETURNING {", ".join("d." + c.strip() for c in _DELIVERY_COLUMNS.split(","))},
            d.cause_time, d.timezone, d.render_data, d.expires_at)
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


async def claim_due(conn: asyncpg.Connection, now: datetime, *, limit: int, lease_s: float) -> list[ClaimedDelivery]:
    """Claim up to `limit` due deliveries (leased, so a dispatcher that dies gives them back), with whom they go to."""
    rows = await conn.fetch(_CLAIM_DUE, now, limit, lease_s)
    return [_claimed(r) for r in rows]


def _claimed(row: asyncpg.Record) -> ClaimedDelivery:
    values: dict[str, Any] = {k: v for k, v in row.items() if not k.startswith(("r_", "p_"))}
    values["render_data"] = json.loads(values["render_data"]) if values["render_data"] else None
    if row["r_id"] is not None:
        values["recipient"] = Recipient.model_validate({k[2:]: v for k, v in row.items() if k.startswith("r_")})
    if row["p_recipient_id"] is not None:
        values["preferences"] = _preferences({k[2:]: v for k, v in row.items() if k.startswith("p_")})
    return ClaimedDelivery.model_validate(values)


async def next_due(conn: asyncpg.Connection) -> datetime | None:
    """When the earliest waiting delivery falls due (an index lookup: the dispatcher asks after every round)."""
    return await conn.fetchval(
        "SELECT send_after FROM deliveries WHERE status = 'scheduled' ORDER BY send_after LIMIT 1"
    )


_SETTLE = """UPDATE deliveries SET status = $2, reason = $3, attempts = attempts + $4::int, lease_until = NULL,
        language = coalesce($5, language), sent_at = CASE WHEN $2 = 'sent' THEN $6 ELSE sent_at END,
        updated_at = now()
    WHERE id = $1"""


_RESCHEDULE = """UPDATE deliveries SET status = 'scheduled', send_after = $2, reason = $3, lease_until = NULL,
        attempts = attempts + $4::int, updated_at = now()
    WHERE id = $1"""


async def settle(
    conn: asyncpg.Connection, delivery_id: UUID, status: Status, *, now: datetime, reason: str | None = None,
    attempted: bool = False, language: str | None = None,
) -> None:
    await conn.execute(_SETTLE, delivery_id, status, reason, 1 if attempted else 0, language, now)


@dataclass(frozen=True)
class Settlement:
    """How one claimed delivery ended: a final status, or back to the queue (`send_after`) for later."""

    delivery_id: UUID
    status: Status
    reason: str | None = None
    attempted: bool = False
    language: str | None = None
    send_after: datetime | None = None  # with status SCHEDULED: when to try again


async def settle_many(conn: asyncpg.Connection, settlements: Sequence[Settlement], *, now: datetime) -> None:
    """Settle a dispatcher round's deliveries in one pipelined statement per kind (final, back to the queue)."""
    final = [s for s in settlements if s.status != Status.SCHEDULED]
    later = [s for s in settlements if s.status == Status.SCHEDULED]
    if final:
        await conn.executemany(_SETTLE, [
            (s.delivery_id, s.status, s.reason, 1 if s.attempted else 0, s.language, now) for s in final
        ])
    if later:
        await conn.executemany(_RESCHEDULE, [
            (s.delivery_id, s.send_after, s.reason, 1 if s.attempted else 0) for s in later
        ])


async def reschedule(
    conn: asyncpg.Connection, delivery_id: UUID, send_after: datetime, *, reason: str, attempted: bool
) -> None:
    await conn.execute(_RESCHEDULE, delivery_id, send_after, reason, 1 if attempted else 0)



async def retry_failed(conn: asyncpg.Connection, delivery_id: UUID, now: datetime) -> Delivery | None:
    """Give a failed delivery a fresh set of attempts (staff, once the cause is fixed); None if it had not failed."""
    row = await conn.fetchrow(
        f"""UPDATE deliveries SET status = 'scheduled', send_after = $2, attempts = 0, reason = 'retried_by_staff',
               updated_at = now()
           WHERE id = $1 AND status = 'failed' AND recipient_id IS NOT NULL AND render_data IS NOT NULL
           RETURNING {_DELIVERY_COLUMNS}""",
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
        f"SELECT {_DELIVERY_COLUMNS} FROM deliveries {where} ORDER BY seq DESC LIMIT ${len(args)}", *args
    )
    return [Delivery.model_validate(dict(r)) for r in rows]


async def get_delivery(conn: asyncpg.Connection, delivery_id: UUID) -> Delivery | None:
    row = await conn.fetchrow(f"SELECT {_DELIVERY_COLUMNS} FROM deliveries WHERE id = $1", delivery_id)
    return Delivery.model_validate(dict(row)) if row else None


# ---- in-app inbox --------------------------------------------------------------------------------------------
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
