"""Devices' SQL: plain, parameterised, returning typed objects."""

import json
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from .domain import (
    Borrower, BorrowerKind, BorrowerStatus, Device, DeviceKind, DeviceState, Hold, HoldStatus, KitItem, Loan, OpenLoan,
    Reservation, ReservationStatus, StateChange,
)


class Filter:
    """Builds a WHERE clause from optional conditions, numbering parameters as it goes."""

    def __init__(self) -> None:
        self.conditions: list[str] = []
        self.args: list[Any] = []

    def add(self, condition: str, *values: Any) -> None:
        # `condition` uses {} for each value's placeholder.
        placeholders = []
        for value in values:
            self.args.append(value)
            placeholders.append(f"${len(self.args)}")
        self.conditions.append(condition.format(*placeholders))

    def after(self, cursor: list[Any] | None, table: str = "") -> None:
        if cursor:
            prefix = f"{table}." if table else ""
            self.add(f"({prefix}created_at, {prefix}id) > ({{}}::timestamptz, {{}}::uuid)",
                     datetime.fromisoformat(cursor[0]), UUID(cursor[1]))

    def sql(self) -> str:
        return ("WHERE " + " AND ".join(self.conditions)) if self.conditions else ""

    def limit(self, limit: int) -> str:
        self.args.append(limit + 1)
        return f"LIMIT ${len(self.args)}"


# ---- borrowers ---------------------------------------------------------------------------------------------

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


# ---- devices -----------------------------------------------------------------------------------------------

_DEVICE = ("id, kind, asset_tag, serial, home_branch, model, contents, emergency_pool, state, last_seen_at, "
           "created_at, updated_at")


def _device(row: asyncpg.Record | None) -> Device | None:
    if row is None:
        return None
    return Device.model_validate({**dict(row), "contents": json.loads(row["contents"])})


async def insert_device(conn: asyncpg.Connection, device_id: UUID, kind: DeviceKind, asset_tag: str, serial: str,
                        home_branch: str, model: str | None, contents: list[KitItem], emergency_pool: bool) -> Device:
    row = await conn.fetchrow(
        f"""INSERT INTO devices (id, kind, asset_tag, serial, home_branch, model, contents, emergency_pool)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING {_DEVICE}""",
        device_id, kind, asset_tag, serial, home_branch, model,
        json.dumps([c.model_dump() for c in contents]), emergency_pool,
    )
    return _device(row)  # type: ignore[return-value]


async def get_device(conn: asyncpg.Connection, device_id: UUID, *, for_update: bool = False) -> Device | None:
    lock = " FOR UPDATE" if for_update else ""
    return _device(await conn.fetchrow(f"SELECT {_DEVICE} FROM devices WHERE id = $1{lock}", device_id))


async def find_device(conn: asyncpg.Connection, *, asset_tag: str | None, serial: str | None,
                      for_update: bool = False) -> Device | None:
    lock = " FOR UPDATE" if for_update else ""
    return _device(await conn.fetchrow(
        f"SELECT {_DEVICE} FROM devices WHERE asset_tag = $1 OR serial = $2 ORDER BY asset_tag = $1 DESC LIMIT 1{lock}",
        asset_tag, serial,
    ))


async def update_device(conn: asyncpg.Connection, device_id: UUID, *, home_branch: str | None, model: str | None,
                        contents: list[KitItem] | None, emergency_pool: bool | None) -> Device | None:
    return _device(await conn.fetchrow(
        f"""UPDATE devices SET home_branch = coalesce($2, home_branch), model = coalesce($3, model),
                   contents = coalesce($4::jsonb, contents), emergency_pool = coalesce($5, emergency_pool),
                   updated_at = now()
            WHERE id = $1 RETURNING {_DEVICE}""",
        device_id, home_branch, model,
        json.dumps([c.model_dump() for c in contents]) if contents is not None else None, emergency_pool,
    ))


async def list_devices(conn: asyncpg.Connection, *, kind: DeviceKind | None, state: DeviceState | None,
                       home_branch: str | None, emergency_pool: bool | None, asset_tag: str | None,
                       after: list[Any] | None, limit: int) -> list[Device]:
    where = Filter()
    if kind:
        where.add("kind = {}", kind)
    if state:
        where.add("state = {}", state)
    if home_branch:
        where.add("home_branch = {}", home_branch)
    if emergency_pool is not None:
        where.add("emergency_pool = {}", emergency_pool)
    if asset_tag:
        where.add("asset_tag = {}", asset_tag)
    where.after(after)
    rows = await conn.fetch(f"SELECT {_DEVICE} FROM devices {where.sql()} ORDER BY created_at, id {where.limit(limit)}",
                            *where.args)
    return [_device(r) for r in rows]  # type: ignore[misc]


async def change_state(conn: asyncpg.Connection, device_id: UUID, from_state: DeviceState | None, to_state: DeviceState,
                       reason: str, actor: str) -> None:
    await conn.execute("UPDATE devices SET state = $2, updated_at = now() WHERE id = $1", device_id, to_state)
    await conn.execute(
        "INSERT INTO device_state_changes (device_id, from_state, to_state, reason, actor) VALUES ($1, $2, $3, $4, $5)",
        device_id, from_state, to_state, reason, actor,
    )


async def state_history(conn: asyncpg.Connection, device_id: UUID) -> list[StateChange]:
    rows = await conn.fetch(
        "SELECT from_state, to_state, reason, actor, changed_at FROM device_state_changes WHERE device_id = $1 ORDER BY id",
        device_id,
    )
    return [StateChange.model_validate(dict(r)) for r in rows]


async def touch_last_seen(conn: asyncpg.Connection, device_id: UUID, seen_at: datetime) -> None:
    await conn.execute(
        "UPDATE devices SET last_seen_at = greatest(coalesce(last_seen_at, $2), $2) WHERE id = $1", device_id, seen_at
    )


_FREE_OF_RESERVATIONS = """NOT EXISTS (
    SELECT 1 FROM reserved_devices r WHERE r.device_id = d.id AND r.during && tstzrange($2, $3))"""


async def claim_available(conn: asyncpg.Connection, kind: DeviceKind, now: datetime, until: datetime) -> Device | None:
    """Lock one available unit of the kind that no reservation needs before `until`; skip units others hold."""
    return _device(await conn.fetchrow(
        f"""SELECT {_DEVICE} FROM devices d
            WHERE kind = $1 AND state = 'available' AND {_FREE_OF_RESERVATIONS}
            ORDER BY asset_tag LIMIT 1 FOR UPDATE SKIP LOCKED""",
        kind, now, until,
    ))


async def reserved_during(conn: asyncpg.Connection, device_id: UUID, start: datetime, end: datetime) -> bool:
    return bool(await conn.fetchval(
        "SELECT EXISTS (SELECT 1 FROM reserved_devices WHERE device_id = $1 AND during && tstzrange($2, $3))",
        device_id, start, end,
    ))


async def availability(conn: asyncpg.Connection) -> dict[str, tuple[int, int]]:
    """Per kind: units available to lend now, and holds waiting."""
    rows = await conn.fetch(
        """SELECT k.kind,
                  (SELECT count(*) FROM devices d WHERE d.kind = k.kind AND d.state = 'available') AS available,
                  (SELECT count(*) FROM holds h WHERE h.device_kind = k.kind AND h.status = 'waiting') AS waiting
           FROM unnest($1::text[]) AS k(kind)""",
        [k.value for k in DeviceKind],
    )
    return {r["kind"]: (r["available"], r["waiting"]) for r in rows}


# ---- loans -------------------------------------------------------------------------------------------------

_LOAN = ("id, device_id, device_kind, asset_tag, borrower_kind, borrower_id, started_at, due_at, renewals, emergency, "
         "returned_at, condition, missing_accessories, cleared_at, anonymized_at, recall_requested_at, "
         "deactivation_requested_at, created_at")


def _loan(row: asyncpg.Record | None) -> Loan | None:
    if row is None:
        return None
    return Loan.model_validate({**dict(row), "missing_accessories": json.loads(row["missing_accessories"])})


async def insert_loan(conn: asyncpg.Connection, loan_id: UUID, device: Device, borrower: Borrower, started_at: datetime,
                      due_at: datetime, emergency: bool) -> Loan:
    return _loan(await conn.fetchrow(  # type: ignore[return-value]
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
    where = Filter()
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
    return [_loan(r) for r in rows]  # type: ignore[misc]


async def open_loan_for_device(conn: asyncpg.Connection, device_id: UUID) -> Loan | None:
    return _loan(await conn.fetchrow(f"SELECT {_LOAN} FROM loans WHERE device_id = $1 AND returned_at IS NULL", device_id))


async def record_return(conn: asyncpg.Connection, loan_id: UUID, returned_at: datetime, condition: str,
                        missing: list[str]) -> Loan:
    return _loan(await conn.fetchrow(  # type: ignore[return-value]
        f"""UPDATE loans SET returned_at = $2, condition = $3, missing_accessories = $4 WHERE id = $1 RETURNING {_LOAN}""",
        loan_id, returned_at, condition, json.dumps(missing),
    ))


async def record_renewal(conn: asyncpg.Connection, loan_id: UUID, due_at: datetime) -> Loan:
    # A new due date earns new reminders.
    return _loan(await conn.fetchrow(  # type: ignore[return-value]
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
    return [_loan(r) for r in rows]  # type: ignore[misc]


async def claim_overdue(conn: asyncpg.Connection, now: datetime) -> list[Loan]:
    rows = await conn.fetch(
        f"""UPDATE loans SET overdue_notified_at = $1
            WHERE id IN (SELECT id FROM loans WHERE returned_at IS NULL AND overdue_notified_at IS NULL
                         AND due_at <= $1 FOR UPDATE SKIP LOCKED)
            RETURNING {_LOAN}""",
        now,
    )
    return [_loan(r) for r in rows]  # type: ignore[misc]


async def claim_deactivations(conn: asyncpg.Connection, now: datetime, overdue_since: datetime) -> list[Loan]:
    rows = await conn.fetch(
        f"""UPDATE loans SET deactivation_requested_at = $1
            WHERE id IN (SELECT id FROM loans WHERE returned_at IS NULL AND deactivation_requested_at IS NULL
                         AND device_kind = 'hotspot' AND due_at <= $2 FOR UPDATE SKIP LOCKED)
            RETURNING {_LOAN}""",
        now, overdue_since,
    )
    return [_loan(r) for r in rows]  # type: ignore[misc]


async def claim_recalls(conn: asyncpg.Connection, partner_id: UUID, now: datetime) -> list[Loan]:
    rows = await conn.fetch(
        f"""UPDATE loans SET recall_requested_at = $2
            WHERE borrower_id = $1 AND borrower_kind = 'partner' AND returned_at IS NULL AND recall_requested_at IS NULL
            RETURNING {_LOAN}""",
        partner_id, now,
    )
    return [_loan(r) for r in rows]  # type: ignore[misc]


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


async def anonymize_closed_holds(conn: asyncpg.Connection, closed_before: datetime) -> int:
    """Who waited for what is a patron's business too: closed holds lose their link after the same delay."""
    status = await conn.execute(
        """UPDATE holds SET borrower_id = NULL
           WHERE borrower_kind = 'patron' AND borrower_id IS NOT NULL AND status NOT IN ('waiting', 'ready')
             AND closed_at <= $1""",
        closed_before,
    )
    return int(status.split()[-1])


async def anonymize_returned_of(conn: asyncpg.Connection, borrower_id: UUID, now: datetime) -> int:
    status = await conn.execute(
        """UPDATE loans SET borrower_id = NULL, anonymized_at = $2
           WHERE borrower_id = $1 AND returned_at IS NOT NULL AND anonymized_at IS NULL""",
        borrower_id, now,
    )
    return int(status.split()[-1])


# ---- holds -------------------------------------------------------------------------------------------------

_HOLD = ("id, device_kind, borrower_kind, borrower_id, pickup_branch, status, device_id, ready_until, placed_at, "
         "closed_at, created_at")


def _hold(row: asyncpg.Record | None) -> Hold | None:
    return Hold.model_validate(dict(row)) if row else None


async def insert_hold(conn: asyncpg.Connection, hold_id: UUID, kind: DeviceKind, borrower: Borrower,
                      pickup_branch: str | None, now: datetime) -> Hold:
    return _hold(await conn.fetchrow(  # type: ignore[return-value]
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
    return _hold(await conn.fetchrow(  # type: ignore[return-value]
        f"UPDATE holds SET status = 'ready', device_id = $2, ready_until = $3 WHERE id = $1 RETURNING {_HOLD}",
        hold_id, device_id, ready_until,
    ))


async def close_hold(conn: asyncpg.Connection, hold_id: UUID, status: HoldStatus, now: datetime) -> Hold:
    return _hold(await conn.fetchrow(  # type: ignore[return-value]
        f"UPDATE holds SET status = $2, closed_at = $3 WHERE id = $1 RETURNING {_HOLD}", hold_id, status, now,
    ))


async def expired_ready_holds(conn: asyncpg.Connection, now: datetime) -> list[Hold]:
    rows = await conn.fetch(
        f"SELECT {_HOLD} FROM holds WHERE status = 'ready' AND ready_until <= $1 ORDER BY ready_until FOR UPDATE SKIP LOCKED",
        now,
    )
    return [_hold(r) for r in rows]  # type: ignore[misc]


async def live_holds_of(conn: asyncpg.Connection, borrower_id: UUID) -> list[Hold]:
    rows = await conn.fetch(f"SELECT {_HOLD} FROM holds WHERE borrower_id = $1 AND status IN ('waiting', 'ready') FOR UPDATE",
                            borrower_id)
    return [_hold(r) for r in rows]  # type: ignore[misc]


async def unlink_closed_holds(conn: asyncpg.Connection, borrower_id: UUID) -> None:
    await conn.execute("UPDATE holds SET borrower_id = NULL WHERE borrower_id = $1 AND status NOT IN ('waiting', 'ready')",
                       borrower_id)


async def list_holds(conn: asyncpg.Connection, *, borrower_id: UUID | None, kind: DeviceKind | None,
                     status: HoldStatus | None, after: list[Any] | None, limit: int) -> list[Hold]:
    where = Filter()
    if borrower_id:
        where.add("borrower_id = {}", borrower_id)
    if kind:
        where.add("device_kind = {}", kind)
    if status:
        where.add("status = {}", status)
    where.after(after)
    rows = await conn.fetch(f"SELECT {_HOLD} FROM holds {where.sql()} ORDER BY created_at, id {where.limit(limit)}",
                            *where.args)
    return [_hold(r) for r in rows]  # type: ignore[misc]


# ---- reservations ------------------------------------------------------------------------------------------

_RESERVATION = """r.id, r.purpose, r.partner_id, r.starts_at, r.ends_at, r.requested, r.missing, r.status,
    r.created_at, r.updated_at,
    coalesce((SELECT array_agg(device_id ORDER BY device_id) FROM reserved_devices WHERE reservation_id = r.id), '{}') AS device_ids"""


def _reservation(row: asyncpg.Record | None) -> Reservation | None:
    if row is None:
        return None
    return Reservation.model_validate(
        {**dict(row), "requested": json.loads(row["requested"]), "missing": json.loads(row["missing"])}
    )


async def get_reservation(conn: asyncpg.Connection, reservation_id: UUID, *, for_update: bool = False) -> Reservation | None:
    lock = " FOR UPDATE OF r" if for_update else ""
    return _reservation(await conn.fetchrow(f"SELECT {_RESERVATION} FROM reservations r WHERE r.id = $1{lock}",
                                            reservation_id))


async def lock_reservation_key(conn: asyncpg.Connection, reservation_id: UUID) -> None:
    # Serialises work on one session (a row may not exist yet to lock).
    await conn.execute("SELECT pg_advisory_xact_lock(hashtext('reservation:' || $1::text))", str(reservation_id))


async def save_reservation(conn: asyncpg.Connection, reservation_id: UUID, purpose: str, partner_id: UUID | None,
                           starts_at: datetime, ends_at: datetime, requested: dict[str, int], missing: dict[str, int],
                           status: ReservationStatus) -> None:
    await conn.execute(
        """INSERT INTO reservations (id, purpose, partner_id, starts_at, ends_at, requested, missing, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (id) DO UPDATE SET starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at,
               requested = EXCLUDED.requested, missing = EXCLUDED.missing, status = EXCLUDED.status, updated_at = now()""",
        reservation_id, purpose, partner_id, starts_at, ends_at, json.dumps(requested), json.dumps(missing), status,
    )


async def set_reservation_status(conn: asyncpg.Connection, reservation_id: UUID, status: ReservationStatus) -> None:
    await conn.execute("UPDATE reservations SET status = $2, updated_at = now() WHERE id = $1", reservation_id, status)


async def free_for_window(conn: asyncpg.Connection, kinds: list[str], starts_at: datetime, ends_at: datetime) -> dict[str, list[UUID]]:
    """Units of these kinds that can serve the window, locked so that no concurrent reservation takes them too.

    A unit serves the window if it is available, awaiting its wipe, or on a loan due before the window starts, and
    no reservation overlaps it. A unit waiting for a hold's pickup is promised to that borrower's loan, so it does not.
    Available units come first.
    """
    rows = await conn.fetch(
        f"""SELECT d.id, d.kind FROM devices d
            WHERE d.kind = ANY($1::text[]) AND d.state IN ('available', 'quarantined', 'on_loan')
              AND {_FREE_OF_RESERVATIONS}
              AND NOT EXISTS (SELECT 1 FROM loans l WHERE l.device_id = d.id AND l.returned_at IS NULL AND l.due_at > $2)
            ORDER BY d.state = 'available' DESC, d.asset_tag
            FOR UPDATE OF d""",
        kinds, starts_at, ends_at,
    )
    free: dict[str, list[UUID]] = {}
    for row in rows:
        free.setdefault(row["kind"], []).append(row["id"])
    return free


async def reserve_devices(conn: asyncpg.Connection, reservation_id: UUID, device_ids: list[UUID], starts_at: datetime,
                          ends_at: datetime) -> None:
    await conn.executemany(
        "INSERT INTO reserved_devices (reservation_id, device_id, during) VALUES ($1, $2, tstzrange($3, $4))",
        [(reservation_id, d, starts_at, ends_at) for d in device_ids],
    )


async def unreserve_devices(conn: asyncpg.Connection, reservation_id: UUID) -> list[UUID]:
    rows = await conn.fetch("DELETE FROM reserved_devices WHERE reservation_id = $1 RETURNING device_id", reservation_id)
    return sorted(r["device_id"] for r in rows)


async def reservations_with_unusable_units(conn: asyncpg.Connection, now: datetime) -> list[UUID]:
    """Reservations not yet over that count on a unit since lost, sent for repair or retired."""
    rows = await conn.fetch(
        """SELECT DISTINCT r.id FROM reservations r
           JOIN reserved_devices rd ON rd.reservation_id = r.id JOIN devices d ON d.id = rd.device_id
           WHERE r.status = 'reserved' AND r.ends_at > $1 AND d.state IN ('lost', 'in_maintenance', 'retired')""",
        now,
    )
    return [r["id"] for r in rows]


async def list_reservations(conn: asyncpg.Connection, *, status: ReservationStatus | None, partner_id: UUID | None,
                            starts_after: datetime | None, after: list[Any] | None, limit: int) -> list[Reservation]:
    where = Filter()
    if status:
        where.add("r.status = {}", status)
    if partner_id:
        where.add("r.partner_id = {}", partner_id)
    if starts_after:
        where.add("r.starts_at >= {}", starts_after)
    where.after(after, "r")
    rows = await conn.fetch(
        f"SELECT {_RESERVATION} FROM reservations r {where.sql()} ORDER BY r.created_at, r.id {where.limit(limit)}",
        *where.args,
    )
    return [_reservation(r) for r in rows]  # type: ignore[misc]


# ---- statistics for the gauges -----------------------------------------------------------------------------

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


async def lock_kind(conn: asyncpg.Connection, kind: str) -> None:
    """Serialises lending, holds and reservations of one kind until the transaction ends.

    Row locks alone cannot stop a reservation choosing a unit that a concurrent checkout is lending (each would
    check the other's rows in its own snapshot); this lock makes the second one see the first one's commit.
    """
    await conn.execute("SELECT pg_advisory_xact_lock(hashtext('device-kind:' || $1))", kind)
