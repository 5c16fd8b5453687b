"""Distribution lists and broadcasts to them."""

from uuid import UUID, uuid4

import asyncpg
from fastapi import APIRouter, Body, Depends, Request, Response
from pydantic import BaseModel, Field

from lantern_shared.pagination import Page, PageRequest, make_page, page_request
from lantern_shared.problems import Problem

from .. import handlers, store
from ..domain import BroadcastMessage
from .common import CONFLICT, actor, answers, keyset, metrics, runtime

router = APIRouter(tags=["distribution lists"])


class NewList(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=2000)


class Membership(BaseModel):
    contact_id: UUID | None = Field(
        default=None, description="Who at the organization receives broadcasts; its first contact if omitted")


class ListWithMembers(store.DistributionList):
    members: list[store.ListMember]


@router.post("/distribution-lists", status_code=201, response_model=store.DistributionList)
async def new_list(new: NewList, request: Request) -> store.DistributionList:
    async with runtime(request).pool.acquire() as conn:
        try:
            return await store.insert_list(conn, uuid4(), new.name, new.description)
        except asyncpg.UniqueViolationError as exc:
            raise Problem(409, "Conflict", f"a distribution list is already called {new.name!r}", type=CONFLICT,
                          reason="name taken") from exc


@router.get("/distribution-lists", response_model=Page[store.DistributionList])
async def lists(request: Request, page: PageRequest = Depends(page_request)) -> Page[store.DistributionList]:
    async with runtime(request).pool.acquire() as conn:
        rows = await store.list_lists(conn, after=keyset(page, str, UUID), limit=page.limit + 1)
    return make_page(rows, page.limit, sort_key=lambda d: [d.name.lower(), str(d.id)])


@router.get("/distribution-lists/{list_id}", response_model=ListWithMembers)
async def one_list(list_id: UUID, request: Request) -> ListWithMembers:
    async with runtime(request).pool.acquire() as conn:
        found = await store.get_list(conn, list_id)
        if found is None:
            raise Problem(404, "Not found", f"No distribution list {list_id}.")
        return ListWithMembers(**found.model_dump(), members=await store.members(conn, list_id))


@router.put("/distribution-lists/{list_id}/members/{partner_id}", status_code=204)
async def add_member(list_id: UUID, partner_id: UUID, request: Request,
                     membership: Membership = Body(default_factory=Membership)) -> Response:
    with answers():
        await handlers.add_to_list(runtime(request).pool, list_id, partner_id, membership.contact_id)
    return Response(status_code=204)


@router.delete("/distribution-lists/{list_id}/members/{partner_id}", status_code=204)
async def remove_member(list_id: UUID, partner_id: UUID, request: Request) -> Response:
    async with runtime(request).pool.acquire() as conn:
        if not await store.remove_member(conn, list_id, partner_id):
            raise Problem(404, "Not found", f"Partner {partner_id} is not on list {list_id}.")
    return Response(status_code=204)


@router.post("/distribution-lists/{list_id}/broadcasts", status_code=202, response_model=handlers.BroadcastReceipt,
          tags=["distribution lists"])
async def broadcast(
    list_id: UUID, message: BroadcastMessage, request: Request, who: str = Depends(actor),
) -> handlers.BroadcastReceipt:
    with answers():
        return await handlers.request_broadcast(runtime(request).pool, runtime(request).outbox, metrics(request), list_id,
                                                message, who)
