"""The HSDS 3.0 read API for other directories: services, organizations, service_at_locations and the taxonomy,
paged and filtered as the HSDS OpenAPI describes."""

from datetime import datetime
from typing import Any
from uuid import UUID

from lantern_shared.refusals import not_found

from ..deps import Deps
from ..domain.directory import normalise_postal_code
from ..hsds import read
from ..hsds.terms import NEEDS_TAXONOMY, derived_id
from ..store import hsds, partners


async def _filter(conn, *, search: str | None, taxonomy_term_id: str | None, taxonomy_id: str | None,
                  organization_id: UUID | None, modified_after: datetime | None) -> hsds.ServiceFilter:
    f = hsds.ServiceFilter(search=search, organization_id=organization_id, modified_after=modified_after)
    if taxonomy_term_id is not None:
        f.need = read.need_of_term(taxonomy_term_id, await hsds.need_codes(conn))
        f.nothing = f.need is None
    if taxonomy_id is not None:
        f.any_need = taxonomy_id == derived_id("taxonomy", NEEDS_TAXONOMY)
        f.nothing = f.nothing or not f.any_need  # only needs are service terms
    return f


async def services(deps: Deps, *, page: int, per_page: int, **filters: Any) -> dict[str, Any]:
    async with deps.pool.acquire() as conn:
        f = await _filter(conn, **filters)
        total, rows = await hsds.services(conn, f, (page - 1) * per_page, per_page)
        found = {p.id: p for p in await partners.partners_by_id(conn, list({r.organization_id for r in rows}))}
    contents = []
    for row in rows:
        partner = found[row.organization_id]
        service = partner.service(row.id)
        if service is not None:
            contents.append(read.service_item(partner, service, row.modified_at))
    return read.page(contents, total, page, per_page)


async def service(deps: Deps, service_id: UUID) -> dict[str, Any]:
    async with deps.pool.acquire() as conn:
        row = await hsds.service(conn, service_id)
        partner = await partners.get_partner(conn, row.organization_id) if row else None
    found = partner.service(service_id) if partner and row else None
    if partner is None or found is None or row is None:
        raise not_found("service", service_id)
    return read.service_full(partner, found, row.modified_at)


async def places(deps: Deps, *, page: int, per_page: int, postcode: str | None, proximity_m: float | None,
                 full: bool, **filters: Any) -> dict[str, Any]:
    async with deps.pool.acquire() as conn:
        f = await _filter(conn, **filters)
        total, rows = await hsds.places(conn, f, normalise_postal_code(postcode) if postcode else None, proximity_m,
                                        (page - 1) * per_page, per_page)
        found = {p.id: p for p in await partners.partners_by_id(conn, list({r.organization_id for r in rows}))}
    contents = []
    for row in rows:
        partner = found[row.organization_id]
        service = partner.service(row.id)
        location = next((loc for loc in partner.locations if loc.id == row.location_id), None)
        if service is not None and location is not None:
            contents.append(read.sal_item(partner, service, location, row.modified_at, with_location=True,
                                          with_service=full))
    return read.page(contents, total, page, per_page)


async def place(deps: Deps, sal_id: UUID) -> dict[str, Any]:
    async with deps.pool.acquire() as conn:
        row = await hsds.place(conn, sal_id)
        partner = await partners.get_partner(conn, row.organization_id) if row else None
    found = partner.service(row.id) if partner and row else None
    if partner is None or found is None or row is None:
        raise not_found("service_at_location", sal_id)
    return read.service_full(partner, found, row.modified_at, only_place=sal_id)


async def organizations(deps: Deps, *, search: str | None, page: int, per_page: int, full: bool) -> dict[str, Any]:
    async with deps.pool.acquire() as conn:
        total, ids = await hsds.organizations(conn, search, (page - 1) * per_page, per_page)
        found = {p.id: p for p in await partners.partners_by_id(conn, ids)}
    shape = read.organization_full if full else read.organization_item
    return read.page([shape(found[i]) for i in ids if i in found], total, page, per_page)


async def organization(deps: Deps, partner_id: UUID) -> dict[str, Any]:
    async with deps.pool.acquire() as conn:
        partner = await partners.get_partner(conn, partner_id)
    if partner is None:
        raise not_found("organization", partner_id)
    return read.organization_full(partner)


async def taxonomy_terms(deps: Deps) -> list[dict[str, Any]]:
    async with deps.pool.acquire() as conn:
        return read.taxonomy_terms(await hsds.need_codes(conn))
