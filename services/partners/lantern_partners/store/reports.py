"""The counts behind the partnerships report."""

from datetime import date, datetime

import asyncpg


async def partners_by_kind_and_status(conn: asyncpg.Connection) -> list[tuple[str, str, int]]:
    rows = await conn.fetch("SELECT kind, status, count(*) AS n FROM organizations GROUP BY kind, status")
    return [(r["kind"], r["status"], r["n"]) for r in rows]


async def active_agreements_by_kind(conn: asyncpg.Connection, today: date) -> dict[str, int]:
    rows = await conn.fetch(
        """SELECT kind, count(*) AS n FROM agreements
           WHERE ended_on IS NULL AND starts_on <= $1 AND (ends_on IS NULL OR ends_on >= $1) GROUP BY kind""",
        today,
    )
    return {r["kind"]: r["n"] for r in rows}


async def devices_on_loan_to_partners(conn: asyncpg.Connection) -> tuple[int, dict[str, int], int]:
    rows = await conn.fetch(
        "SELECT device_kind, count(*) AS n, count(DISTINCT organization_id) AS orgs FROM partner_loans "
        "WHERE returned_at IS NULL GROUP BY device_kind"
    )
    partners = await conn.fetchval("SELECT count(DISTINCT organization_id) FROM partner_loans WHERE returned_at IS NULL")
    return sum(r["n"] for r in rows), {r["device_kind"]: r["n"] for r in rows}, partners


async def referrals_by_outcome(conn: asyncpg.Connection, since: datetime | None, until: datetime | None) -> dict[str, int]:
    rows = await conn.fetch(
        """SELECT outcome, count(*) AS n FROM referrals
           WHERE ($1::timestamptz IS NULL OR created_at >= $1) AND ($2::timestamptz IS NULL OR created_at < $2)
           GROUP BY outcome""",
        since, until,
    )
    return {r["outcome"]: r["n"] for r in rows}


async def count_overdue(conn: asyncpg.Connection, verified_before: date) -> int:
    return await conn.fetchval(
        "SELECT count(*) FROM services WHERE status <> 'defunct' AND (verified_on IS NULL OR verified_on < $1)",
        verified_before,
    )


async def status_reports_by_party(conn: asyncpg.Connection, since: datetime | None, until: datetime | None) -> dict[str, int]:
    """Status changes of the referrals made in the period, by the party that reported them."""
    rows = await conn.fetch(
        """SELECT c.party, count(*) AS n FROM referral_status_changes c JOIN referrals r ON r.id = c.referral_id
           WHERE ($1::timestamptz IS NULL OR r.created_at >= $1) AND ($2::timestamptz IS NULL OR r.created_at < $2)
           GROUP BY c.party""",
        since, until,
    )
    return {r["party"]: r["n"] for r in rows}
