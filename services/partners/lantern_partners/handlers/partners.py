"""Partner records (staff edits and HSDS imports alike), partnership status and verification."""

import hashlib
import logging
import uuid
from typing import Literal
from uuid import UUID

import asyncpg

from lantern_shared.pagination import Page
from lantern_shared.refusals import not_found
from lantern_shared.uow import UnitOfWork

from .. import errors
from ..deps import Deps
from ..domain.partnership import check_status_change
from ..domain.records import Partner, PartnerRecord
from ..events import (
    PARTNER_ACTIVATED, PARTNER_LAPSED, PARTNER_REGISTERED, PARTNER_UPDATED, PartnerActivated, PartnerContact,
    PartnerLapsed, PartnerRegistered, PartnerUpdated,
)
from ..store import partners

log = logging.getLogger(__name__)

SaveOutcome = Literal["created", "updated", "unchanged"]


def _digest(record: PartnerRecord) -> str:
    return hashlib.sha256(record.model_dump_json().encode()).hexdigest()


def _partner_state(partner: Partner, model: type[PartnerRegistered]) -> PartnerRegistered:
    return model(
        partner_id=partner.id, name=partner.name, kind=partner.kind, status=partner.status,
        contacts=[PartnerContact(contact_id=c.id, name=c.name, role=c.role, email=c.email, phone=c.phone,
                                 language=c.language) for c in partner.contacts],
    )


async def store_record(
    work: UnitOfWork, partner_id: UUID, record: PartnerRecord, *, actor: str, keep_kind: bool = False,
) -> tuple[Partner, SaveOutcome]:
    """Create or replace an organization's record, in the unit of work.

    The same content twice changes nothing and publishes nothing; `partner.updated` goes out only when what
    other services know of a partner (name, kind, status, contacts) has changed.
    """
    conn = work.conn
    await partners.lock_partner_id(conn, partner_id)
    current = await partners.get_partner(conn, partner_id, for_update=True)
    if current is not None and keep_kind:
        record = record.model_copy(update={"kind": current.kind})
    digest = _digest(record)
    if current is not None and await partners.content_hash(conn, partner_id) == digest:
        return current, "unchanged"
    conflicts = await partners.children_of_others(conn, partner_id, record)
    if conflicts:
        raise errors.record_conflict(conflicts)
    if current is None:
        await partners.insert_partner(conn, partner_id, record, digest, "prospect", actor)
    else:
        await partners.update_record(conn, partner_id, record, digest)
    try:
        await partners.reindex(conn, partner_id, record)
    except asyncpg.UniqueViolationError as exc:  # another organization claimed the same id at this very moment
        raise errors.record_conflict([f"an id in this record belongs to another organization ({exc.detail or exc})"]) from exc
    saved = await partners.get_partner(conn, partner_id)
    assert saved is not None
    key, subject = str(partner_id), f"partners/{partner_id}"
    if current is None:
        await work.publish(PARTNER_REGISTERED, _partner_state(saved, PartnerRegistered), key=key, subject=subject)
        return saved, "created"
    if _partner_state(current, PartnerUpdated) != _partner_state(saved, PartnerUpdated):
        await work.publish(PARTNER_UPDATED, _partner_state(saved, PartnerUpdated), key=key, subject=subject)
    return saved, "updated"


async def register(deps: Deps, record: PartnerRecord, actor: str) -> Partner:
    async with deps.uow() as work:
        partner, _ = await store_record(work, uuid.uuid4(), record, actor=actor)
    return partner


async def replace_record(deps: Deps, partner_id: UUID, record: PartnerRecord, actor: str) -> Partner:
    async with deps.uow() as work:
        if await partners.get_partner(work.conn, partner_id) is None:
            raise not_found("partner", partner_id)
        partner, _ = await store_record(work, partner_id, record, actor=actor)
    return partner


async def change_status(deps: Deps, partner_id: UUID, target: str, reason: str | None, actor: str) -> Partner:
    async with deps.uow() as work:
        partner = await partners.get_partner(work.conn, partner_id, for_update=True)
        if partner is None:
            raise not_found("partner", partner_id)
        check_status_change(partner.status, target, reason)
        changed_at = await partners.set_status(work.conn, partner_id, partner.status, target, reason, actor)
        partner = partner.model_copy(update={"status": target, "status_changed_at": changed_at})
        key, subject = str(partner_id), f"partners/{partner_id}"
        await work.publish(PARTNER_UPDATED, _partner_state(partner, PartnerUpdated), key=key, subject=subject)
        if target == "active":
            await work.publish(PARTNER_ACTIVATED, PartnerActivated(partner_id=partner_id, name=partner.name),
                               key=key, subject=subject)
        elif target == "lapsed":
            await work.publish(PARTNER_LAPSED, PartnerLapsed(partner_id=partner_id, name=partner.name,
                                                             reason=(reason or "").strip()), key=key, subject=subject)
    deps.metrics.status_changes.labels(target).inc()
    log.info("partner %s is now %s", partner_id, target)
    return partner


async def verify_service(deps: Deps, service_id: UUID, actor: str) -> Partner:
    """Staff confirmed with the partner that the service's record is right, today."""
    today = deps.today()
    async with deps.uow() as work:
        partner_id = await partners.partner_of_service(work.conn, service_id)
        partner = await partners.get_partner(work.conn, partner_id, for_update=True) if partner_id else None
        if partner is None:
            raise errors.service_not_found(service_id)
        record = partner.record()
        services = [s.model_copy(update={"verified_on": today}) if s.id == service_id else s for s in record.services]
        saved, _ = await store_record(work, partner.id, record.model_copy(update={"services": services}), actor=actor)
    return saved


async def get(deps: Deps, partner_id: UUID) -> Partner:
    async with deps.pool.acquire() as conn:
        partner = await partners.get_partner(conn, partner_id)
    if partner is None:
        raise not_found("partner", partner_id)
    return partner


async def listed(deps: Deps, *, kind: str | None, status: str | None, text: str | None,
                 after: tuple[str, UUID] | None, limit: int) -> list[Partner]:
    async with deps.pool.acquire() as conn:
        return await partners.list_partners(conn, kind=kind, status=status, text=text, after=after, limit=limit)


async def status_history(deps: Deps, partner_id: UUID) -> Page[partners.StatusChange]:
    async with deps.pool.acquire() as conn:
        if await partners.get_partner(conn, partner_id) is None:
            raise not_found("partner", partner_id)
        return Page(items=await partners.status_history(conn, partner_id))
