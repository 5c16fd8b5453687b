"""Registration's SQL: plain, parameterised, returning typed objects."""

from uuid import UUID

import asyncpg

from .domain import Patron

_PATRON_COLUMNS = (
    "id, name, email, phone, preferred_language, library_card_number, accessibility_needs, "
    "consent_to_contact, consent_to_referral"
)


async def insert_patron(conn: asyncpg.Connection, patron: Patron) -> None:
    await conn.execute(
        f"INSERT INTO patrons ({_PATRON_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        patron.id, patron.name, patron.email, patron.phone, patron.preferred_language,
        patron.library_card_number, patron.accessibility_needs, patron.consent_to_contact, patron.consent_to_referral,
    )


async def get_patron(conn: asyncpg.Connection, patron_id: UUID) -> Patron | None:
    row = await conn.fetchrow(f"SELECT {_PATRON_COLUMNS} FROM patrons WHERE id = $1 AND erased_at IS NULL", patron_id)
    return Patron.model_validate(dict(row)) if row else None
