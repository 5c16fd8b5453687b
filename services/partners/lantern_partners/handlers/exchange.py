"""The directory exchanged as HSDS 3.0: exported, imported over HTTP in batches, and applied from inbound events."""

import logging
from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, Field

from lantern_shared.refusals import Refusal, not_found
from lantern_shared.uow import UnitOfWork

from ..deps import Deps
from ..hsds import export, ingest
from ..store import partners as partners_store
from .partners import SaveOutcome, store_record

log = logging.getLogger(__name__)


class ImportResult(BaseModel):
    index: int
    id: str | None
    outcome: Literal["created", "updated", "unchanged", "rejected"]
    problems: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list, description="Values HSDS allows that Lantern cannot use: left "
                                "out of the record (and of search), the organization imported all the same")


async def apply(work: UnitOfWork, document: Any, actor: str) -> tuple[UUID, SaveOutcome, list[str]]:
    """Validate an HSDS organization completely, then apply it whole, in the unit of work; with its warnings.

    Raises a Refusal (HsdsRejected, or ids that belong to another organization) naming every problem before
    anything is written.
    """
    partner_id, record, states_kind, warnings = ingest.from_hsds(document)
    partner, outcome = await store_record(work, partner_id, record, actor=actor, keep_kind=not states_kind)
    return partner.id, outcome, warnings


async def import_batch(deps: Deps, documents: list[Any], actor: str) -> list[ImportResult]:
    """Each organization is applied whole or rejected with its reasons; one bad record does not stop the rest."""
    results = []
    for index, document in enumerate(documents):
        doc_id = str(document.get("id")) if isinstance(document, dict) and document.get("id") is not None else None
        try:
            async with deps.uow() as work:
                _, outcome, warnings = await apply(work, document, actor)
            results.append(ImportResult(index=index, id=doc_id, outcome=outcome, warnings=warnings))
        except Refusal as refused:
            problems = refused.extra.get("problems") or [refused.detail]
            results.append(ImportResult(index=index, id=doc_id, outcome="rejected", problems=problems))
        deps.metrics.hsds_imports.labels("http", results[-1].outcome).inc()
    return results


async def organization_updated(deps: Deps, work: UnitOfWork, document: Any, source: str) -> None:
    """An inbound HSDS update: a rejected one raises before anything is written, and the consumer dead-letters
    it with its reasons."""
    try:
        partner_id, outcome, warnings = await apply(work, document, f"system:{source}")
    except Refusal:
        deps.metrics.hsds_imports.labels("event", "rejected").inc()
        raise
    deps.metrics.hsds_imports.labels("event", outcome).inc()
    log.info("HSDS organization %s from %s: %s, %d value(s) left out", partner_id, source, outcome, len(warnings))
    for warning in warnings:  # field names and Lantern's reasons only, never the values
        log.info("HSDS organization %s: %s", partner_id, warning)


async def export_all(deps: Deps) -> list[dict[str, Any]]:
    async with deps.pool.acquire() as conn:
        found = await partners_store.all_partners(conn)
    return [export.to_hsds(p) for p in found]


async def export_one(deps: Deps, partner_id: UUID) -> dict[str, Any]:
    async with deps.pool.acquire() as conn:
        partner = await partners_store.get_partner(conn, partner_id)
    if partner is None:
        raise not_found("partner", partner_id)
    return export.to_hsds(partner)
