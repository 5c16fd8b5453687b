"""Distribution lists and broadcasts to them."""

from uuid import UUID

from fastapi import APIRouter, Body, Depends, Response
from pydantic import Field

from lantern_shared.http import actor
from lantern_shared.models import RequestModel
from lantern_shared.pagination import Page, PageRequest, make_page, page_request

from ..deps import Needs
from ..domain.broadcasts import BroadcastMessage
from ..handlers import lists
from ..store.lists import DistributionList
from .cursors import NAME_AND_ID, typed_keyset

router = APIRouter(tags=["distribution lists"])


class NewList(RequestModel):
    name: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=2000)


class Membership(RequestModel):
    contact_id: UUID | None = Field(
        default=None, description="Who at the organization receives broadcasts; its first contact if omitted")


@router.post("/distribution-lists", status_code=201, response_model=DistributionList)
async def new_list(new: NewList, deps: Needs) -> DistributionList:
    return await lists.create(deps, new.name, new.description)


@router.get("/distribution-lists", response_model=Page[DistributionList])
async def all_lists(deps: Needs, page: PageRequest = Depends(page_request)) -> Page[DistributionList]:
    rows = await lists.listed(deps, after=typed_keyset(page, *NAME_AND_ID), limit=page.limit + 1)
    return make_page(rows, page.limit, sort_key=lambda d: [d.name.lower(), str(d.id)])


@router.get("/distribution-lists/{list_id}", response_model=lists.ListWithMembers)
async def one_list(list_id: UUID, deps: Needs) -> lists.ListWithMembers:
    return await lists.get(deps, list_id)


@router.put("/distribution-lists/{list_id}/members/{partner_id}", status_code=204)
async def add_member(list_id: UUID, partner_id: UUID, deps: Needs,
                     membership: Membership = Body(default_factory=Membership)) -> Response:
    await lists.add_member(deps, list_id, partner_id, membership.contact_id)
    return Response(status_code=204)


@router.delete("/distribution-lists/{list_id}/members/{partner_id}", status_code=204)
async def remove_member(list_id: UUID, partner_id: UUID, deps: Needs) -> Response:
    await lists.remove_member(deps, list_id, partner_id)
    return Response(status_code=204)


@router.post("/distribution-lists/{list_id}/broadcasts", status_code=202, response_model=lists.BroadcastReceipt)
async def broadcast(
    list_id: UUID, message: BroadcastMessage, deps: Needs, who: str = Depends(actor),
) -> lists.BroadcastReceipt:
    return await lists.request_broadcast(deps, list_id, message, who)
