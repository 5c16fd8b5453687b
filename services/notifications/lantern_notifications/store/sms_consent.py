"""Consent to SMS as stored: one row per recipient, for the number it was given at."""

from datetime import datetime
from uuid import UUID

import asyncpg

from ..domain.sms_consent import Consent, Source


async def get(conn: asyncpg.Connection, recipient_id: UUID) -> Consent | None:
    row = await conn.fetchrow(
        "SELECT phone, opted_in, source, changed_at FROM sms_consent WHERE recipient_id = $1", recipient_id)
    return Consent.model_validate(dict(row)) if row else None


async def record(conn: asyncpg.Connection, recipient_id: UUID, consent: Consent) -> None:
    await conn.execute(
        """INSERT INTO sms_consent (recipient_id, phone, opted_in, source, changed_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (recipient_id) DO UPDATE SET phone = EXCLUDED.phone, opted_in = EXCLUDED.opted_in,
               source = EXCLUDED.source, changed_at = EXCLUDED.changed_at""",
        recipient_id, consent.phone, consent.opted_in, consent.source, consent.changed_at,
    )


async def record_if_new(conn: asyncpg.Connection, recipient_id: UUID, consent: Consent) -> None:
    """Consent given at enrolment, unless anything was recorded since: every update of the patron repeats it, and
    a later STOP stands; a new number is not covered by what was agreed for the old one."""
    await conn.execute(
        """INSERT INTO sms_consent (recipient_id, phone, opted_in, source, changed_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (recipient_id) DO NOTHING""",
        recipient_id, consent.phone, consent.opted_in, consent.source, consent.changed_at,
    )


async def by_keyword(conn: asyncpg.Connection, phone: str, opted_in: bool, at: datetime) -> list[UUID]:
    """A STOP or START from `phone`: every recipient at that number (a household may share one). Returns them."""
    rows = await conn.fetch(
        """INSERT INTO sms_consent (recipient_id, phone, opted_in, source, changed_at)
           SELECT id, phone, $2, $3, $4 FROM recipients WHERE phone = $1
           ON CONFLICT (recipient_id) DO UPDATE SET phone = EXCLUDED.phone, opted_in = EXCLUDED.opted_in,
               source = EXCLUDED.source, changed_at = EXCLUDED.changed_at
           RETURNING recipient_id""",
        phone, opted_in, Source.KEYWORD, at,
    )
    return [r["recipient_id"] for r in rows]


async def language_at(conn: asyncpg.Connection, phone: str) -> str | None:
    """The language of someone we know at that number (the first enrolled, if several share it)."""
    return await conn.fetchval("SELECT language FROM recipients WHERE phone = $1 ORDER BY id LIMIT 1", phone)
