"""Referrals of consenting patrons to partners' services, and their outcomes."""

from uuid import UUID

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from lantern_shared.http import actor
from lantern_shared.models import RequestModel
from lantern_shared.pagination import Page, PageRequest, keyset, make_page, page_request, time_and_id

from ..deps import Needs
from ..domain.referrals import ReferralOutcome, ReportedStatus
from ..handlers import patrons, referrals
from ..store.referrals import Referral, StatusChange

router = APIRouter(tags=["referrals"])


class OutcomeRequest(RequestModel):
    outcome: ReportedStatus
    note: str | None = Field(default=None, max_length=2000)


class ReferralConsent(BaseModel):
    patron_id: UUID
    known: bool = Field(description="Whether registration has told partners about this patron")
    consent_to_referral: bool


@router.post("/referrals", status_code=201, response_model=Referral)
async def refer(referral: referrals.ReferralRequest, deps: Needs, who: str = Depends(actor)) -> Referral:
    return await referrals.refer(deps, referral, who)


@router.get("/patrons/{patron_id}/referral-consent", response_model=ReferralConsent)
async def referral_consent(patron_id: UUID, deps: Needs) -> ReferralConsent:
    """Whether staff may refer this patron (as registration last told partners); no personal data."""
    consent = await patrons.consent(deps, patron_id)
    return ReferralConsent(patron_id=patron_id, known=consent is not None,
                           consent_to_referral=bool(consent and consent.consent))


@router.get("/referrals", response_model=Page[Referral])
async def list_referrals(
    deps: Needs, patron_id: UUID | None = None, partner_id: UUID | None = None,
    outcome: ReferralOutcome | None = None, page: PageRequest = Depends(page_request),
) -> Page[Referral]:
    rows = await referrals.listed(deps, patron_id=patron_id, partner_id=partner_id, outcome=outcome,
                                  after=keyset(page), limit=page.limit + 1)
    return make_page(rows, page.limit, sort_key=lambda r: time_and_id(r.created_at, r.id))


@router.get("/referrals/{referral_id}", response_model=Referral)
async def referral(referral_id: UUID, deps: Needs) -> Referral:
    return await referrals.get(deps, referral_id)


@router.post("/referrals/{referral_id}/outcome", response_model=Referral)
async def outcome(referral_id: UUID, recorded: OutcomeRequest, deps: Needs, who: str = Depends(actor)) -> Referral:
    """The referrer (staff), the partner or the patron reports the referral's status; `lantern.referral.status_changed`."""
    return await referrals.record_outcome(deps, referral_id, recorded.outcome, recorded.note, who)


@router.get("/referrals/{referral_id}/history", response_model=Page[StatusChange])
async def history(referral_id: UUID, deps: Needs) -> Page[StatusChange]:
    """Every status change of a referral: from, to, which party, when (no notes, no names)."""
    return Page(items=await referrals.history(deps, referral_id))
