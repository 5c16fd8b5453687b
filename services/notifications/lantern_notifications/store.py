"""Notifications' SQL."""

from uuid import UUID

import asyncpg

from .domain import Recipient


async def upsert_recipient(conn: asyncpg.Connection, recipient: Recipient) -> None:
    await conn.execute(
        """INSERT INTO recipients (id, kind, name, email, phone, language, consent_to_contact)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, phone = EXCLUDED.phone,
               language = EXCLUDED.language, consent_to_contact = EXCLUDED.consent_to_contact, updated_at = now()""",
        recipient.id, recipient.kind, recipient.name, recipient.email, recipient.phone, recipient.language,
        recipient.consent_to_contact,
    )


async def get_recipient(conn: asyncpg.Connection, recipient_id: UUID) -> Recipient | None:
    row = await conn.fetchrow(
        "SELECT id, kind, name, email, phone, language, consent_to_contact FROM recipients WHERE id = $1",
        recipient_id,
    )
    return Recipient.model_validate(dict(row)) if row else None
