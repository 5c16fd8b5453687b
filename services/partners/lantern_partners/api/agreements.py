"""Agreements with partners: listed, ending soon, ended early."""

from datetime import date
from typing import Literal
from uuid import UUID

from fastapi import APIRouter, Depends, Query
from pydantic import Field

from lantern_shared.http import actor
from lantern_shared.models import RequestModel
from lantern_shared.pagination import Page, PageRequest, make_page, page_request

from ..deps import Deps, Needs
from ..domain.partnership import Agreement, AgreementKind
from ..handlers import agreements
from .cursors import typed_keyset

router = APIRouter(tags=["agreements"])


class EndAgreementRequest(RequestModel):
    ended_on: date | None = Field(default=None, description="Last day the agreement covers; today if omitted")
    reason: str = Field(default="ended early", min_length=1, max_length=1000)


async def _page(deps: Deps, page: PageRequest, *, partner_id: UUID | None, kind: str | None, state: str | None,
                ending_within_days: int | None) -> Page[Agreement]:
    rows = await agreements.listed(deps, partner_id=partner_id, kind=kind, state=state,
                                   ending_within_days=ending_within_days,
                                   after=typed_keyset(page, date.fromisoformat, UUID), limit=page.limit + 1)
    return make_page(rows, page.limit, sort_key=lambda a: [(a.ends_on or date.max).isoformat(), str(a.id)])


@router.get("/agreements", response_model=Page[Agreement])
async def list_agreements(
    deps: Needs, partner_id: UUID | None = None, kind: AgreementKind | None = None,
    state: Literal["upcoming", "active", "ended"] | None = None,
    ending_within_days: int | None = Query(None, ge=0, le=3650, description="Only those in force ending this soon"),
    page: PageRequest = Depends(page_request),
) -> Page[Agreement]:
    return await _page(deps, page, partner_id=partner_id, kind=kind, state=state, ending_within_days=ending_within_days)


@router.get("/agreements/ending-soon", response_model=Page[Agreement])
async def ending_soon(deps: Needs, partner_id: UUID | None = None, page: PageRequest = Depends(page_request)) -> Page[Agreement]:
    """Agreements in force that end within the configured window, soonest first."""
    return await _page(deps, page, partner_id=partner_id, kind=None, state=None,
                       ending_within_days=deps.agreements_ending_soon_days)


@router.get("/agreements/{agreement_id}", response_model=Agreement)
async def agreement(agreement_id: UUID, deps: Needs) -> Agreement:
    return await agreements.get(deps, agreement_id)


@router.post("/agreements/{agreement_id}/end", response_model=Agreement)
async def end(agreement_id: UUID, ending: EndAgreementRequest, deps: Needs, who: str = Depends(actor)) -> Agreement:
    return await agreements.end(deps, agreement_id, ending.ended_on, ending.reason, who)
