"""Loans: checkouts, returns, renewals, the notices' claims, and anonymization."""

import json
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from ..domain.borrowers import Borrower, BorrowerKind
from ..domain.devices import Device, DeviceKind
from ..domain.lending import Loan, OpenLoan
from . import filters

_LOAN = ("id, device_id, device_kind, asset_tag, borrower_kind, borrower_id, started_at, due_at, renewals, emergency, "
         "returned_at, condition, missing_accessories, cleared_at, anonymized_at, recall_requested_at, "
         "deactivation_requested_at, application_id, created_at")

def _loan(row: asyncpg.Record | None) -> Loan | None:
    if row is None:
        return None
    return Loan.model_validate({**dict(row), "missing_accessories": json.loads(row["missing_accessories"])})

async def insert_loan(conn: asyncpg.Connection, loan_id: UUID, device: Device, borrower: Borrower, started_at: datetime,
                      due_at: datetime, emergency: bool) -> Loan:
    return _loan(await conn.fetchrow(  # type: ignore[return-value]  # the row exists: the caller holds its id under a lock
        f"""INSERT INTO loans (id, device_id, device_kind, asset_tag, borrower_kind, borrower_id, started_at, due_at, emergency)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {_LOAN}""",
        loan_id, device.id, device.kind, device.asset_tag, borrower.kind, borrower.id, started_at, due_at, emergency,
    ))

async def get_loan(conn: asyncpg.Connection, loan_id: UUID, *, for_update: bool = False) -> Loan | None:
    lock = " FOR UPDATE" if for_update else ""
    return _loan(await conn.fetchrow(f"SELECT {_LOAN} FROM loans WHERE id = $1{lock}", loan_id))

async def open_loans_of(conn: asyncpg.Connection, borrower_id: UUID) -> list[OpenLoan]:
    rows = await conn.fetch("SELECT device_kind, due_at FROM loans WHERE borrower_id = $1 AND returned_at IS NULL",
                            borrower_id)
    return [OpenLoan.model_validate(dict(r)) for r in rows]

async def list_loans(conn: asyncpg.Connection, *, now: datetime, borrower_id: UUID | None, device_id: UUID | None,
                     borrower_kind: BorrowerKind | None, device_kind: DeviceKind | None, status: str | None,
                     after: list[Any] | None, limit: int) -> list[Loan]:
    where = filters.Filter()
    if borrower_id:
        where.add("borrower_id = {}", borrower_id)
    if device_id:
        where.add("device_id = {}", device_id)
    if borrower_kind:
        where.add("borrower_kind = {}", borrower_kind)
    if device_kind:
        where.add("device_kind = {}", device_kind)
    if status == "open":
        where.add("returned_at IS NULL")
    elif status == "returned":
        where.add("returned_at IS NOT NULL")
    elif status == "overdue":
        where.add("returned_at IS NULL AND due_at < {}", now)
    where.after(after)
    rows = await conn.fetch(f"SELECT {_LOAN} FROM loans {where.sql()} ORDER BY created_at, id {where.limit(limit)}",
                            *where.args)
    return [_loan(r) for r in rows]  # type: ignore[misc]  # rows of a query are never None

async def record_return(conn: asyncpg.Connection, loan_id: UUID, returned_at: datetime, condition: str,
                        missing: list[str]) -> Loan:
    return _loan(await conn.fetchrow(  # type: ignore[return-value]  # the row exists: the caller holds its id under a lock
        f"""UPDATE loans SET returned_at = $2, condition = $3, missing_accessories = $4 WHERE id = $1 RETURNING {_LOAN}""",
        loan_id, returned_at, condition, json.dumps(missing),
    ))

async def record_renewal(conn: asyncpg.Connection, loan_id: UUID, due_at: datetime) -> Loan:
    # A new due date earns new reminders.
    return _loan(await conn.fetchrow(  # type: ignore[return-value]  # the row exists: the caller holds its id under a lock
        f"""UPDATE loans SET due_at = $2, renewals = renewals + 1, due_soon_notified_at = NULL, overdue_notified_at = NULL,
                   deactivation_requested_at = NULL
            WHERE id = $1 RETURNING {_LOAN}""",
        loan_id, due_at,
    ))

async def claim_due_soon(conn: asyncpg.Connection, now: datetime, horizon: datetime) -> list[Loan]:
    """Open loans falling due before `horizon` and not yet told, marked told in the same statement."""
    rows = await conn.fetch(
        f"""UPDATE loans SET due_soon_notified_at = $1
            WHERE id IN (SELECT id FROM loans WHERE returned_at IS NULL AND due_soon_notified_at IS NULL
                         AND due_at > $1 AND due_at <= $2 FOR UPDATE SKIP LOCKED)
            RETURNING {_LOAN}""",
        now, horizon,
    )
    return [_loan(r) for r in rows]  # type: ignore[misc]  # rows of a query are never None

async def claim_overdue(conn: asyncpg.Connection, now: datetime) -> list[Loan]:
    rows = await conn.fetch(
        f"""UPDATE loans SET overdue_notified_at = $1
            WHERE id IN (SELECT id FROM loans WHERE returned_at IS NULL AND overdue_notified_at IS NULL
                         AND due_at <= $1 FOR UPDATE SKIP LOCKED)
            RETURNING {_LOAN}""",
        now,
    )
    return [_loan(r) for r in rows]  # type: ignore[misc]  # rows of a query are never None

async def claim_deactivations(conn: asyncpg.Connection, now: datetime, overdue_since: datetime) -> list[Loan]:
    rows = await conn.fetch(
        f"""UPDATE loans SET deactivation_requested_at = $1
            WHERE id IN (SELECT id FROM loans WHERE returned_at IS NULL AND deactivation_requested_at IS NULL
                         AND device_kind = 'hotspot' AND due_at <= $2 FOR UPDATE SKIP LOCKED)
            RETURNING {_LOAN}""",
        now, overdue_since,
    )
    return [_loan(r) for r in rows]  # type: ignore[misc]  # rows of a query are never None

async def claim_recalls(conn: asyncpg.Connection, partner_id: UUID, now: datetime) -> list[Loan]:
    rows = await conn.fetch(
        f"""UPDATE loans SET recall_requested_at = $2
            WHERE borrower_id = $1 AND borrower_kind = 'partner' AND returned_at IS NULL AND recall_requested_at IS NULL
            RETURNING {_LOAN}""",
        partner_id, now,
    )
    return [_loan(r) for r in rows]  # type: ignore[misc]  # rows of a query are never None

async def clear_returned_loans(conn: asyncpg.Connection, device_id: UUID, cleared_at: datetime) -> None:
    await conn.execute(
        "UPDATE loans SET cleared_at = $2 WHERE device_id = $1 AND returned_at IS NOT NULL AND cleared_at IS NULL",
        device_id, cleared_at,
    )

async def wipe_pending(conn: asyncpg.Connection, device_id: UUID) -> bool:
    """Whether the device came back from a loan and no wipe has been confirmed since."""
    return bool(await conn.fetchval(
        "SELECT EXISTS (SELECT 1 FROM loans WHERE device_id = $1 AND returned_at IS NOT NULL AND cleared_at IS NULL)",
        device_id,
    ))

async def anonymize_cleared(conn: asyncpg.Connection, now: datetime, cleared_before: datetime) -> int:
    """Cut the link between patrons and their finished loans; the loans themselves stay for statistics."""
    status = await conn.execute(
        """UPDATE loans SET borrower_id = NULL, anonymized_at = $1
           WHERE anonymized_at IS NULL AND borrower_kind = 'patron' AND cleared_at IS NOT NULL AND cleared_at <= $2""",
        now, cleared_before,
    )
    return int(status.split()[-1])

async def anonymize_returned_of(conn: asyncpg.Connection, borrower_id: UUID, now: datetime) -> int:
    status = await conn.execute(
        """UPDATE loans SET borrower_id = NULL, anonymized_at = $2
           WHERE borrower_id = $1 AND returned_at IS NOT NULL AND anonymized_at IS NULL""",
        borrower_id, now,
    )
    return int(status.split()[-1])


async def mark_programme_loan(conn: asyncpg.Connection, loan_id: UUID, application_id: UUID) -> Loan:
    """The loan serves a programme application: it runs on the programme's period and renewals."""
    return _loan(await conn.fetchrow(  # type: ignore[return-value]  # the loan was just read under lock, so it is there
        f"UPDATE loans SET application_id = $2 WHERE id = $1 RETURNING {_LOAN}", loan_id, application_id))
