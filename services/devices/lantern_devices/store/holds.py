"""Holds: the queue for each kind, ready holds waiting for pickup, and anonymization of closed ones."""

from datetime import datetime
from functools import partial
from typing import Any
from uuid import UUID

import asyncpg

from lantern_shared import locking

from ..domain.borrowers import Borrower
from ..domain.devices import DeviceKind
from ..domain.holds import Hold, HoldStatus
from . import filters
from .devices import lock_kind

_HOLD = ("id, device_kind, borrower_kind, borrower_id, pickup_branch, status, device_id, ready_until, placed_at, "
         "closed_at, created_at")

def _hold(row: asyncpg.Record | None) -> Hold | None:
    return Hold.model_validate(dict(row)) if row else None

async def insert_hold(conn: asyncpg.Connection, hold_id: UUID, kind: DeviceKind, borrower: Borrower,
                      pickup_branch: str | None, now: datetime) -> Hold:
    return _hold(await conn.fetchrow(  # type: ignore[return-value]  # the row exists: the caller holds its id under a lock
        f"""INSERT INTO holds (id, device_kind, borrower_kind, borrower_id, pickup_branch, status, placed_at)
            VALUES ($1, $2, $3, $4, $5, 'waiting', $6) RETURNING {_HOLD}""",
        hold_id, kind, borrower.kind, borrower.id, pickup_branch, now,
    ))

async def get_hold(conn: asyncpg.Connection, hold_id: UUID, *, for_update: bool = False) -> Hold | None:
    lock = " FOR UPDATE" if for_update else ""
    return _hold(await conn.fetchrow(f"SELECT {_HOLD} FROM holds WHERE id = $1{lock}", hold_id))

async def queue_position(conn: asyncpg.Connection, hold_id: UUID) -> int:
    return await conn.fetchval(
        """SELECT count(*) FROM holds w, holds h
           WHERE h.id = $1 AND w.device_kind = h.device_kind AND w.status = 'waiting' AND w.queued <= h.queued""",
        hold_id,
    )

async def first_waiting(conn: asyncpg.Connection, kind: DeviceKind) -> Hold | None:
    """The head of the queue among borrowers who may borrow now; a blocked borrower keeps their place meanwhile."""
    return _hold(await conn.fetchrow(
        f"""SELECT {_HOLD} FROM holds
            WHERE device_kind = $1 AND status = 'waiting'
              AND EXISTS (SELECT 1 FROM borrowers b WHERE b.id = holds.borrower_id AND b.status = 'active')
            ORDER BY queued LIMIT 1 FOR UPDATE OF holds""",
        kind,
    ))

async def waiting_count(conn: asyncpg.Connection, kind: DeviceKind) -> int:
    return await conn.fetchval("SELECT count(*) FROM holds WHERE device_kind = $1 AND status = 'waiting'", kind)

async def ready_hold_of(conn: asyncpg.Connection, borrower_id: UUID, kind: DeviceKind) -> Hold | None:
    return _hold(await conn.fetchrow(
        f"SELECT {_HOLD} FROM holds WHERE borrower_id = $1 AND device_kind = $2 AND status = 'ready' FOR UPDATE",
        borrower_id, kind,
    ))

async def ready_hold_on(conn: asyncpg.Connection, device_id: UUID) -> Hold | None:
    return _hold(await conn.fetchrow(f"SELECT {_HOLD} FROM holds WHERE device_id = $1 AND status = 'ready' FOR UPDATE",
                                     device_id))

async def make_ready(conn: asyncpg.Connection, hold_id: UUID, device_id: UUID, ready_until: datetime) -> Hold:
    return _hold(await conn.fetchrow(  # type: ignore[return-value]  # the row exists: the caller holds its id under a lock
        f"UPDATE holds SET status = 'ready', device_id = $2, ready_until = $3 WHERE id = $1 RETURNING {_HOLD}",
        hold_id, device_id, ready_until,
    ))

async def close_hold(conn: asyncpg.Connection, hold_id: UUID, status: HoldStatus, now: datetime) -> Hold:
    return _hold(await conn.fetchrow(  # type: ignore[return-value]  # the row exists: the caller holds its id under a lock
        f"UPDATE holds SET status = $2, closed_at = $3 WHERE id = $1 RETURNING {_HOLD}", hold_id, status, now,
    ))

async def expired_ready_holds(conn: asyncpg.Connection, now: datetime) -> list[Hold]:
    rows = await conn.fetch(
        f"SELECT {_HOLD} FROM holds WHERE status = 'ready' AND ready_until <= $1 ORDER BY ready_until FOR UPDATE SKIP LOCKED",
        now,
    )
    return [_hold(r) for r in rows]  # type: ignore[misc]  # rows of a query are never None

async def live_holds_of(conn: asyncpg.Connection, borrower_id: UUID) -> list[Hold]:
    rows = await conn.fetch(f"SELECT {_HOLD} FROM holds WHERE borrower_id = $1 AND status IN ('waiting', 'ready') FOR UPDATE",
                            borrower_id)
    return [_hold(r) for r in rows]  # type: ignore[misc]  # rows of a query are never None

async def unlink_closed_holds(conn: asyncpg.Connection, borrower_id: UUID) -> None:
    await conn.execute("UPDATE holds SET borrower_id = NULL WHERE borrower_id = $1 AND status NOT IN ('waiting', 'ready')",
                       borrower_id)

async def list_holds(conn: asyncpg.Connection, *, borrower_id: UUID | None, kind: DeviceKind | None,
                     status: HoldStatus | None, after: list[Any] | None, limit: int) -> list[Hold]:
    where = filters.Filter()
    if borrower_id:
        where.add("borrower_id = {}", borrower_id)
    if kind:
        where.add("device_kind = {}", kind)
    if status:
        where.add("status = {}", status)
    where.after(after)
    rows = await conn.fetch(f"SELECT {_HOLD} FROM holds {where.sql()} ORDER BY created_at, id {where.limit(limit)}",
                            *where.args)
    return [_hold(r) for r in rows]  # type: ignore[misc]  # rows of a query are never None

async def anonymize_closed_holds(conn: asyncpg.Connection, closed_before: datetime) -> int:
    """Who waited for what is a patron's business too: closed holds lose their link after the same delay."""
    status = await conn.execute(
        """UPDATE holds SET borrower_id = NULL
           WHERE borrower_kind = 'patron' AND borrower_id IS NOT NULL AND status NOT IN ('waiting', 'ready')
             AND closed_at <= $1""",
        closed_before,
    )
    return int(status.split()[-1])


async def locked_hold(conn: asyncpg.Connection, hold_id: UUID) -> Hold | None:
    """The hold, read again under its kind's lock and its row lock (in that order, as every writer takes them)."""
    return await locking.lock_then_reread(partial(get_hold, conn, hold_id),
                                          lambda found: lock_kind(conn, found.device_kind))
