"""Devices' SQL."""

from uuid import UUID

import asyncpg

from .domain import Borrower, BorrowerKind, BorrowerStatus


async def upsert_borrower(conn: asyncpg.Connection, borrower_id: UUID, kind: BorrowerKind, status: BorrowerStatus) -> None:
    await conn.execute(
        """INSERT INTO borrowers (id, kind, status) VALUES ($1, $2, $3)
           ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, updated_at = now()""",
        borrower_id, kind, status,
    )


async def get_borrower(conn: asyncpg.Connection, borrower_id: UUID) -> Borrower | None:
    row = await conn.fetchrow("SELECT id, kind, status FROM borrowers WHERE id = $1", borrower_id)
    return Borrower.model_validate(dict(row)) if row else None
