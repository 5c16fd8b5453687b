"""Patrons: enrolment, changes, look-ups and the erasure of their personal data."""

from datetime import datetime
from typing import Literal
from uuid import UUID

import asyncpg

from ..domain.patrons import Patron, PatronDetails

_COLUMNS = (
    "id, name, email, phone, preferred_language, library_card_number, accessibility_needs, "
    "consent_to_contact, consent_to_referral, sms_opt_in, guest, card_status, enrolled_at, updated_at"
)


def _patron(row: asyncpg.Record) -> Patron:
    return Patron.model_validate(dict(row))


async def insert(conn: asyncpg.Connection, patron_id: UUID, details: PatronDetails) -> Patron:
    row = await conn.fetchrow(
        f"""INSERT INTO patrons (id, name, email, phone, preferred_language, library_card_number, accessibility_needs,
                                 consent_to_contact, consent_to_referral, sms_opt_in, sms_opt_in_at, guest)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $10 THEN now() END, $11) RETURNING {_COLUMNS}""",
        patron_id, details.name, details.email, details.phone, details.preferred_language,
        details.library_card_number, details.accessibility_needs, details.consent_to_contact, details.consent_to_referral,
        details.sms_opt_in, details.guest,
    )
    return _patron(row)


_LOCKS = {None: "", "share": " FOR SHARE", "update": " FOR UPDATE"}


async def get(conn: asyncpg.Connection, patron_id: UUID, *, lock: Literal["share", "update"] | None = None) -> Patron | None:
    """`share` keeps the patron from being erased until the caller commits; `update` is for changing them."""
    row = await conn.fetchrow(f"SELECT {_COLUMNS} FROM patrons WHERE id = $1 AND erased_at IS NULL{_LOCKS[lock]}", patron_id)
    return _patron(row) if row else None


async def by_card(conn: asyncpg.Connection, card_number: str) -> Patron | None:
    row = await conn.fetchrow(
        f"SELECT {_COLUMNS} FROM patrons WHERE library_card_number = $1 AND erased_at IS NULL", card_number
    )
    return _patron(row) if row else None


async def update(conn: asyncpg.Connection, patron_id: UUID, details: PatronDetails) -> Patron:
    row = await conn.fetchrow(
        f"""UPDATE patrons SET name = $2, email = $3, phone = $4, preferred_language = $5, library_card_number = $6,
                accessibility_needs = $7, consent_to_contact = $8, consent_to_referral = $9, guest = $10,
                updated_at = now()
            WHERE id = $1 RETURNING {_COLUMNS}""",
        patron_id, details.name, details.email, details.phone, details.preferred_language,
        details.library_card_number, details.accessibility_needs, details.consent_to_contact, details.consent_to_referral,
        details.guest,
    )
    return _patron(row)


async def set_card_status(conn: asyncpg.Connection, card_number: str, status: str) -> UUID | None:
    return await conn.fetchval(
        "UPDATE patrons SET card_status = $2, updated_at = now() WHERE library_card_number = $1 AND erased_at IS NULL "
        "RETURNING id",
        card_number, status,
    )


async def page(
    conn: asyncpg.Connection, *, limit: int, after: tuple[datetime, UUID] | None,
    library_card_number: str | None = None, email: str | None = None,
) -> list[Patron]:
    rows = await conn.fetch(
        f"""SELECT {_COLUMNS} FROM patrons
            WHERE erased_at IS NULL
              AND ($1::text IS NULL OR library_card_number = $1)
              AND ($2::text IS NULL OR lower(email) = lower($2))
              AND ($3::timestamptz IS NULL OR (enrolled_at, id) > ($3, $4::uuid))
            ORDER BY enrolled_at, id LIMIT $5""",
        library_card_number, email, *(after or (None, None)), limit + 1,
    )
    return [_patron(r) for r in rows]


async def erase(conn: asyncpg.Connection, patron_id: UUID, erased_at: datetime) -> None:
    """Blank every personal field; the row stays as a tombstone so de-identified counts still add up."""
    await conn.execute(
        """UPDATE patrons SET name = NULL, email = NULL, phone = NULL, library_card_number = NULL,
               accessibility_needs = NULL, consent_to_contact = false, consent_to_referral = false,
               sms_opt_in = false, sms_opt_in_at = NULL, erased_at = $2, updated_at = $2
           WHERE id = $1""",
        patron_id, erased_at,
    )
    await conn.execute(
        """UPDATE feedback SET liked_most = NULL, could_be_better = NULL, follow_up_comment = NULL
           WHERE patron_id = $1""",
        patron_id,
    )
    # Their calendar feed's address stops working, and a no-show pause is about a person who is gone.
    await conn.execute("DELETE FROM calendar_feeds WHERE patron_id = $1", patron_id)
    await conn.execute("DELETE FROM self_registration_pauses WHERE patron_id = $1", patron_id)


async def lock(conn: asyncpg.Connection, patron_id: UUID) -> bool:
    """Lock the patron's row (erased or not); False when there is none."""
    return bool(await conn.fetchval("SELECT true FROM patrons WHERE id = $1 FOR UPDATE", patron_id))


async def erased_at(conn: asyncpg.Connection, patron_id: UUID) -> datetime | None:
    return await conn.fetchval("SELECT erased_at FROM patrons WHERE id = $1", patron_id)


async def forget_unsent_and_sent_events(conn: asyncpg.Connection, patron_id: UUID, topic: str) -> int:
    """Outbox copies of this patron's enrolment and updates carry contact points: they go too."""
    status = await conn.execute("DELETE FROM outbox WHERE topic = $1 AND key = $2", topic, str(patron_id))
    return int(status.split()[-1])
