"""HSDS 3.0 export and import of the directory."""

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Body, Depends

from lantern_shared.http import actor
from lantern_shared.problems import Problem

from ..deps import Needs
from ..handlers import exchange

router = APIRouter(tags=["hsds"])


@router.get("/hsds/organizations")
async def export(deps: Needs) -> list[dict[str, Any]]:
    """The whole directory as HSDS 3.0 organization objects (services, locations, contacts nested)."""
    return await exchange.export_all(deps)


@router.get("/hsds/organizations/{partner_id}")
async def export_one(partner_id: UUID, deps: Needs) -> dict[str, Any]:
    return await exchange.export_one(deps, partner_id)


@router.post("/hsds/organizations", response_model=list[exchange.ImportResult])
async def import_(deps: Needs, documents: dict[str, Any] | list[dict[str, Any]] = Body(...), who: str = Depends(actor)) -> list[exchange.ImportResult]:
    """One HSDS organization or a list of them; each is applied whole or rejected with its reasons."""
    batch = documents if isinstance(documents, list) else [documents]
    if not batch or len(batch) > 1000:
        raise Problem(422, "Invalid request", "send between 1 and 1000 HSDS organizations",
                      type="urn:lantern:problem:validation", errors=[{"field": "body", "message": "1 to 1000 items"}])
    results = await exchange.import_batch(deps, batch, who)
    if all(r.outcome == "rejected" for r in results):
        # Nothing applied: a problem like every other refusal, carrying each organization's reasons.
        raise Problem(422, "Nothing imported", "Every organization was rejected; `results` says why.",
                      type="urn:lantern:problem:hsds_rejected", reason="hsds_rejected",
                      results=[r.model_dump(mode="json") for r in results])
    return results
