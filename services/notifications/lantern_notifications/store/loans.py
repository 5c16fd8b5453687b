"""Loans, as notifications keeps them to find whom a device deactivation is about."""

from uuid import UUID

import asyncpg


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
