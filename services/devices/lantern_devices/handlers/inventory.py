"""Inventory use cases: adding units, staff state changes, confirmed wipes and MDM telemetry."""

import logging
import uuid
from datetime import datetime
from uuid import UUID

import asyncpg

from lantern_shared.consumer import EventContext
from lantern_shared.outbox import Outbox

from .. import store
from ..domain import Device, DeviceKind, DeviceState, DomainError, KitItem, LendingPolicy, check_manual_transition
from ..events import DEVICE_ADDED, DeviceAdded, DeviceReported, DeviceWiped
from .shared import apply_wipe, make_available, offer_to_queue, transition, utc_now

log = logging.getLogger(__name__)


async def add_device(pool: asyncpg.Pool, outbox: Outbox, policy: LendingPolicy, *, kind: DeviceKind, asset_tag: str,
                     serial: str, home_branch: str, model: str | None, contents: list[KitItem], emergency_pool: bool,
                     actor: str, now: datetime) -> Device:
    async with pool.acquire() as conn, conn.transaction():
        await store.lock_kind(conn, kind)
        try:
            device = await store.insert_device(conn, uuid.uuid4(), kind, asset_tag, serial, home_branch, model, contents,
                                               emergency_pool)
        except asyncpg.UniqueViolationError as exc:
            field = "asset_tag" if "asset_tag" in (exc.constraint_name or "") else "serial"
            raise DomainError(f"duplicate_{field}", f"a device with this {field.replace('_', ' ')} already exists") from exc
        await store.change_state(conn, device.id, None, DeviceState.AVAILABLE, "added to inventory", actor)
        await outbox.add(
            conn, DEVICE_ADDED,
            DeviceAdded(device_id=device.id, kind=device.kind, asset_tag=device.asset_tag, home_branch=device.home_branch,
                        emergency_pool=device.emergency_pool),
            key=str(device.id), subject=f"devices/{device.id}",
        )
        if await offer_to_queue(conn, outbox, policy, device, actor, now):
            device = device.model_copy(update={"state": DeviceState.RESERVED})
    return device


async def change_device_state(pool: asyncpg.Pool, outbox: Outbox, policy: LendingPolicy, device_id: UUID,
                              to_state: DeviceState, reason: str, actor: str, now: datetime) -> Device:
    async with pool.acquire() as conn, conn.transaction():
        device = await _locked_device(conn, device_id)
        check_manual_transition(device.state, to_state)
        if device.state is DeviceState.RESERVED:
            hold = await store.ready_hold_on(conn, device.id)
            if hold is not None:
                raise DomainError("held_for_pickup", "this device is waiting for a borrower's pickup; cancel the hold first")
        if to_state is DeviceState.AVAILABLE:
            if await store.wipe_pending(conn, device.id):
                raise DomainError("wipe_not_confirmed", "this device came back from a loan and its wipe is not confirmed")
            return await make_available(conn, outbox, policy, device, reason, actor, now)
        return await transition(conn, outbox, device, to_state, reason, actor)


async def confirm_wipe(pool: asyncpg.Pool, outbox: Outbox, policy: LendingPolicy, device_id: UUID, actor: str,
                       now: datetime) -> Device:
    async with pool.acquire() as conn, conn.transaction():
        return await apply_wipe(conn, outbox, policy, device_id, now, actor, now)


async def _locked_device(conn: asyncpg.Connection, device_id: UUID) -> Device:
    found = await store.get_device(conn, device_id)
    if found is None:
        raise DomainError("not_found", f"no device {device_id}", 404)
    await store.lock_kind(conn, found.kind)
    device = await store.get_device(conn, device_id, for_update=True)
    assert device is not None
    return device


async def device_wiped(event: DeviceWiped, ctx: EventContext, *, policy: LendingPolicy) -> None:
    """The MDM system confirms a wipe. Wipes of unknown units or units not in quarantine change nothing."""
    device = await store.find_device(ctx.conn, asset_tag=event.asset_tag, serial=event.serial)
    if device is None:
        log.warning("wipe reported for a device not in inventory", extra={"mdm_id": event.mdm_id})
        return
    try:
        await apply_wipe(ctx.conn, ctx.outbox, policy, device.id, event.wiped_at, f"mdm:{event.mdm_id or 'unknown'}", utc_now())
    except DomainError as refused:  # routine MDM wipes of units not awaiting one
        log.info("wipe of %s ignored: %s", device.asset_tag, refused.message)


async def device_reported(event: DeviceReported, ctx: EventContext) -> None:
    device = await store.find_device(ctx.conn, asset_tag=event.asset_tag, serial=event.serial)
    if device is not None:
        await store.touch_last_seen(ctx.conn, device.id, event.last_seen_at or event.reported_at)
