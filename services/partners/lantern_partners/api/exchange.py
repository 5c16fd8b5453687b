"""HSDS 3.0 export and import of the directory."""

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Body, Depends, Request, Response

from lantern_shared.problems import Problem

from .. import handlers, hsds, store
from .common import actor, metrics, runtime

router = APIRouter(tags=["hsds"])


@router.get("/hsds/organizations")
async def export(request: Request) -> list[dict[str, Any]]:
    """The whole directory as HSDS 3.0 organization objects (services, locations, contacts nested)."""
    async with runtime(request).pool.acquire() as conn:
        partners = await store.all_partners(conn)
    return [hsds.to_hsds(p) for p in partners]


@router.get("/hsds/organizations/{partner_id}")
async def export_one(partner_id: UUID, request: Request) -> dict[str, Any]:
    async with runtime(request).pool.acquire() as conn:
        partner = await store.get_partner(conn, partner_id)
    if partner is None:
        raise Problem(404, "Not found", f"No partner {partner_id}.")
    return hsds.to_hsds(partner)


@router.post("/hsds/organizations", response_model=list[handlers.ImportResult])
async def import_(
    request: Request, response: Response, documents: Any = Body(...), who: str = Depends(actor),
) -> list[handlers.ImportResult]:
    """One HSDS organization or a list of them; each is applied whole or rejected with its reasons."""
    batch = documents if isinstance(documents, list) else [documents]
    if not batch or len(batch) > 1000:
        raise Problem(422, "Invalid request", "send between 1 and 1000 HSDS organizations",
                      type="urn:lantern:problem:validation", errors=[{"field": "body", "message": "1 to 1000 items"}])
    results = await handlers.import_hsds(runtime(request).pool, runtime(request).outbox, metrics(request), batch, who)
    if all(r.outcome == "rejected" for r in results):
        # Nothing applied: a problem like every other refusal, carrying each organization's reasons.
        raise Problem(422, "Nothing imported", "Every organization was rejected; `results` says why.",
                      type="urn:lantern:problem:hsds-rejected", results=[r.model_dump(mode="json") for r in results])
    return results
