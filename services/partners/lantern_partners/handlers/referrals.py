"""Referrals: only with the patron's consent, sharing only what they agreed to; outcomes."""

import uuid
from datetime import datetime
from uuid import UUID

import asyncpg
from pydantic import BaseModel, Field

from lantern_shared.outbox import Outbox

from .. import store
from ..domain import RuleBroken, check_outcome, choose_need
from ..events import REFERRAL_CREATED, ReferralCreated, SharedWithPartner
from ..metrics import PartnerMetrics
from .common import NotFound


class ReferralRequest(BaseModel):
    patron_id: UUID
    service_id: UUID
    need: str | None = Field(default=None, description="The need referred for; the service's first need if omitted")
    contact_id: UUID | None = Field(default=None, description="The partner contact to tell; the organization's first if omitted")
    share_email: bool = Field(default=False, description="The patron agreed to give the partner their email")
    share_phone: bool = Field(default=False, description="The patron agreed to give the partner their phone")


async def make_referral(
    pool: asyncpg.Pool, outbox: Outbox, metrics: PartnerMetrics, request: ReferralRequest, now: datetime, actor: str,
) -> store.Referral:
    try:
        referral = await _make_referral(pool, outbox, request, now, actor)
    except RuleBroken as refused:
        metrics.referrals_refused.labels(refused.reason).inc()
        raise
    metrics.referrals.inc()
    return referral


async def _make_referral(
    pool: asyncpg.Pool, outbox: Outbox, request: ReferralRequest, now: datetime, actor: str,
) -> store.Referral:
    async with pool.acquire() as conn, conn.transaction():
        partner_id = await store.partner_of_service(conn, request.service_id)
        partner = await store.get_partner(conn, partner_id) if partner_id else None
        service = partner.service(request.service_id) if partner else None
        if partner is None or service is None:
            raise NotFound(f"No service {request.service_id} in the directory.")
        if service.status != "active":
            raise RuleBroken("service not accepting referrals", f"{service.name} is {service.status}")
        consent = await store.get_consent(conn, request.patron_id)
        if consent is None or not consent.consent:
            raise RuleBroken("no consent to referral",
                             "the patron has not consented to be referred to partners (registration records consent)")
        need = choose_need(service, request.need)
        if request.contact_id is not None and partner.contact(request.contact_id) is None:
            raise RuleBroken("contact not of this partner", f"contact {request.contact_id} is not one of {partner.name}'s")
        contact = partner.contact(request.contact_id) if request.contact_id else (partner.contacts or [None])[0]
        shared = SharedWithPartner(
            first_name=consent.first_name or "",
            email=consent.email if request.share_email else None,
            phone=consent.phone if request.share_phone else None,
        )
        referral = store.Referral(
            id=uuid.uuid4(), patron_id=request.patron_id, partner_id=partner.id, service_id=service.id,
            service_name=service.name, need=need, contact_id=contact.id if contact else None,
            shared_fields=["first_name", *(f for f in ("email", "phone") if getattr(shared, f))],
            outcome="pending", outcome_note=None, created_at=now, outcome_at=None, made_by=actor, outcome_by=None,
        )
        await store.insert_referral(conn, referral)
        await outbox.add(conn, REFERRAL_CREATED, ReferralCreated(
            referral_id=referral.id, patron_id=request.patron_id, partner_id=partner.id, service_id=service.id,
            service_name=service.name, need=need, contact_id=referral.contact_id, shared_with_partner=shared,
            partner_name=partner.name,
        ), key=str(referral.id), subject=f"referrals/{referral.id}")
    return referral


async def record_outcome(
    pool: asyncpg.Pool, metrics: PartnerMetrics, referral_id: UUID, outcome: str, note: str | None, actor: str,
) -> store.Referral:
    async with pool.acquire() as conn, conn.transaction():
        referral = await store.get_referral(conn, referral_id, for_update=True)
        if referral is None:
            raise NotFound(f"No referral {referral_id}.")
        check_outcome(referral.outcome, outcome)
        await store.record_outcome(conn, referral_id, outcome, note, actor)
        updated = await store.get_referral(conn, referral_id)
    metrics.referral_outcomes.labels(outcome).inc()
    assert updated is not None
    return updated
