"""Partner organizations: records, partnership status and its history, signing agreements."""

from uuid import UUID

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from lantern_shared.pagination import Page, PageRequest, make_page, page_request
from lantern_shared.problems import Problem

from .. import handlers, store
from ..domain import Agreement, AgreementTerms, Partner, PartnerKind, PartnerRecord, PartnerStatus
from .common import actor, answers, clock, keyset, metrics, runtime

router = APIRouter(tags=["partners"])


class StatusChangeRequest(BaseModel):
    status: PartnerStatus
    reason: str | None = Field(default=None, max_length=1000, description="Required for a lapse; the partner is told it")


@router.post("/partners", status_code=201, response_model=Partner)
async def register(record: PartnerRecord, request: Request, who: str = Depends(actor)) -> Partner:
    with answers():
        return await handlers.register_partner(runtime(request).pool, runtime(request).outbox, record, who)


@router.get("/partners", response_model=Page[Partner])
async def list_partners(
    request: Request, kind: PartnerKind | None = None, status: PartnerStatus | None = None,
    q: str | None = Query(None, max_length=200, description="Part of the name"),
    page: PageRequest = Depends(page_request),
) -> Page[Partner]:
    async with runtime(request).pool.acquire() as conn:
        rows = await store.list_partners(conn, kind=kind, status=status, text=q, after=keyset(page, str, UUID),
                                         limit=page.limit + 1)
    return make_page(rows, page.limit, sort_key=lambda p: [p.name.lower(), str(p.id)])


@router.get("/partners/{partner_id}", response_model=Partner)
async def get_partner(partner_id: UUID, request: Request) -> Partner:
    async with runtime(request).pool.acquire() as conn:
        partner = await store.get_partner(conn, partner_id)
    if partner is None:
        raise Problem(404, "Not found", f"No partner {partner_id}.")
    return partner


@router.put("/partners/{partner_id}", response_model=Partner)
async def replace(partner_id: UUID, record: PartnerRecord, request: Request, who: str = Depends(actor)) -> Partner:
    with answers():
        return await handlers.replace_record(runtime(request).pool, runtime(request).outbox, partner_id, record, who)


@router.post("/partners/{partner_id}/status", response_model=Partner)
async def change_status(
    partner_id: UUID, change: StatusChangeRequest, request: Request, who: str = Depends(actor),
) -> Partner:
    with answers():
        return await handlers.change_status(runtime(request).pool, runtime(request).outbox, metrics(request), partner_id,
                                            change.status, change.reason, who)


@router.get("/partners/{partner_id}/status-history", response_model=Page[store.StatusChange])
async def status_history(partner_id: UUID, request: Request) -> Page[store.StatusChange]:
    async with runtime(request).pool.acquire() as conn:
        if await store.get_partner(conn, partner_id) is None:
            raise Problem(404, "Not found", f"No partner {partner_id}.")
        return Page(items=await store.status_history(conn, partner_id))


@router.post("/partners/{partner_id}/agreements", status_code=201, response_model=Agreement)
async def sign(partner_id: UUID, terms: AgreementTerms, request: Request, who: str = Depends(actor)) -> Agreement:
    with answers():
        return await handlers.sign_agreement(runtime(request).pool, runtime(request).outbox, partner_id, terms,
                                             clock(request).now(), who)
