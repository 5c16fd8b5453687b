"""Partner records and HSDS documents for tests: realistic, with unique taxonomy codes so tests never collide."""

import uuid
from typing import Any


def partner_record(name: str = "Eastside Workforce Center", *, kind: str = "workforce_development",
                   services: list[dict] | None = None, contacts: list[dict] | None = None,
                   locations: list[dict] | None = None) -> dict[str, Any]:
    return {
        "name": name, "description": "Career coaching and training for adults.", "kind": kind,
        "email": "info@eastside.example.org", "website": "https://eastside.example.org",
        "contacts": contacts if contacts is not None else [
            {"name": "Dana Okafor", "role": "Program manager", "email": "dana@eastside.example.org",
             "phone": "+1 555 201 3000", "language": "en"},
        ],
        "locations": locations if locations is not None else [],
        "services": services if services is not None else [],
    }


def location(postal_code: str = "43215", *, lat: float | None = None, lon: float | None = None, **extra) -> dict:
    return {"id": str(uuid.uuid4()), "kind": "physical", "address_1": "100 Main St", "city": "Columbus",
            "state_province": "OH", "postal_code": postal_code, "country": "US", "latitude": lat, "longitude": lon,
            **extra}


def service(name: str, needs: list[str], *, languages: list[str] = ("en",), location_ids: list[str] = (),
            **extra) -> dict:
    return {"id": str(uuid.uuid4()), "name": name, "needs": list(needs), "languages": list(languages),
            "location_ids": list(location_ids), **extra}


def hsds_organization(*, name: str = "Northside Housing Coalition", need: str = "housing") -> dict[str, Any]:
    """An organization as a 211 system would send it: HSDS 3.0, with a service, a location and a contact."""
    org, svc, loc, contact = (str(uuid.uuid4()) for _ in range(4))
    return {
        "id": org, "name": name, "description": "Emergency shelter referrals and housing navigation.",
        "email": "help@northside.example.org", "website": "https://northside.example.org",
        "contacts": [{"id": contact, "organization_id": org, "name": "Sam Rivera", "title": "Intake lead",
                      "email": "sam@northside.example.org",
                      "phones": [{"id": str(uuid.uuid4()), "number": "+1 555 300 4000",
                                  "languages": [{"id": str(uuid.uuid4()), "code": "es"}]}]}],
        "locations": [{"id": loc, "organization_id": org, "location_type": "physical", "name": "Main office",
                       "latitude": 39.99, "longitude": -83.0,
                       "addresses": [{"id": str(uuid.uuid4()), "location_id": loc, "address_1": "20 High St",
                                      "city": "Columbus", "state_province": "OH", "postal_code": "43201",
                                      "country": "US", "address_type": "physical"}]}],
        "services": [{
            "id": svc, "organization_id": org, "name": "Housing navigation", "status": "active",
            "description": "Help finding and keeping a home.", "eligibility_description": "Adults in Franklin County",
            "minimum_age": 18, "assured_date": "2026-10-01",
            "languages": [{"id": str(uuid.uuid4()), "code": "en"}, {"id": str(uuid.uuid4()), "code": "es"}],
            "attributes": [{"id": str(uuid.uuid4()), "taxonomy_term": {
                "id": str(uuid.uuid4()), "code": need, "name": need, "description": need, "taxonomy": "lantern-needs"}}],
            "service_at_locations": [{"id": str(uuid.uuid4()), "service_id": svc, "location_id": loc}],
            "schedules": [{"id": str(uuid.uuid4()), "service_id": svc, "freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR",
                           "opens_at": "09:00", "closes_at": "17:00"}],
        }],
    }
