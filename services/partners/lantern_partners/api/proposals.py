"""Partner self-service: proposed changes to an organization's record, and staff's review of them."""

from uuid import UUID

from fastapi import APIRouter, Depends
from pydantic import EmailStr, Field

from lantern_shared.http import actor
from lantern_shared.models import RequestModel
from lantern_shared.pagination import Page, PageRequest, keyset, make_page, page_request, time_and_id

from ..deps import Needs
from ..domain.proposals import Proposal, ProposalState
from ..domain.records import PartnerRecord
from ..handlers import proposals

router = APIRouter(tags=["proposals"])


class ProposalRequest(RequestModel):
    record: PartnerRecord = Field(description="The whole record as the partner wants it (as PUT /partners/{id} takes)")
    note: str | None = Field(default=None, max_length=2000, description="What changed and why, for the reviewer")


class ApplyRequest(RequestModel):
    assurer_email: EmailStr | None = Field(default=None, description="Who confirmed the record (HSDS assurer_email)")
    note: str | None = Field(default=None, max_length=2000)


class RejectRequest(RequestModel):
    reason: str = Field(min_length=1, max_length=2000, description="Told to the partner")


@router.post("/partners/{partner_id}/proposals", status_code=201, response_model=Proposal)
async def propose(partner_id: UUID, proposed: ProposalRequest, deps: Needs, who: str = Depends(actor)) -> Proposal:
    """A partner contact proposes a change to their organization's record; nothing changes until staff apply it."""
    return await proposals.propose(deps, partner_id, proposed.record, proposed.note, who)


@router.get("/proposals", response_model=Page[Proposal])
async def list_proposals(deps: Needs, partner_id: UUID | None = None, state: ProposalState | None = None,
                         page: PageRequest = Depends(page_request)) -> Page[Proposal]:
    """Proposals, oldest first (the review queue is `state=pending`)."""
    rows = await proposals.listed(deps, partner_id=partner_id, state=state, after=keyset(page), limit=page.limit + 1)
    return make_page(rows, page.limit, sort_key=lambda p: time_and_id(p.proposed_at, p.id))


@router.get("/proposals/{proposal_id}", response_model=Proposal)
async def proposal(proposal_id: UUID, deps: Needs) -> Proposal:
    return await proposals.get(deps, proposal_id)


@router.post("/proposals/{proposal_id}/apply", response_model=Proposal)
async def apply(proposal_id: UUID, review: ApplyRequest, deps: Needs, who: str = Depends(actor)) -> Proposal:
    """Staff apply the proposal: the record becomes it, each service assured today (409 if the record changed since)."""
    return await proposals.apply(deps, proposal_id, review.assurer_email, review.note, who)


@router.post("/proposals/{proposal_id}/reject", response_model=Proposal)
async def reject(proposal_id: UUID, review: RejectRequest, deps: Needs, who: str = Depends(actor)) -> Proposal:
    return await proposals.reject(deps, proposal_id, review.reason, who)
