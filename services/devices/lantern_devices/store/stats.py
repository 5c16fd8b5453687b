"""Counts for the gauges (rows of label values and numbers)."""

from datetime import datetime

import asyncpg

async def device_counts(conn: asyncpg.Connection) -> list[asyncpg.Record]:
    return await conn.fetch("SELECT kind, state, count(*) AS n FROM devices GROUP BY kind, state")

async def loan_counts(conn: asyncpg.Connection, now: datetime) -> list[asyncpg.Record]:
    return await conn.fetch(
        """SELECT device_kind AS kind, borrower_kind, count(*) AS active, count(*) FILTER (WHERE due_at < $1) AS overdue
           FROM loans WHERE returned_at IS NULL GROUP BY device_kind, borrower_kind""",
        now,
    )

async def hold_counts(conn: asyncpg.Connection) -> list[asyncpg.Record]:
    return await conn.fetch("SELECT device_kind AS kind, count(*) AS n FROM holds WHERE status = 'waiting' GROUP BY device_kind")

async def reservation_counts(conn: asyncpg.Connection) -> list[asyncpg.Record]:
    return await conn.fetch("SELECT status, count(*) AS n FROM reservations GROUP BY status")

async def application_counts(conn: asyncpg.Connection) -> list[asyncpg.Record]:
    return await conn.fetch("SELECT device_kind AS kind, status, count(*) AS n FROM applications "
                            "WHERE status IN ('waiting', 'offered') GROUP BY device_kind, status")
