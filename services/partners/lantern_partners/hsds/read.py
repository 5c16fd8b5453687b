"""The HSDS 3.0 read API's objects, built from partner records: list items (one-to-one fields only) and fully
nested objects, as the HSDS OpenAPI's schemas describe them. Partner contacts (named people, their emails and
phones) are left out: the read API is public."""

from datetime import datetime
from typing import Any
from uuid import UUID

from ..domain.records import NEEDS, PARTNER_KINDS, Location, Partner, Service
from .export import location_object, service_object, to_hsds
from .terms import KIND_TAXONOMY, NEEDS_TAXONOMY, clean, derived_id

_NESTED_IN_SERVICE = ("languages", "attributes", "service_at_locations", "schedules")
TAXONOMIES = {
    NEEDS_TAXONOMY: "The needs Lantern's referral directory is searched by (codes from other taxonomies kept as sent)",
    KIND_TAXONOMY: "Kinds of partner organization",
}


def organization_item(partner: Partner) -> dict[str, Any]:
    return clean({"id": str(partner.id), "name": partner.name, "description": partner.description,
                  "email": partner.email, "website": partner.website})


def organization_full(partner: Partner) -> dict[str, Any]:
    document = to_hsds(partner)
    document.pop("contacts", None)
    return document


def service_item(partner: Partner, service: Service, modified: datetime) -> dict[str, Any]:
    full = service_object(service, partner.id)
    return {**{k: v for k, v in full.items() if k not in _NESTED_IN_SERVICE}, "last_modified": modified.isoformat()}


def service_full(partner: Partner, service: Service, modified: datetime, *, only_place: UUID | None = None) -> dict[str, Any]:
    """A service with everything nested; `only_place` keeps the one service_at_location asked for."""
    document = service_object(service, partner.id)
    places = [sal_item(partner, service, loc, modified, with_location=True) for loc in served(partner, service)]
    document["service_at_locations"] = [p for p in places if only_place is None or p["id"] == str(only_place)]
    document["organization"] = organization_item(partner)
    document["last_modified"] = modified.isoformat()
    return document


def served(partner: Partner, service: Service) -> list[Location]:
    """Where the service is offered: the locations it names, else every location of its organization."""
    return [loc for loc in partner.locations if not service.location_ids or loc.id in service.location_ids]


def sal_id(service: Service, location: Location) -> str:
    return derived_id("service_at_location", service.id, location.id)


def sal_item(partner: Partner, service: Service, location: Location, modified: datetime, *,
             with_location: bool = False, with_service: bool = False) -> dict[str, Any]:
    item: dict[str, Any] = {"id": sal_id(service, location), "service_id": str(service.id),
                            "location_id": str(location.id)}
    if with_location:
        item["location"] = location_object(location, partner.id)
    if with_service:
        item["service"] = service_item(partner, service, modified)
    return item


def taxonomy(name: str) -> dict[str, Any]:
    return {"id": derived_id("taxonomy", name), "name": name, "description": TAXONOMIES.get(name, name)}


def taxonomy_terms(need_codes: list[str]) -> list[dict[str, Any]]:
    """Every term the directory uses: the needs (Lantern's and any other taxonomy's codes) and the partner kinds."""
    terms = [_term(NEEDS_TAXONOMY, code, NEEDS.get(code, code)) for code in sorted(set(NEEDS) | set(need_codes))]
    return terms + [_term(KIND_TAXONOMY, kind, kind.replace("_", " ")) for kind in PARTNER_KINDS]


def _term(taxonomy_name: str, code: str, name: str) -> dict[str, Any]:
    return {"id": derived_id("term", taxonomy_name, code), "code": code, "name": name, "description": name,
            "taxonomy": taxonomy_name, "taxonomy_id": derived_id("taxonomy", taxonomy_name)}


def need_of_term(term_id: str, need_codes: list[str]) -> str | None:
    """The need code a taxonomy_term_id stands for (ids are derived, so they are found by deriving them)."""
    return next((t["code"] for t in taxonomy_terms(need_codes)
                 if t["id"] == term_id and t["taxonomy"] == NEEDS_TAXONOMY), None)


def page(contents: list[dict[str, Any]], total: int, number: int, per_page: int) -> dict[str, Any]:
    """The HSDS OpenAPI's Page: totals, this page's place among them, and its contents."""
    pages = max(1, -(-total // per_page))
    return {"total_items": total, "total_pages": pages, "page_number": number, "size": len(contents),
            "first_page": number == 1, "last_page": number >= pages, "empty": total == 0, "contents": contents}
