"""SQL for guest sign-in: one-time codes and which patron an email signs in as (keyed hashes only, never an address)."""

import datetime as dt
import uuid
from dataclasses import dataclass

import asyncpg

from lantern_shared.locking import advisory_xact_lock


@dataclass(frozen=True)
class GuestCode:
    code_hash: bytes
    sent_at: dt.datetime
    expires_at: dt.datetime
    used_at: dt.datetime | None

    def live(self, now: dt.datetime) -> bool:
        return self.used_at is None and self.expires_at > now


async def code(conn: asyncpg.Connection, email_hash: bytes) -> GuestCode | None:
    """The email's latest code, locked until the caller's transaction ends (a code is spent once)."""
    row = await conn.fetchrow("SELECT code_hash, sent_at, expires_at, used_at FROM guest_codes "
                              "WHERE email_hash = $1 FOR UPDATE", email_hash)
    return GuestCode(row["code_hash"], row["sent_at"], row["expires_at"], row["used_at"]) if row else None


async def put_code(conn: asyncpg.Connection, email_hash: bytes, code_hash: bytes, now: dt.datetime,
                   expires_at: dt.datetime) -> None:
    """A new code replaces the email's earlier one, spent or not: at most one live code per email."""
    await conn.execute(
        "INSERT INTO guest_codes (email_hash, code_hash, sent_at, expires_at) VALUES ($1, $2, $3, $4) "
        "ON CONFLICT (email_hash) DO UPDATE SET code_hash = EXCLUDED.code_hash, sent_at = EXCLUDED.sent_at, "
        "expires_at = EXCLUDED.expires_at, used_at = NULL",
        email_hash, code_hash, now, expires_at)


async def spend_code(conn: asyncpg.Connection, email_hash: bytes, now: dt.datetime) -> None:
    await conn.execute("UPDATE guest_codes SET used_at = $2 WHERE email_hash = $1", email_hash, now)


async def purge_codes(conn: asyncpg.Connection, before: dt.datetime) -> None:
    await conn.execute("DELETE FROM guest_codes WHERE expires_at < $1", before)


async def lock_email(conn: asyncpg.Connection, email_hash: bytes) -> None:
    """Serialise first sign-ins of one email (inside a transaction): two at once must not enrol two patrons."""
    await advisory_xact_lock(conn, "guest-email", email_hash.hex())


async def patron_for_email(conn: asyncpg.Connection, email_hash: bytes) -> uuid.UUID | None:
    return await conn.fetchval("SELECT patron_id FROM patron_emails WHERE email_hash = $1", email_hash)


async def link_email(conn: asyncpg.Connection, email_hash: bytes, patron_id: uuid.UUID) -> None:
    await conn.execute("INSERT INTO patron_emails (email_hash, patron_id) VALUES ($1, $2) "
                       "ON CONFLICT (email_hash) DO UPDATE SET patron_id = EXCLUDED.patron_id, linked_at = now()",
                       email_hash, patron_id)


async def forget_patron(conn: asyncpg.Connection, patron_id: uuid.UUID) -> None:
    """An erased patron's card and email links go (their refresh tokens are revoked beside this)."""
    await conn.execute("DELETE FROM patron_cards WHERE patron_id = $1", patron_id)
    await conn.execute("DELETE FROM patron_emails WHERE patron_id = $1", patron_id)
    # Idempotency records replaying a response about them (their enrolment: name, email, phone), or made by them.
    await conn.execute(
        """DELETE FROM idempotency_keys
           WHERE position(convert_to($1, 'UTF8') IN coalesce(body, ''::bytea)) > 0 OR principal = 'patron:' || $1""",
        str(patron_id),
    )
