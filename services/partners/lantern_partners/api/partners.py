"""Partner organizations: records, partnership status and its history, signing agreements."""

from uuid import UUID

from fastapi import APIRouter, Depends, Query
from pydantic import Field

from lantern_shared.http import actor
from lantern_shared.models import RequestModel
from lantern_shared.pagination import Page, PageRequest, make_page, page_request

from ..deps import Needs
from ..domain.partnership import Agreement, AgreementTerms
from ..domain.records import Partner, PartnerKind, PartnerRecord, PartnerStatus
from ..handlers import agreements, partners
from ..store.partners import StatusChange
from .cursors import NAME_AND_ID, typed_keyset

router = APIRouter(tags=["partners"])


class StatusChangeRequest(RequestModel):
    status: PartnerStatus
    reason: str | None = Field(default=None, max_length=1000, description="Required for a lapse; the partner is told it")


@router.post("/partners", status_code=201, response_model=Partner)
async def register(record: PartnerRecord, deps: Needs, who: str = Depends(actor)) -> Partner:
    return await partners.register(deps, record, who)


@router.get("/partners", response_model=Page[Partner])
async def list_partners(
    deps: Needs, kind: PartnerKind | None = None, status: PartnerStatus | None = None,
    q: str | None = Query(None, max_length=200, description="Part of the name"),
    page: PageRequest = Depends(page_request),
) -> Page[Partner]:
    rows = await partners.listed(deps, kind=kind, status=status, text=q, after=typed_keyset(page, *NAME_AND_ID),
                                 limit=page.limit + 1)
    return make_page(rows, page.limit, sort_key=lambda p: [p.name.lower(), str(p.id)])


@router.get("/partners/{partner_id}", response_model=Partner)
async def get_partner(partner_id: UUID, deps: Needs) -> Partner:
    return await partners.get(deps, partner_id)


@router.put("/partners/{partner_id}", response_model=Partner)
async def replace(partner_id: UUID, record: PartnerRecord, deps: Needs, who: str = Depends(actor)) -> Partner:
    return await partners.replace_record(deps, partner_id, record, who)


@router.post("/partners/{partner_id}/status", response_model=Partner)
async def change_status(partner_id: UUID, change: StatusChangeRequest, deps: Needs, who: str = Depends(actor)) -> Partner:
    return await partners.change_status(deps, partner_id, change.status, change.reason, who)


@router.get("/partners/{partner_id}/status-history", response_model=Page[StatusChange])
async def status_history(partner_id: UUID, deps: Needs) -> Page[StatusChange]:
    return await partners.status_history(deps, partner_id)


@router.post("/partners/{partner_id}/agreements", status_code=201, response_model=Agreement)
async def sign(partner_id: UUID, terms: AgreementTerms, deps: Needs, who: str = Depends(actor)) -> Agreement:
    return await agreements.sign(deps, partner_id, terms, who)
