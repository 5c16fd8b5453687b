"""Inventory use cases: adding units, state changes (by staff and by lending), confirmed wipes and MDM telemetry."""

import logging
import uuid
from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

import asyncpg

from lantern_shared.refusals import Refusal, conflict, not_found
from lantern_shared.uow import UnitOfWork

from ..domain.devices import Device, DeviceKind, DeviceState, KitItem, StateChange, check_manual_transition, check_transition
from ..events import DEVICE_ADDED, DEVICE_STATE_CHANGED, DeviceAdded, DeviceReported, DeviceStateChanged, DeviceWiped
from ..store import devices, holds as held, loans, offers as offered
from . import holds

if TYPE_CHECKING:
    from ..deps import Deps

log = logging.getLogger(__name__)


async def transition(work: UnitOfWork, device: Device, to_state: DeviceState, reason: str, actor: str) -> Device:
    check_transition(device.state, to_state)
    await devices.change_state(work.conn, device.id, device.state, to_state, reason, actor)
    await work.publish(
        DEVICE_STATE_CHANGED,
        DeviceStateChanged(device_id=device.id, kind=device.kind, asset_tag=device.asset_tag, from_state=device.state,
                           to_state=to_state, reason=reason, actor=actor),
        key=str(device.id), subject=f"devices/{device.id}",
    )
    return device.model_copy(update={"state": to_state})


async def make_available(deps: "Deps", work: UnitOfWork, device: Device, reason: str, actor: str, now: datetime) -> Device:
    """Back on the shelf, unless someone is waiting for its kind: then it goes to them."""
    device = await transition(work, device, DeviceState.AVAILABLE, reason, actor)
    if await holds.offer_to_queue(deps, work, device, actor, now):
        return device.model_copy(update={"state": DeviceState.RESERVED})
    return device


async def locked(work: UnitOfWork, device_id: UUID) -> Device:
    device = await devices.locked_device(work.conn, device_id)
    if device is None:
        raise not_found("device", device_id)
    return device


async def add_device(deps: "Deps", *, kind: DeviceKind, asset_tag: str, serial: str, home_branch: str,
                     model: str | None, contents: list[KitItem], emergency_pool: bool, actor: str) -> Device:
    now = deps.clock()
    async with deps.uow() as work:
        await devices.lock_kind(work.conn, kind)
        try:
            device = await devices.insert_device(work.conn, uuid.uuid4(), kind, asset_tag, serial, home_branch, model,
                                                 contents, emergency_pool)
        except asyncpg.UniqueViolationError as exc:
            field = "asset_tag" if "asset_tag" in (exc.constraint_name or "") else "serial"
            raise conflict(f"duplicate_{field}", f"a device with this {field.replace('_', ' ')} already exists") from exc
        await devices.change_state(work.conn, device.id, None, DeviceState.AVAILABLE, "added to inventory", actor)
        await work.publish(
            DEVICE_ADDED,
            DeviceAdded(device_id=device.id, kind=device.kind, asset_tag=device.asset_tag, home_branch=device.home_branch,
                        emergency_pool=device.emergency_pool),
            key=str(device.id), subject=f"devices/{device.id}",
        )
        if await holds.offer_to_queue(deps, work, device, actor, now):
            device = device.model_copy(update={"state": DeviceState.RESERVED})
    return device


async def change_device_state(deps: "Deps", device_id: UUID, to_state: DeviceState, reason: str, actor: str) -> Device:
    now = deps.clock()
    async with deps.uow() as work:
        device = await locked(work, device_id)
        check_manual_transition(device.state, to_state)
        if device.state is DeviceState.RESERVED and await held.ready_hold_on(work.conn, device.id) is not None:
            raise conflict("held_for_pickup", "this device is waiting for a borrower's pickup; cancel the hold first")
        if device.state is DeviceState.RESERVED and await offered.open_offer_on(work.conn, device.id) is not None:
            raise conflict("offered_to_applicant", "this device is offered to an applicant; the offer must close first")
        if to_state is DeviceState.AVAILABLE:
            if await loans.wipe_pending(work.conn, device.id):
                raise conflict("wipe_not_confirmed", "this device came back from a loan and its wipe is not confirmed")
            return await make_available(deps, work, device, reason, actor, now)
        return await transition(work, device, to_state, reason, actor)


async def apply_wipe(deps: "Deps", work: UnitOfWork, device_id: UUID, wiped_at: datetime, actor: str,
                     now: datetime) -> Device:
    """A confirmed wipe ends quarantine: the unit is lendable again and its last borrowers' links can go."""
    device = await locked(work, device_id)
    awaiting = device.state is DeviceState.QUARANTINED or (
        device.state is DeviceState.IN_MAINTENANCE and await loans.wipe_pending(work.conn, device.id))
    if not awaiting:
        raise conflict("not_quarantined", f"the device is {device.state}, not awaiting a wipe")
    await loans.clear_returned_loans(work.conn, device.id, min(wiped_at, now))
    await loans.anonymize_cleared(work.conn, now, now - deps.policy.anonymize_after_clear)
    if device.state is DeviceState.IN_MAINTENANCE:  # wiped in the workshop: it stays there until repaired
        return device
    return await make_available(deps, work, device, "wipe confirmed", actor, now)


async def confirm_wipe(deps: "Deps", device_id: UUID, actor: str) -> Device:
    now = deps.clock()
    async with deps.uow() as work:
        return await apply_wipe(deps, work, device_id, now, actor, now)


async def device_wiped(deps: "Deps", work: UnitOfWork, event: DeviceWiped) -> None:
    """The MDM system confirms a wipe. Wipes of unknown units or units not in quarantine change nothing."""
    device = await devices.find_device(work.conn, asset_tag=event.asset_tag, serial=event.serial)
    if device is None:
        log.warning("wipe reported for a device not in inventory", extra={"mdm_id": event.mdm_id})
        return
    try:
        await apply_wipe(deps, work, device.id, event.wiped_at, f"mdm:{event.mdm_id or 'unknown'}", deps.clock())
    except Refusal as refused:  # routine MDM wipes of units not awaiting one
        log.info("wipe of %s ignored: %s", device.asset_tag, refused.detail)


async def device_reported(deps: "Deps", work: UnitOfWork, event: DeviceReported) -> None:
    device = await devices.find_device(work.conn, asset_tag=event.asset_tag, serial=event.serial)
    if device is not None:
        await devices.touch_last_seen(work.conn, device.id, event.last_seen_at or event.reported_at)


# ---- reads --------------------------------------------------------------------------------------------------

async def get_device(deps: "Deps", device_id: UUID) -> Device:
    async with deps.pool.acquire() as conn:
        device = await devices.get_device(conn, device_id)
    if device is None:
        raise not_found("device", device_id)
    return device


async def update_device(deps: "Deps", device_id: UUID, *, home_branch: str | None, model: str | None,
                        contents: list[KitItem] | None, emergency_pool: bool | None) -> Device:
    async with deps.pool.acquire() as conn:
        device = await devices.update_device(conn, device_id, home_branch=home_branch, model=model, contents=contents,
                                             emergency_pool=emergency_pool)
    if device is None:
        raise not_found("device", device_id)
    return device


async def history(deps: "Deps", device_id: UUID) -> list[StateChange]:
    async with deps.pool.acquire() as conn:
        if await devices.get_device(conn, device_id) is None:
            raise not_found("device", device_id)
        return await devices.state_history(conn, device_id)
