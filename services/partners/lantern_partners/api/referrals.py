"""Referrals of consenting patrons to partners' services, and their outcomes."""

from datetime import datetime
from typing import Literal
from uuid import UUID

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from lantern_shared.pagination import Page, PageRequest, make_page, page_request
from lantern_shared.problems import Problem

from .. import handlers, store
from ..domain import ReferralOutcome
from .common import actor, answers, clock, keyset, metrics, runtime

router = APIRouter(tags=["referrals"])


class OutcomeRequest(BaseModel):
    outcome: Literal["contacted", "served", "declined"]
    note: str | None = Field(default=None, max_length=2000)


class ReferralConsent(BaseModel):
    patron_id: UUID
    known: bool = Field(description="Whether registration has told partners about this patron")
    consent_to_referral: bool


@router.post("/referrals", status_code=201, response_model=store.Referral)
async def refer(referral: handlers.ReferralRequest, request: Request, who: str = Depends(actor)) -> store.Referral:
    with answers():
        return await handlers.make_referral(runtime(request).pool, runtime(request).outbox, metrics(request), referral,
                                            clock(request).now(), who)


@router.get("/patrons/{patron_id}/referral-consent", response_model=ReferralConsent)
async def referral_consent(patron_id: UUID, request: Request) -> ReferralConsent:
    """Whether staff may refer this patron (as registration last told partners); no personal data."""
    async with runtime(request).pool.acquire() as conn:
        consent = await store.get_consent(conn, patron_id)
    return ReferralConsent(patron_id=patron_id, known=consent is not None,
                           consent_to_referral=bool(consent and consent.consent))


@router.get("/referrals", response_model=Page[store.Referral])
async def referrals(
    request: Request, patron_id: UUID | None = None, partner_id: UUID | None = None,
    outcome: ReferralOutcome | None = None, page: PageRequest = Depends(page_request),
) -> Page[store.Referral]:
    async with runtime(request).pool.acquire() as conn:
        rows = await store.list_referrals(conn, patron_id=patron_id, partner_id=partner_id, outcome=outcome,
                                          after=keyset(page, datetime.fromisoformat, UUID), limit=page.limit + 1)
    return make_page(rows, page.limit, sort_key=lambda r: [r.created_at.isoformat(), str(r.id)])


@router.get("/referrals/{referral_id}", response_model=store.Referral)
async def referral(referral_id: UUID, request: Request) -> store.Referral:
    async with runtime(request).pool.acquire() as conn:
        found = await store.get_referral(conn, referral_id)
    if found is None:
        raise Problem(404, "Not found", f"No referral {referral_id}.")
    return found


@router.post("/referrals/{referral_id}/outcome", response_model=store.Referral)
async def outcome(
    referral_id: UUID, recorded: OutcomeRequest, request: Request, who: str = Depends(actor),
) -> store.Referral:
    with answers():
        return await handlers.record_outcome(runtime(request).pool, metrics(request), referral_id, recorded.outcome,
                                             recorded.note, who)
