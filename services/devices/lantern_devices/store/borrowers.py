"""Borrowers: the projection of patrons and partners, and staff blocks."""

from uuid import UUID

import asyncpg

from ..domain.borrowers import Borrower, BorrowerKind, BorrowerStatus

async def project_borrower(conn: asyncpg.Connection, borrower_id: UUID, kind: BorrowerKind, status: BorrowerStatus) -> None:
    """Upsert from another service's event. Erasure is final and a staff block outlives status updates."""
    await conn.execute(
        """INSERT INTO borrowers (id, kind, status) VALUES ($1, $2, $3)
           ON CONFLICT (id) DO UPDATE SET
               status = CASE WHEN borrowers.status IN ('erased', 'blocked') THEN borrowers.status ELSE EXCLUDED.status END,
               updated_at = now()""",
        borrower_id, kind, status,
    )

async def erase_borrower(conn: asyncpg.Connection, borrower_id: UUID) -> None:
    await conn.execute(
        """INSERT INTO borrowers (id, kind, status) VALUES ($1, 'patron', 'erased')
           ON CONFLICT (id) DO UPDATE SET status = 'erased', blocked_reason = NULL, updated_at = now()""",
        borrower_id,
    )

async def set_block(conn: asyncpg.Connection, borrower_id: UUID, reason: str | None) -> Borrower | None:
    row = await conn.fetchrow(
        """UPDATE borrowers SET status = CASE WHEN $2::text IS NULL THEN 'active' ELSE 'blocked' END,
                                blocked_reason = $2, updated_at = now()
           WHERE id = $1 AND status IN ('active', 'blocked') RETURNING id, kind, status, blocked_reason""",
        borrower_id, reason,
    )
    return Borrower.model_validate(dict(row)) if row else None

async def get_borrower(conn: asyncpg.Connection, borrower_id: UUID, *, for_update: bool = False) -> Borrower | None:
    lock = " FOR UPDATE" if for_update else ""
    row = await conn.fetchrow(f"SELECT id, kind, status, blocked_reason FROM borrowers WHERE id = $1{lock}", borrower_id)
    return Borrower.model_validate(dict(row)) if row else None
