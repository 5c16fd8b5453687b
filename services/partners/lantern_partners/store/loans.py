"""Devices on loan to partners, as devices reports them."""

from datetime import datetime
from uuid import UUID

import asyncpg


async def loan_started(conn: asyncpg.Connection, loan_id: UUID, partner_id: UUID, device_kind: str, at: datetime | None) -> None:
    await conn.execute(
        """INSERT INTO partner_loans (loan_id, organization_id, device_kind, started_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (loan_id) DO NOTHING""",
        loan_id, partner_id, device_kind, at,
    )


async def loan_returned(conn: asyncpg.Connection, loan_id: UUID, partner_id: UUID, device_kind: str, at: datetime | None) -> None:
    await conn.execute(
        """INSERT INTO partner_loans (loan_id, organization_id, device_kind, returned_at) VALUES ($1, $2, $3, coalesce($4, now()))
           ON CONFLICT (loan_id) DO UPDATE SET returned_at = coalesce($4, now())""",
        loan_id, partner_id, device_kind, at,
    )
