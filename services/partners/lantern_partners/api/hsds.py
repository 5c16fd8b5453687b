"""The HSDS 3.0 read API (Open Referral), public and read-only through the edge under /api/v1/openreferral."""

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Query

from lantern_shared.fields import IsoDateTime
from lantern_shared.problems import Problem
from lantern_shared.refusals import not_found

from ..deps import Needs
from ..handlers import hsds
from ..hsds import read
from ..hsds.terms import KIND_TAXONOMY, NEEDS_TAXONOMY

router = APIRouter(prefix="/openreferral", tags=["openreferral"])

Search = Query(None, max_length=200, description="Full-text search (words, each matched as a prefix, accents ignored)")
PageNumber = Query(1, ge=1, le=100_000, description="Page number of paginated result")
PerPage = Query(50, ge=1, le=500, description="Number of results requested in a single page")
Modified = Query(None, description="Return all results modified on or after this datetime")


@router.get("/services")
async def services(
    deps: Needs, search: str | None = Search, page: int = PageNumber, per_page: int = PerPage,
    taxonomy_term_id: str | None = Query(None, max_length=64), taxonomy_id: str | None = Query(None, max_length=64),
    organization_id: UUID | None = None, modified_after: IsoDateTime | None = Modified,
) -> dict[str, Any]:
    """A page of services with their one-to-one fields."""
    return await hsds.services(deps, page=page, per_page=per_page, search=search, taxonomy_term_id=taxonomy_term_id,
                               taxonomy_id=taxonomy_id, organization_id=organization_id, modified_after=modified_after)


@router.get("/services/{service_id}")
async def service(service_id: UUID, deps: Needs) -> dict[str, Any]:
    """A service with all related data nested."""
    return await hsds.service(deps, service_id)


@router.get("/service_at_locations")
async def service_at_locations(
    deps: Needs, search: str | None = Search, page: int = PageNumber, per_page: int = PerPage,
    taxonomy_term_id: str | None = Query(None, max_length=64), taxonomy_id: str | None = Query(None, max_length=64),
    organization_id: UUID | None = None, modified_after: IsoDateTime | None = Modified,
    postcode: str | None = Query(None, max_length=20, description="Services at locations in this postcode"),
    proximity: float | None = Query(None, gt=0, le=500_000, description="Metres from the centroid of `postcode`"),
    full: bool = Query(False, description="Nest each service's one-to-one fields too"),
) -> dict[str, Any]:
    """A page of the places services are offered at, each with its location; nearest first with `proximity`."""
    if proximity is not None and postcode is None:
        raise Problem(422, "Invalid request", "proximity is measured from a postcode's centroid: give postcode too",
                      type="urn:lantern:problem:validation",
                      errors=[{"field": "postcode", "message": "required with proximity"}])
    return await hsds.places(deps, page=page, per_page=per_page, postcode=postcode, proximity_m=proximity, full=full,
                             search=search, taxonomy_term_id=taxonomy_term_id, taxonomy_id=taxonomy_id,
                             organization_id=organization_id, modified_after=modified_after)


@router.get("/service_at_locations/{sal_id}")
async def service_at_location(sal_id: UUID, deps: Needs) -> dict[str, Any]:
    """The service offered there, fully nested, with that one service_at_location."""
    return await hsds.place(deps, sal_id)


@router.get("/organizations")
async def organizations(deps: Needs, search: str | None = Search, page: int = PageNumber, per_page: int = PerPage,
                        full: bool = Query(False, description="Fully nested organizations")) -> dict[str, Any]:
    return await hsds.organizations(deps, search=search, page=page, per_page=per_page, full=full)


@router.get("/organizations/{organization_id}")
async def organization(organization_id: UUID, deps: Needs) -> dict[str, Any]:
    """An organization with its services and locations nested (its contacts, who are people, are not published)."""
    return await hsds.organization(deps, organization_id)


@router.get("/taxonomies")
async def taxonomies(search: str | None = Search, page: int = PageNumber, per_page: int = PerPage) -> dict[str, Any]:
    found = [read.taxonomy(name) for name in (NEEDS_TAXONOMY, KIND_TAXONOMY)]
    found = [t for t in found if not search or search.lower() in (t["name"] + " " + t["description"]).lower()]
    return read.page(found[(page - 1) * per_page: page * per_page], len(found), page, per_page)


@router.get("/taxonomies/{taxonomy_id}")
async def taxonomy(taxonomy_id: str) -> dict[str, Any]:
    found = next((read.taxonomy(n) for n in (NEEDS_TAXONOMY, KIND_TAXONOMY) if read.taxonomy(n)["id"] == taxonomy_id), None)
    if found is None:
        raise not_found("taxonomy", taxonomy_id)
    return found


@router.get("/taxonomy_terms")
async def taxonomy_terms(deps: Needs, search: str | None = Search, page: int = PageNumber, per_page: int = PerPage,
                         taxonomy_id: str | None = Query(None, max_length=64)) -> dict[str, Any]:
    found = [t for t in await hsds.taxonomy_terms(deps)
             if (taxonomy_id is None or t["taxonomy_id"] == taxonomy_id)
             and (not search or search.lower() in f"{t['code']} {t['name']}".lower())]
    return read.page(found[(page - 1) * per_page: page * per_page], len(found), page, per_page)


@router.get("/taxonomy_terms/{term_id}")
async def taxonomy_term(term_id: str, deps: Needs) -> dict[str, Any]:
    found = next((t for t in await hsds.taxonomy_terms(deps) if t["id"] == term_id), None)
    if found is None:
        raise not_found("taxonomy_term", term_id)
    return found
