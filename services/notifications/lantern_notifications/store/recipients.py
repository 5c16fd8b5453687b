"""Recipients (the projection of patrons, partner contacts and staff) and the partners they belong to."""

from datetime import datetime
from uuid import UUID

import asyncpg

from ..domain.messages import Channel
from ..domain.recipients import Recipient

RECIPIENT_COLUMNS = """id, kind, name, email, phone, language, consent_to_contact, partner_id,
    email_invalid_at IS NOT NULL AS email_invalid, phone_invalid_at IS NOT NULL AS phone_invalid"""

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
    row = await conn.fetchrow(f"SELECT {RECIPIENT_COLUMNS} FROM recipients WHERE id = $1", recipient_id)
    return Recipient.model_validate(dict(row)) if row else None


async def get_recipients(conn: asyncpg.Connection, recipient_ids: list[UUID]) -> dict[UUID, Recipient]:
    rows = await conn.fetch(f"SELECT {RECIPIENT_COLUMNS} FROM recipients WHERE id = ANY($1::uuid[])", recipient_ids)
    return {r["id"]: Recipient.model_validate(dict(r)) for r in rows}


async def partner_contacts(conn: asyncpg.Connection, partner_id: UUID) -> list[Recipient]:
    rows = await conn.fetch(
        f"SELECT {RECIPIENT_COLUMNS} FROM recipients WHERE partner_id = $1 AND kind = 'partner_contact' ORDER BY id",
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
