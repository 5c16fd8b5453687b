"""Hold routes: placing, reading and cancelling a borrower's place in the queue for a kind."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends
from pydantic import Field

from lantern_shared.http import actor
from lantern_shared.models import RequestModel
from lantern_shared.pagination import Page, PageRequest, make_page, page_request

from ..deps import Needs
from ..domain.devices import DeviceKind
from ..domain.holds import Hold, HoldStatus
from ..handlers import holds
from .devices import sort_key

router = APIRouter(tags=["holds"])
Actor = Annotated[str, Depends(actor)]


class NewHold(RequestModel):
    borrower_id: UUID
    device_kind: DeviceKind
    pickup_branch: str | None = Field(default=None, max_length=100)


class HoldView(Hold):
    position: int | None = None  # place in the queue while waiting


def view(hold: Hold, position: int | None = None) -> HoldView:
    return HoldView(**hold.model_dump(), position=position)


@router.post("/holds", response_model=HoldView, status_code=201)
async def place_hold(body: NewHold, deps: Needs) -> HoldView:
    placed = await holds.place_hold(deps, borrower_id=body.borrower_id, kind=body.device_kind,
                                    pickup_branch=body.pickup_branch)
    return view(*await holds.get_hold(deps, placed.id))


@router.get("/holds", response_model=Page[HoldView])
async def list_holds(
    deps: Needs, page: PageRequest = Depends(page_request), borrower_id: UUID | None = None,
    device_kind: DeviceKind | None = None, status: HoldStatus | None = None,
) -> Page[HoldView]:
    found = await holds.list_holds(deps, borrower_id=borrower_id, kind=device_kind, status=status, after=page.after,
                                   limit=page.limit)
    return make_page([view(*h) for h in found], page.limit, sort_key=sort_key)


@router.get("/holds/{hold_id}", response_model=HoldView)
async def get_hold(hold_id: UUID, deps: Needs) -> HoldView:
    return view(*await holds.get_hold(deps, hold_id))


@router.delete("/holds/{hold_id}", response_model=HoldView)
async def cancel_hold(hold_id: UUID, deps: Needs, who: Actor) -> HoldView:
    return view(await holds.cancel_hold(deps, hold_id, who))
