"""Agreements with partners: listed, ending soon, ended early."""

from datetime import date, timedelta
from typing import Literal
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from lantern_shared.pagination import Page, PageRequest, make_page, page_request
from lantern_shared.problems import Problem

from .. import handlers, store
from ..domain import Agreement, AgreementKind
from .common import actor, answers, clock, keyset, runtime, settings

router = APIRouter(tags=["agreements"])


class EndAgreementRequest(BaseModel):
    ended_on: date | None = Field(default=None, description="Last day the agreement covers; today if omitted")
    reason: str = Field(default="ended early", min_length=1, max_length=1000)


@router.get("/agreements", response_model=Page[Agreement])
async def agreements(
    request: Request, partner_id: UUID | None = None, kind: AgreementKind | None = None,
    state: Literal["upcoming", "active", "ended"] | None = None,
    ending_within_days: int | None = Query(None, ge=0, le=3650, description="Only those in force ending this soon"),
    page: PageRequest = Depends(page_request),
) -> Page[Agreement]:
    today = clock(request).today()
    async with runtime(request).pool.acquire() as conn:
        rows = await store.list_agreements(
            conn, partner_id=partner_id, kind=kind, today=today, state=state,
            ending_by=today + timedelta(days=ending_within_days) if ending_within_days is not None else None,
            after=keyset(page, date.fromisoformat, UUID), limit=page.limit + 1,
        )
    return make_page(rows, page.limit, sort_key=lambda a: [(a.ends_on or date.max).isoformat(), str(a.id)])


@router.get("/agreements/ending-soon", response_model=Page[Agreement])
async def ending_soon(
    request: Request, partner_id: UUID | None = None, page: PageRequest = Depends(page_request),
) -> Page[Agreement]:
    """Agreements in force that end within the configured window, soonest first."""
    return await agreements(request, partner_id, None, None, settings(request).agreements_ending_soon_days, page)


@router.get("/agreements/{agreement_id}", response_model=Agreement)
async def agreement(agreement_id: UUID, request: Request) -> Agreement:
    async with runtime(request).pool.acquire() as conn:
        found = await store.get_agreement(conn, agreement_id)
    if found is None:
        raise Problem(404, "Not found", f"No agreement {agreement_id}.")
    return found


@router.post("/agreements/{agreement_id}/end", response_model=Agreement)
async def end(
    agreement_id: UUID, ending: EndAgreementRequest, request: Request, who: str = Depends(actor),
) -> Agreement:
    with answers():
        return await handlers.end_agreement(runtime(request).pool, runtime(request).outbox, agreement_id,
                                            clock(request).today(), ending.ended_on, ending.reason, who)
