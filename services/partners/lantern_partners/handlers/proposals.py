"""Partner self-service: a partner contact proposes a change to their own organization's record; staff review it,
and only an applied proposal reaches the record (with its services' assured_date and the assurer)."""

import uuid
from datetime import datetime
from uuid import UUID

from lantern_shared.refusals import not_found

from ..deps import Deps
from ..domain.proposals import Proposal, assured, check_reviewable, check_still_current
from ..domain.records import PartnerRecord
from ..events import PARTNER_CHANGE_PROPOSED, PARTNER_CHANGE_REVIEWED, PartnerChangeProposed, PartnerChangeReviewed
from ..store import partners, proposals
from .partners import store_record


async def propose(deps: Deps, partner_id: UUID, record: PartnerRecord, note: str | None, actor: str) -> Proposal:
    async with deps.uow() as work:
        partner = await partners.get_partner(work.conn, partner_id)
        if partner is None:
            raise not_found("partner", partner_id)
        based_on = await partners.content_hash(work.conn, partner_id) or ""
        proposal = Proposal(id=uuid.uuid4(), partner_id=partner_id, record=record, note=note, state="pending",
                            proposed_by=actor, proposed_at=deps.clock())
        await proposals.insert(work.conn, proposal, based_on)
        await work.publish(PARTNER_CHANGE_PROPOSED, PartnerChangeProposed(
            proposal_id=proposal.id, partner_id=partner_id, name=partner.name,
        ), key=str(partner_id), subject=f"partners/{partner_id}/proposals/{proposal.id}")
    return proposal


async def apply(deps: Deps, proposal_id: UUID, assurer_email: str | None, note: str | None, actor: str) -> Proposal:
    today = deps.today()
    async with deps.uow() as work:
        found = await proposals.get(work.conn, proposal_id, for_update=True)
        if found is None:
            raise not_found("proposal", proposal_id)
        proposal, based_on = found
        check_reviewable(proposal)
        await partners.lock_partner_id(work.conn, proposal.partner_id)
        check_still_current(based_on, await partners.content_hash(work.conn, proposal.partner_id) or "")
        saved, _ = await store_record(work, proposal.partner_id, assured(proposal.record, today, assurer_email),
                                      actor=actor)
        await proposals.review(work.conn, proposal_id, state="applied", by=actor, at=deps.clock(), note=note,
                               assured_on=today, assurer_email=assurer_email)
        await work.publish(PARTNER_CHANGE_REVIEWED, PartnerChangeReviewed(
            proposal_id=proposal_id, partner_id=proposal.partner_id, name=saved.name, decision="applied",
            assured_on=today,
        ), key=str(proposal.partner_id), subject=f"partners/{proposal.partner_id}/proposals/{proposal_id}")
        reviewed = await proposals.get(work.conn, proposal_id)
    assert reviewed is not None
    return reviewed[0]


async def reject(deps: Deps, proposal_id: UUID, reason: str, actor: str) -> Proposal:
    async with deps.uow() as work:
        found = await proposals.get(work.conn, proposal_id, for_update=True)
        if found is None:
            raise not_found("proposal", proposal_id)
        proposal, _ = found
        check_reviewable(proposal)
        await proposals.review(work.conn, proposal_id, state="rejected", by=actor, at=deps.clock(), note=reason,
                               assured_on=None, assurer_email=None)
        await work.publish(PARTNER_CHANGE_REVIEWED, PartnerChangeReviewed(
            proposal_id=proposal_id, partner_id=proposal.partner_id, name=proposal.record.name, decision="rejected",
        ), key=str(proposal.partner_id), subject=f"partners/{proposal.partner_id}/proposals/{proposal_id}")
        reviewed = await proposals.get(work.conn, proposal_id)
    assert reviewed is not None
    return reviewed[0]


async def get(deps: Deps, proposal_id: UUID) -> Proposal:
    async with deps.pool.acquire() as conn:
        found = await proposals.get(conn, proposal_id)
    if found is None:
        raise not_found("proposal", proposal_id)
    return found[0]


async def listed(deps: Deps, *, partner_id: UUID | None, state: str | None, after: tuple[datetime, UUID] | None,
                 limit: int) -> list[Proposal]:
    async with deps.pool.acquire() as conn:
        return await proposals.listed(conn, partner_id=partner_id, state=state, after=after, limit=limit)
