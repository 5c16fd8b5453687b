"""What registration told us about patrons: consent to referral, erasure."""

from uuid import UUID

import asyncpg
from pydantic import BaseModel


class Consent(BaseModel):
    patron_id: UUID
    consent: bool
    first_name: str | None
    email: str | None
    phone: str | None


async def record_consent(conn: asyncpg.Connection, consent: Consent) -> None:
    """Keep the latest consent; an erased patron stays erased whatever arrives after."""
    await conn.execute(
        """INSERT INTO patron_consents (patron_id, consent, first_name, email, phone) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (patron_id) DO UPDATE SET consent = $2, first_name = $3, email = $4, phone = $5, updated_at = now()
           WHERE patron_consents.erased_at IS NULL""",
        consent.patron_id, consent.consent, consent.first_name, consent.email, consent.phone,
    )


async def get_consent(conn: asyncpg.Connection, patron_id: UUID) -> Consent | None:
    row = await conn.fetchrow(
        "SELECT patron_id, consent, first_name, email, phone FROM patron_consents WHERE patron_id = $1 AND erased_at IS NULL",
        patron_id,
    )
    return Consent.model_validate(dict(row)) if row else None


async def erase_patron(conn: asyncpg.Connection, patron_id: UUID) -> int:
    await conn.execute(
        """INSERT INTO patron_consents (patron_id, consent, erased_at) VALUES ($1, false, now())
           ON CONFLICT (patron_id) DO UPDATE SET consent = false, first_name = NULL, email = NULL, phone = NULL,
               erased_at = now(), updated_at = now()""",
        patron_id,
    )
    # A status the patron reported themselves names them (their actor): keep only the party, before the link goes.
    await conn.execute(
        """UPDATE referral_status_changes SET changed_by = 'patron'
           WHERE party = 'patron' AND referral_id IN (SELECT id FROM referrals WHERE patron_id = $1)""",
        patron_id,
    )
    result = await conn.execute(
        """UPDATE referrals SET patron_id = NULL, outcome_note = NULL,
               outcome_by = CASE WHEN outcome_party = 'patron' THEN 'patron' ELSE outcome_by END
           WHERE patron_id = $1""",
        patron_id,
    )
    return int(result.split()[-1])
