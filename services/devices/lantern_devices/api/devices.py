"""Inventory routes: units, their states and history, and what is available by kind."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from lantern_shared.http import actor
from lantern_shared.models import RequestModel
from lantern_shared.pagination import Page, PageRequest, make_page, page_request

from ..deps import Needs
from ..domain.devices import Device, DeviceKind, DeviceState, KitItem, ManualTarget, StateChange
from ..handlers import devices
from ..store import devices as inventory

router = APIRouter(tags=["devices"])
Actor = Annotated[str, Depends(actor)]


class NewDevice(RequestModel):
    kind: DeviceKind
    asset_tag: str = Field(min_length=1, max_length=64)
    serial: str = Field(min_length=1, max_length=128)
    home_branch: str = Field(min_length=1, max_length=100)
    model: str | None = Field(default=None, max_length=200)
    contents: list[KitItem] = []
    emergency_pool: bool = False


class DeviceChanges(RequestModel):
    home_branch: str | None = Field(default=None, min_length=1, max_length=100)
    model: str | None = Field(default=None, max_length=200)
    contents: list[KitItem] | None = None
    emergency_pool: bool | None = None


class StateChangeRequest(RequestModel):
    to_state: ManualTarget
    reason: str = Field(min_length=1, max_length=500)


class Availability(BaseModel):
    kind: DeviceKind
    available: int
    holds_waiting: int


def sort_key(item) -> list[str]:
    return [item.created_at.isoformat(), str(item.id)]


@router.post("/devices", response_model=Device, status_code=201)
async def add_device(body: NewDevice, deps: Needs, who: Actor) -> Device:
    return await devices.add_device(deps, kind=body.kind, asset_tag=body.asset_tag, serial=body.serial,
                                    home_branch=body.home_branch, model=body.model, contents=body.contents,
                                    emergency_pool=body.emergency_pool, actor=who)


@router.get("/devices", response_model=Page[Device])
async def list_devices(
    deps: Needs, page: PageRequest = Depends(page_request), kind: DeviceKind | None = None,
    state: DeviceState | None = None, home_branch: str | None = None, emergency_pool: bool | None = None,
    asset_tag: str | None = None,
) -> Page[Device]:
    async with deps.pool.acquire() as conn:
        rows = await inventory.list_devices(conn, kind=kind, state=state, home_branch=home_branch,
                                            emergency_pool=emergency_pool, asset_tag=asset_tag, after=page.after,
                                            limit=page.limit)
    return make_page(rows, page.limit, sort_key=sort_key)


@router.get("/availability", response_model=list[Availability])
async def availability(deps: Needs) -> list[Availability]:
    """What a patron can borrow now, by kind, and how long the queue is (no unit details)."""
    async with deps.pool.acquire() as conn:
        found = await inventory.availability(conn)
    return [Availability(kind=k, available=found[k][0], holds_waiting=found[k][1]) for k in DeviceKind]


@router.get("/devices/{device_id}", response_model=Device)
async def get_device(device_id: UUID, deps: Needs) -> Device:
    return await devices.get_device(deps, device_id)


@router.patch("/devices/{device_id}", response_model=Device)
async def update_device(device_id: UUID, body: DeviceChanges, deps: Needs) -> Device:
    return await devices.update_device(deps, device_id, home_branch=body.home_branch, model=body.model,
                                       contents=body.contents, emergency_pool=body.emergency_pool)


@router.post("/devices/{device_id}/state", response_model=Device)
async def change_state(device_id: UUID, body: StateChangeRequest, deps: Needs, who: Actor) -> Device:
    return await devices.change_device_state(deps, device_id, DeviceState(body.to_state), body.reason, who)


@router.post("/devices/{device_id}/wipe", response_model=Device)
async def confirm_wipe(device_id: UUID, deps: Needs, who: Actor) -> Device:
    """Staff confirm that a returned device was wiped: it leaves quarantine (or goes to the first hold)."""
    return await devices.confirm_wipe(deps, device_id, who)


@router.get("/devices/{device_id}/history", response_model=list[StateChange])
async def history(device_id: UUID, deps: Needs) -> list[StateChange]:
    return await devices.history(deps, device_id)
