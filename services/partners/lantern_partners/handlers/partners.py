"""Partner records (staff edits and HSDS imports alike), partnership status and verification."""

import hashlib
import logging
import uuid
from datetime import date
from typing import Any, Literal
from uuid import UUID

import asyncpg
from pydantic import BaseModel, Field

from lantern_shared.outbox import Outbox

from .. import hsds, store
from ..domain import Partner, PartnerRecord, check_status_change
from ..events import (
    PARTNER_ACTIVATED, PARTNER_LAPSED, PARTNER_REGISTERED,
    PARTNER_UPDATED, PartnerActivated,
    PartnerContact, PartnerLapsed, PartnerRegistered, PartnerUpdated,
)
from ..metrics import PartnerMetrics
from .common import NotFound, RecordConflict

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
