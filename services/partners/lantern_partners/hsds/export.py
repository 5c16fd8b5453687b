"""Partners as HSDS 3.0 organization objects (services, locations, contacts and schedules nested)."""

from datetime import time
from typing import Any
from uuid import UUID

from ..domain.records import NEEDS, Contact, Location, Partner, Service
from .terms import KIND_TAXONOMY, LANGUAGE_TAXONOMY, NEEDS_TAXONOMY, clean, derived_id, term


def _hhmm(value: time) -> str:
    return value.strftime("%H:%M:%S")


def to_hsds(partner: Partner) -> dict[str, Any]:
    org = partner.id
    return clean({
        "id": str(org),
        "name": partner.name,
        "description": partner.description,
        "email": partner.email,
        "website": partner.website,
        "attributes": [term(KIND_TAXONOMY, partner.kind, partner.kind.replace("_", " "), org, "organization")],
        "contacts": [_contact(c, org) for c in partner.contacts],
        "locations": [_location(loc, org) for loc in partner.locations],
        "services": [_service(s, org) for s in partner.services],
    })


def location_object(location: Location, org: UUID) -> dict[str, Any]:
    return _location(location, org)


def service_object(service: Service, org: UUID) -> dict[str, Any]:
    return _service(service, org)


def _contact(contact: Contact, org: UUID) -> dict[str, Any]:
    language = [{"id": derived_id("language", contact.id, contact.language), "code": contact.language}]
    phones = [{"id": derived_id("phone", contact.id), "contact_id": str(contact.id), "number": contact.phone,
               "languages": language}] if contact.phone else []
    return clean({
        "id": str(contact.id), "organization_id": str(org), "name": contact.name, "title": contact.role,
        "email": contact.email, "phones": phones,
        "attributes": [term(LANGUAGE_TAXONOMY, contact.language, contact.language, contact.id, "contact")],
    })


def _location(location: Location, org: UUID) -> dict[str, Any]:
    addresses = [] if location.kind == "virtual" else [{
        "id": derived_id("address", location.id), "location_id": str(location.id), "address_1": location.address_1,
        "city": location.city, "state_province": location.state_province, "postal_code": location.postal_code,
        "country": location.country, "address_type": location.kind,
    }]
    return clean({
        "id": str(location.id), "organization_id": str(org), "location_type": location.kind, "name": location.name,
        "url": location.url, "latitude": location.latitude, "longitude": location.longitude, "addresses": addresses,
    })


def _service(service: Service, org: UUID) -> dict[str, Any]:
    sid = service.id
    return clean({
        "id": str(sid), "organization_id": str(org), "name": service.name, "description": service.description,
        "status": service.status, "eligibility_description": service.eligibility,
        "minimum_age": service.minimum_age, "maximum_age": service.maximum_age, "fees_description": service.fees,
        "url": service.url, "email": service.email,
        "assured_date": service.verified_on.isoformat() if service.verified_on else None,
        "assurer_email": service.assurer_email,
        "languages": [{"id": derived_id("language", sid, code), "service_id": str(sid), "code": code} for code in service.languages],
        "attributes": [term(NEEDS_TAXONOMY, need, NEEDS.get(need, need), sid, "service") for need in service.needs],
        "service_at_locations": [
            {"id": derived_id("service_at_location", sid, loc), "service_id": str(sid), "location_id": str(loc)}
            for loc in service.location_ids
        ],
        "schedules": [clean({
            "id": str(s.id), "service_id": str(sid), "freq": "WEEKLY", "byday": ",".join(s.byday),
            "opens_at": _hhmm(s.opens_at), "closes_at": _hhmm(s.closes_at),
            "valid_from": s.valid_from.isoformat() if s.valid_from else None,
            "valid_to": s.valid_to.isoformat() if s.valid_to else None, "description": s.description,
        }) for s in service.schedules],
    })

