"""The partners service's use cases: each a local transaction plus the events it causes."""

import hashlib
import logging
import uuid
from datetime import date, datetime, timedelta
from typing import Any, Literal
from uuid import UUID

import asyncpg
from pydantic import BaseModel, Field

from lantern_shared.outbox import Outbox

from . import hsds, store
from .domain import (
    Agreement, AgreementTerms, BroadcastMessage, Partner, PartnerRecord, RuleBroken, broadcast_contact,
    check_outcome, check_status_change, choose_need, first_name,
)
from .events import (
    AGREEMENT_ENDED, AGREEMENT_SIGNED, BROADCAST_REQUESTED, PARTNER_ACTIVATED, PARTNER_LAPSED, PARTNER_REGISTERED,
    PARTNER_UPDATED, REFERRAL_CREATED, AgreementEnded, AgreementSigned, BroadcastRequested, PartnerActivated,
    PartnerContact, PartnerLapsed, PartnerRegistered, PartnerUpdated, ReferralCreated, SharedWithPartner,
)
from .metrics import PartnerMetrics

log = logging.getLogger(__name__)


class NotFound(Exception):
    """Something the request names does not exist."""


class RecordConflict(Exception):
    """A partner record that cannot be saved as it stands (its child ids belong to another organization)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


SaveOutcome = Literal["created", "updated", "unchanged"]


# --- partner records --------------------------------------------------------------------------------------

def _digest(record: PartnerRecord) -> str:
    return hashlib.sha256(record.model_dump_json().encode()).hexdigest()


def _partner_state(partner: Partner, model: type[PartnerRegistered]) -> PartnerRegistered:
    return model(
        partner_id=partner.id, name=partner.name, kind=partner.kind, status=partner.status,
        contacts=[PartnerContact(contact_id=c.id, name=c.name, role=c.role, email=c.email, phone=c.phone,
                                 language=c.language) for c in partner.contacts],
    )


async def store_record(
    conn: asyncpg.Connection, outbox: Outbox, partner_id: UUID, record: PartnerRecord, *, actor: str,
    keep_kind: bool = False,
) -> tuple[Partner, SaveOutcome]:
    """Create or replace an organization's record, inside the caller's transaction.

    The same content twice changes nothing and publishes nothing; `partner.updated` goes out only when what
    other services know of a partner (name, kind, status, contacts) has changed.
    """
    await store.lock_partner_id(conn, partner_id)
    current = await store.get_partner(conn, partner_id, for_update=True)
    if current is not None and keep_kind:
        record = record.model_copy(update={"kind": current.kind})
    digest = _digest(record)
    if current is not None and await store.content_hash(conn, partner_id) == digest:
        return current, "unchanged"
    conflicts = await store.children_of_others(conn, partner_id, record)
    if conflicts:
        raise RecordConflict(conflicts)
    if current is None:
        await store.insert_partner(conn, partner_id, record, digest, "prospect", actor)
    else:
        await store.update_record(conn, partner_id, record, digest)
    try:
        await store.reindex(conn, partner_id, record)
    except asyncpg.UniqueViolationError as exc:  # another organization claimed the same id at this very moment
        raise RecordConflict([f"an id in this record belongs to another organization ({exc.detail or exc})"]) from exc
    saved = await store.get_partner(conn, partner_id)
    assert saved is not None
    if current is None:
        await outbox.add(conn, PARTNER_REGISTERED, _partner_state(saved, PartnerRegistered), key=str(partner_id),
                         subject=f"partners/{partner_id}")
        return saved, "created"
    if _partner_state(current, PartnerUpdated) != _partner_state(saved, PartnerUpdated):
        await outbox.add(conn, PARTNER_UPDATED, _partner_state(saved, PartnerUpdated), key=str(partner_id),
                         subject=f"partners/{partner_id}")
    return saved, "updated"


async def register_partner(pool: asyncpg.Pool, outbox: Outbox, record: PartnerRecord, actor: str) -> Partner:
    async with pool.acquire() as conn, conn.transaction():
        partner, _ = await store_record(conn, outbox, uuid.uuid4(), record, actor=actor)
    return partner


async def replace_record(
    pool: asyncpg.Pool, outbox: Outbox, partner_id: UUID, record: PartnerRecord, actor: str,
) -> Partner:
    async with pool.acquire() as conn, conn.transaction():
        if await store.get_partner(conn, partner_id) is None:
            raise NotFound(f"No partner {partner_id}.")
        partner, _ = await store_record(conn, outbox, partner_id, record, actor=actor)
    return partner


async def change_status(
    pool: asyncpg.Pool, outbox: Outbox, metrics: PartnerMetrics, partner_id: UUID, target: str, reason: str | None,
    actor: str,
) -> Partner:
    async with pool.acquire() as conn, conn.transaction():
        partner = await store.get_partner(conn, partner_id, for_update=True)
        if partner is None:
            raise NotFound(f"No partner {partner_id}.")
        check_status_change(partner.status, target, reason)
        changed_at = await store.set_status(conn, partner_id, partner.status, target, reason, actor)
        partner = partner.model_copy(update={"status": target, "status_changed_at": changed_at})
        key, subject = str(partner_id), f"partners/{partner_id}"
        await outbox.add(conn, PARTNER_UPDATED, _partner_state(partner, PartnerUpdated), key=key, subject=subject)
        if target == "active":
            await outbox.add(conn, PARTNER_ACTIVATED, PartnerActivated(partner_id=partner_id, name=partner.name),
                             key=key, subject=subject)
        elif target == "lapsed":
            await outbox.add(conn, PARTNER_LAPSED, PartnerLapsed(partner_id=partner_id, name=partner.name,
                                                                 reason=(reason or "").strip()), key=key, subject=subject)
    metrics.status_changes.labels(target).inc()
    log.info("partner %s is now %s", partner_id, target)
    return partner


async def verify_service(pool: asyncpg.Pool, outbox: Outbox, service_id: UUID, today: date, actor: str) -> Partner:
    """Staff confirmed with the partner that the service's record is right, today."""
    async with pool.acquire() as conn, conn.transaction():
        partner_id = await store.partner_of_service(conn, service_id)
        partner = await store.get_partner(conn, partner_id, for_update=True) if partner_id else None
        if partner is None:
            raise NotFound(f"No service {service_id} in the directory.")
        record = partner.record()
        services = [s.model_copy(update={"verified_on": today}) if s.id == service_id else s for s in record.services]
        saved, _ = await store_record(conn, outbox, partner.id, record.model_copy(update={"services": services}),
                                      actor=actor)
    return saved


# --- HSDS import ------------------------------------------------------------------------------------------

class ImportResult(BaseModel):
    index: int
    id: str | None
    outcome: Literal["created", "updated", "unchanged", "rejected"]
    problems: list[str] = Field(default_factory=list)


async def apply_hsds(conn: asyncpg.Connection, outbox: Outbox, document: Any, actor: str) -> tuple[UUID, SaveOutcome]:
    """Validate an HSDS organization completely, then apply it whole, in the caller's transaction.

    Raises HsdsRejected or RecordConflict (naming every problem) before anything is written.
    """
    partner_id, record, states_kind = hsds.from_hsds(document)
    partner, outcome = await store_record(conn, outbox, partner_id, record, actor=actor, keep_kind=not states_kind)
    return partner.id, outcome


async def import_hsds(
    pool: asyncpg.Pool, outbox: Outbox, metrics: PartnerMetrics, documents: list[Any], actor: str,
) -> list[ImportResult]:
    """Each organization is applied whole or rejected with its reasons; one bad record does not stop the rest."""
    results = []
    for index, document in enumerate(documents):
        doc_id = str(document.get("id")) if isinstance(document, dict) and document.get("id") is not None else None
        try:
            async with pool.acquire() as conn, conn.transaction():
                _, outcome = await apply_hsds(conn, outbox, document, actor)
            results.append(ImportResult(index=index, id=doc_id, outcome=outcome))
        except (hsds.HsdsRejected, RecordConflict) as exc:
            results.append(ImportResult(index=index, id=doc_id, outcome="rejected", problems=exc.problems))
        metrics.hsds_imports.labels("http", results[-1].outcome).inc()
    return results


# --- agreements -------------------------------------------------------------------------------------------

async def sign_agreement(
    pool: asyncpg.Pool, outbox: Outbox, partner_id: UUID, terms: AgreementTerms, now: datetime, actor: str,
) -> Agreement:
    agreement = Agreement(id=uuid.uuid4(), partner_id=partner_id, signed_at=now, signed_by=actor, **terms.model_dump())
    async with pool.acquire() as conn, conn.transaction():
        partner = await store.get_partner(conn, partner_id, for_update=True)
        if partner is None:
            raise NotFound(f"No partner {partner_id}.")
        if partner.status == "lapsed":
            raise RuleBroken("partner lapsed", f"{partner.name} has lapsed; make the partnership active again first")
        await store.insert_agreement(conn, agreement)
        await outbox.add(conn, AGREEMENT_SIGNED, AgreementSigned(
            agreement_id=agreement.id, partner_id=partner_id, kind=agreement.kind, starts_on=agreement.starts_on,
            ends_on=agreement.ends_on,
        ), key=str(agreement.id), subject=f"agreements/{agreement.id}")
    return agreement


async def _end(
    conn: asyncpg.Connection, outbox: Outbox, agreement: Agreement, ended_on: date, reason: str, actor: str,
) -> None:
    await store.end_agreement(conn, agreement.id, ended_on, reason, actor)
    await outbox.add(conn, AGREEMENT_ENDED, AgreementEnded(
        agreement_id=agreement.id, partner_id=agreement.partner_id, kind=agreement.kind, ended_on=ended_on,
    ), key=str(agreement.id), subject=f"agreements/{agreement.id}")


async def end_agreement(
    pool: asyncpg.Pool, outbox: Outbox, agreement_id: UUID, today: date, ended_on: date | None, reason: str,
    actor: str,
) -> Agreement:
    """End an agreement before its term: today or from yesterday at once; on a later day, by shortening its term
    (the periodic job then ends it, like any other)."""
    ended_on = ended_on or today
    async with pool.acquire() as conn, conn.transaction():
        agreement = await store.get_agreement(conn, agreement_id, for_update=True)
        if agreement is None:
            raise NotFound(f"No agreement {agreement_id}.")
        if agreement.state(today) == "ended":
            raise RuleBroken("agreement already ended", "the agreement has already ended")
        if ended_on < today - timedelta(days=1):
            raise RuleBroken("end date in the past", "an agreement can be ended from yesterday onwards, not further back")
        if agreement.ends_on is not None and ended_on > agreement.ends_on:
            raise RuleBroken("end date after term", f"the agreement already ends on {agreement.ends_on}")
        if ended_on > today:
            if ended_on < agreement.starts_on:
                raise RuleBroken("end date before start", "to end an agreement before it starts, end it today")
            await store.shorten_agreement(conn, agreement_id, ended_on, reason, actor)
        else:
            await _end(conn, outbox, agreement, ended_on, reason, actor)
        changed = await store.get_agreement(conn, agreement_id)
    assert changed is not None
    return changed


async def end_run_out_agreements(pool: asyncpg.Pool, outbox: Outbox, today: date) -> int:
    """The periodic job: agreements whose last day has passed end, and say so."""
    ended = 0
    while True:
        async with pool.acquire() as conn, conn.transaction():
            due = await store.agreements_run_out(conn, today)
            for agreement in due:
                assert agreement.ends_on is not None
                await _end(conn, outbox, agreement, agreement.ends_on, agreement.end_reason or "term ended",
                           agreement.ended_by or "system")
        ended += len(due)
        if len(due) < 500:
            return ended


# --- referrals --------------------------------------------------------------------------------------------

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


# --- distribution lists and broadcasts ------------------------------------------------------------------

async def add_to_list(pool: asyncpg.Pool, list_id: UUID, partner_id: UUID, contact_id: UUID | None) -> None:
    async with pool.acquire() as conn, conn.transaction():
        if await store.get_list(conn, list_id) is None:
            raise NotFound(f"No distribution list {list_id}.")
        partner = await store.get_partner(conn, partner_id)
        if partner is None:
            raise NotFound(f"No partner {partner_id}.")
        if contact_id is not None and partner.contact(contact_id) is None:
            raise RuleBroken("contact not of this partner", f"contact {contact_id} is not one of {partner.name}'s")
        await store.put_member(conn, list_id, partner_id, contact_id)


class BroadcastReceipt(BaseModel):
    broadcast_id: UUID
    list_id: UUID
    contact_ids: list[UUID]
    skipped: list[dict[str, str]] = Field(description="Listed organizations not sent to, and why")


async def request_broadcast(
    pool: asyncpg.Pool, outbox: Outbox, metrics: PartnerMetrics, list_id: UUID, message: BroadcastMessage, actor: str,
) -> BroadcastReceipt:
    broadcast_id = uuid.uuid4()
    async with pool.acquire() as conn, conn.transaction():
        if await store.get_list(conn, list_id) is None:
            raise NotFound(f"No distribution list {list_id}.")
        contact_ids, skipped = [], []
        for member in await store.members(conn, list_id):
            partner = await store.get_partner(conn, member.partner_id)
            contact = broadcast_contact(partner, member.contact_id) if partner else None
            if partner is None or partner.status == "lapsed":
                skipped.append({"partner_id": str(member.partner_id), "reason": "partner lapsed"})
            elif contact is None:
                skipped.append({"partner_id": str(member.partner_id), "reason": "no contact on record"})
            else:
                contact_ids.append(contact.id)
        if not contact_ids:
            raise RuleBroken("no recipients", "no organization on this list has a contact to send to")
        await store.insert_broadcast(conn, broadcast_id, list_id, message.category, message.subject, message.body,
                                     message.fallback_language, contact_ids, actor)
        await outbox.add(conn, BROADCAST_REQUESTED, BroadcastRequested(
            broadcast_id=broadcast_id, list_id=list_id, category=message.category, subject=message.subject,
            body=message.body, fallback_language=message.fallback_language, contact_ids=contact_ids,
        ), key=str(broadcast_id), subject=f"broadcasts/{broadcast_id}")
    metrics.broadcasts.labels(message.category).inc()
    return BroadcastReceipt(broadcast_id=broadcast_id, list_id=list_id, contact_ids=contact_ids, skipped=skipped)
