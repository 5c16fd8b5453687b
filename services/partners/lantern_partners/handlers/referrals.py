"""Referrals: only with the patron's consent, sharing only what they agreed to; outcomes."""

import uuid
from datetime import datetime
from uuid import UUID

from pydantic import Field

from lantern_shared.models import RequestModel
from lantern_shared.refusals import Kind, Refusal, conflict, not_found

from .. import errors
from ..deps import Deps
from ..domain.referrals import check_outcome, choose_need, party_of
from ..events import (
    REFERRAL_CREATED, REFERRAL_STATUS_CHANGED, ReferralCreated, ReferralStatusChanged, SharedWithPartner,
)
from ..store import partners, patrons, referrals


class ReferralRequest(RequestModel):
    patron_id: UUID
    service_id: UUID
    need: str | None = Field(default=None, description="The need referred for; the service's first need if omitted")
    contact_id: UUID | None = Field(default=None, description="The partner contact to tell; the organization's first if omitted")
    share_email: bool = Field(default=False, description="The patron agreed to give the partner their email")
    share_phone: bool = Field(default=False, description="The patron agreed to give the partner their phone")


async def refer(deps: Deps, request: ReferralRequest, actor: str) -> referrals.Referral:
    try:
        referral = await _refer(deps, request, actor)
    except Refusal as refused:
        if refused.kind is Kind.CONFLICT:
            deps.metrics.referrals_refused.labels(refused.reason).inc()
        raise
    deps.metrics.referrals.inc()
    return referral


async def _refer(deps: Deps, request: ReferralRequest, actor: str) -> referrals.Referral:
    async with deps.uow() as work:
        partner_id = await partners.partner_of_service(work.conn, request.service_id)
        partner = await partners.get_partner(work.conn, partner_id) if partner_id else None
        service = partner.service(request.service_id) if partner else None
        if partner is None or service is None:
            raise errors.service_not_found(request.service_id)
        if service.status != "active":
            raise conflict("service_not_accepting_referrals", f"{service.name} is {service.status}")
        consent = await patrons.get_consent(work.conn, request.patron_id)
        if consent is None or not consent.consent:
            raise conflict("no_consent_to_referral",
                           "the patron has not consented to be referred to partners (registration records consent)")
        need = choose_need(service, request.need)
        if request.contact_id is not None and partner.contact(request.contact_id) is None:
            raise errors.contact_not_of_partner(request.contact_id, partner.name)
        contact = partner.contact(request.contact_id) if request.contact_id else next(iter(partner.contacts), None)
        # Only the first name, and email or phone only where the patron agreed to give them.
        shared = SharedWithPartner(
            first_name=consent.first_name or "",
            email=consent.email if request.share_email else None,
            phone=consent.phone if request.share_phone else None,
        )
        referral = referrals.Referral(
            id=uuid.uuid4(), patron_id=request.patron_id, partner_id=partner.id, service_id=service.id,
            service_name=service.name, need=need, contact_id=contact.id if contact else None,
            shared_fields=["first_name", *(f for f in ("email", "phone") if getattr(shared, f))],
            outcome="pending", outcome_note=None, created_at=deps.local_now(), outcome_at=None, made_by=actor,
            outcome_by=None,
        )
        await referrals.insert_referral(work.conn, referral)
        await work.publish(REFERRAL_CREATED, ReferralCreated(
            referral_id=referral.id, patron_id=request.patron_id, partner_id=partner.id, service_id=service.id,
            service_name=service.name, need=need, contact_id=referral.contact_id, shared_with_partner=shared,
            partner_name=partner.name,
        ), key=str(referral.id), subject=f"referrals/{referral.id}")
    return referral


async def record_outcome(deps: Deps, referral_id: UUID, outcome: str, note: str | None, actor: str) -> referrals.Referral:
    """The referrer, the partner or the patron reports where the referral stands; each change is an event."""
    party = party_of(actor)
    async with deps.uow() as work:
        referral = await referrals.get_referral(work.conn, referral_id, for_update=True)
        if referral is None:
            raise not_found("referral", referral_id)
        check_outcome(referral.outcome, outcome)
        at = deps.clock()
        await referrals.record_outcome(work.conn, referral_id, referral.outcome, outcome, note, actor, party, at)
        # No note and no patron in the event: a note is free text and may say anything about the person.
        await work.publish(REFERRAL_STATUS_CHANGED, ReferralStatusChanged(
            referral_id=referral_id, partner_id=referral.partner_id, service_id=referral.service_id, status=outcome,
            previous_status=referral.outcome, party=party, changed_at=at,
        ), key=str(referral_id), subject=f"referrals/{referral_id}")
        updated = await referrals.get_referral(work.conn, referral_id)
    deps.metrics.referral_outcomes.labels(outcome).inc()
    assert updated is not None
    return updated


async def history(deps: Deps, referral_id: UUID) -> list[referrals.StatusChange]:
    async with deps.pool.acquire() as conn:
        if await referrals.get_referral(conn, referral_id) is None:
            raise not_found("referral", referral_id)
        return await referrals.status_history(conn, referral_id)


async def get(deps: Deps, referral_id: UUID) -> referrals.Referral:
    async with deps.pool.acquire() as conn:
        found = await referrals.get_referral(conn, referral_id)
    if found is None:
        raise not_found("referral", referral_id)
    return found


async def listed(
    deps: Deps, *, patron_id: UUID | None, partner_id: UUID | None, outcome: str | None,
    after: tuple[datetime, UUID] | None, limit: int,
) -> list[referrals.Referral]:
    async with deps.pool.acquire() as conn:
        return await referrals.list_referrals(conn, patron_id=patron_id, partner_id=partner_id, outcome=outcome,
                                              after=after, limit=limit)
