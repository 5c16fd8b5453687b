"""Devices: inventory, state changes and their history, and which units are free to lend."""

import json
from datetime import datetime
from functools import partial
from typing import Any
from uuid import UUID

import asyncpg

from lantern_shared import locking

from ..domain.devices import Device, DeviceKind, DeviceState, KitItem, StateChange
from . import filters

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
    return _device(row)  # type: ignore[return-value]  # the row exists: the caller holds its id under a lock

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
    where = filters.Filter()
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
    return [_device(r) for r in rows]  # type: ignore[misc]  # rows of a query are never None

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

FREE_OF_RESERVATIONS = """NOT EXISTS (
    SELECT 1 FROM reserved_devices r WHERE r.device_id = d.id AND r.during && tstzrange($2, $3))"""

async def claim_available(conn: asyncpg.Connection, kind: DeviceKind, now: datetime, until: datetime) -> Device | None:
    """Lock one available unit of the kind that no reservation needs before `until`; skip units others hold."""
    return _device(await conn.fetchrow(
        f"""SELECT {_DEVICE} FROM devices d
            WHERE kind = $1 AND state = 'available' AND {FREE_OF_RESERVATIONS}
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


async def lock_kind(conn: asyncpg.Connection, kind: str) -> None:
    """Serialises lending, holds and reservations of one kind until the transaction ends.

    Row locks alone cannot stop a reservation choosing a unit that a concurrent checkout is lending (each would
    check the other's rows in its own snapshot); this lock makes the second one see the first one's commit.
    """
    await locking.advisory_xact_lock(conn, "device-kind", kind)


async def locked_device(conn: asyncpg.Connection, device_id: UUID) -> Device | None:
    """The device, read again under its kind's lock and its row lock (in that order, as every writer takes them)."""
    return await locking.lock_then_reread(partial(get_device, conn, device_id), lambda found: lock_kind(conn, found.kind))
