"""Open Referral HSDS 3.0: partner records to and from HSDS organization objects, validated against the schema."""

import functools
import json
from datetime import date, time
from pathlib import Path
from typing import Any
from uuid import UUID, uuid5

import jsonschema
from pydantic import ValidationError

from ..domain import NEEDS, PARTNER_KINDS, Contact, Location, Partner, PartnerRecord, Service

SCHEMA_PATH = Path(__file__).parent / "organization.schema.json"
NEEDS_TAXONOMY = "lantern-needs"
KIND_TAXONOMY = "lantern-partner-kind"
LANGUAGE_TAXONOMY = "bcp47"
# Ids HSDS wants for things Lantern does not keep ids for (addresses, phones, attributes) are derived from
# their owner's id, so an export is the same document every time and re-importing it changes nothing.
_NS = UUID("6c1f1f0e-9a3b-4a57-9a55-6d0f3a1e2b7c")


class HsdsRejected(ValueError):
    """An HSDS organization that cannot be accepted as it stands, with every reason found."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("HSDS organization rejected: " + "; ".join(problems))
        self.problems = problems


@functools.cache
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text())
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def schema_problems(document: Any) -> list[str]:
    """Where the document breaks the HSDS 3.0 organization schema, one line per problem.

    The offending values are left out: they may be a person's email or phone, and these reasons end up in
    logs and dead-letter headers.
    """
    errors = sorted(_validator().iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    return [f"{'.'.join(map(str, e.absolute_path)) or 'organization'}: {_say(e)}" for e in errors]


def _say(error: jsonschema.ValidationError) -> str:
    rule, expected = error.validator, error.validator_value
    if rule == "required":
        return error.message  # names the missing property only
    if rule == "enum":
        return f"must be one of {', '.join(map(repr, expected))}"
    if rule == "format":
        return f"must be a valid {expected}"
    if rule == "type":
        return f"must be of type {expected}"
    return f"breaks the schema's {rule!r} rule ({expected!r})"


def _id(*parts: object) -> str:
    return str(uuid5(_NS, ":".join(map(str, parts))))


def _term(taxonomy: str, code: str, name: str, link_id: UUID, entity: str) -> dict[str, Any]:
    return {
        "id": _id("attribute", link_id, taxonomy, code),
        "link_id": str(link_id),
        "link_type": taxonomy,
        "link_entity": entity,
        "taxonomy_term_id": _id("term", taxonomy, code),
        "taxonomy_term": {
            "id": _id("term", taxonomy, code), "code": code, "name": name, "description": name, "taxonomy": taxonomy,
        },
    }


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


def _hhmm(value: time) -> str:
    return value.strftime("%H:%M:%S")


# --- export -----------------------------------------------------------------------------------------------

def to_hsds(partner: Partner) -> dict[str, Any]:
    org = partner.id
    return _clean({
        "id": str(org),
        "name": partner.name,
        "description": partner.description,
        "email": partner.email,
        "website": partner.website,
        "attributes": [_term(KIND_TAXONOMY, partner.kind, partner.kind.replace("_", " "), org, "organization")],
        "contacts": [_contact(c, org) for c in partner.contacts],
        "locations": [_location(loc, org) for loc in partner.locations],
        "services": [_service(s, org) for s in partner.services],
    })


def _contact(contact: Contact, org: UUID) -> dict[str, Any]:
    language = [{"id": _id("language", contact.id, contact.language), "code": contact.language}]
    phones = [{"id": _id("phone", contact.id), "contact_id": str(contact.id), "number": contact.phone,
               "languages": language}] if contact.phone else []
    return _clean({
        "id": str(contact.id), "organization_id": str(org), "name": contact.name, "title": contact.role,
        "email": contact.email, "phones": phones,
        "attributes": [_term(LANGUAGE_TAXONOMY, contact.language, contact.language, contact.id, "contact")],
    })


def _location(location: Location, org: UUID) -> dict[str, Any]:
    addresses = [] if location.kind == "virtual" else [{
        "id": _id("address", location.id), "location_id": str(location.id), "address_1": location.address_1,
        "city": location.city, "state_province": location.state_province, "postal_code": location.postal_code,
        "country": location.country, "address_type": location.kind,
    }]
    return _clean({
        "id": str(location.id), "organization_id": str(org), "location_type": location.kind, "name": location.name,
        "url": location.url, "latitude": location.latitude, "longitude": location.longitude, "addresses": addresses,
    })


def _service(service: Service, org: UUID) -> dict[str, Any]:
    sid = service.id
    return _clean({
        "id": str(sid), "organization_id": str(org), "name": service.name, "description": service.description,
        "status": service.status, "eligibility_description": service.eligibility,
        "minimum_age": service.minimum_age, "maximum_age": service.maximum_age, "fees_description": service.fees,
        "url": service.url, "email": service.email,
        "assured_date": service.verified_on.isoformat() if service.verified_on else None,
        "languages": [{"id": _id("language", sid, code), "service_id": str(sid), "code": code} for code in service.languages],
        "attributes": [_term(NEEDS_TAXONOMY, need, NEEDS.get(need, need), sid, "service") for need in service.needs],
        "service_at_locations": [
            {"id": _id("service_at_location", sid, loc), "service_id": str(sid), "location_id": str(loc)}
            for loc in service.location_ids
        ],
        "schedules": [_clean({
            "id": str(s.id), "service_id": str(sid), "freq": "WEEKLY", "byday": ",".join(s.byday),
            "opens_at": _hhmm(s.opens_at), "closes_at": _hhmm(s.closes_at),
            "valid_from": s.valid_from.isoformat() if s.valid_from else None,
            "valid_to": s.valid_to.isoformat() if s.valid_to else None, "description": s.description,
        }) for s in service.schedules],
    })


# --- import -----------------------------------------------------------------------------------------------

def from_hsds(document: Any) -> tuple[UUID, PartnerRecord, bool]:
    """Read an HSDS organization into (id, partner record, whether it states the partner kind),
    or raise HsdsRejected naming every problem.

    Nothing is written anywhere: callers validate first and apply after, so a bad record is never half-applied.
    """
    problems = schema_problems(document)
    if problems:
        raise HsdsRejected(problems)
    try:
        record = PartnerRecord.model_validate(_record_fields(document))
    except ValidationError as exc:
        raise HsdsRejected([f"{'.'.join(map(str, e['loc'])) or 'organization'}: {e['msg']}" for e in exc.errors()]) from exc
    except _Unmappable as exc:
        raise HsdsRejected(exc.problems) from exc
    return UUID(document["id"]), record, bool(_terms(document.get("attributes", []), KIND_TAXONOMY))


class _Unmappable(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def _terms(attributes: list[dict[str, Any]], taxonomy: str | None = None, *, as_code: bool = True) -> list[str]:
    """Taxonomy term codes (of one taxonomy, if named); `as_code` folds them into Lantern's code shape."""
    codes = []
    for attribute in attributes or []:
        term = attribute.get("taxonomy_term") or {}
        if taxonomy is not None and term.get("taxonomy") != taxonomy:
            continue
        code = term.get("code") or term.get("name")
        if code:
            codes.append(str(code).strip().lower().replace(" ", "_") if as_code else str(code).strip())
    return codes


def _record_fields(doc: dict[str, Any]) -> dict[str, Any]:
    problems: list[str] = []
    kinds = _terms(doc.get("attributes", []), KIND_TAXONOMY)
    if kinds and kinds[0] not in PARTNER_KINDS:
        problems.append(f"attributes: partner kind {kinds[0]!r} is not one of {', '.join(PARTNER_KINDS)}")
    locations = [_read_location(loc, f"locations.{i}", problems) for i, loc in enumerate(doc.get("locations") or [])]
    services = [_read_service(s, f"services.{i}", problems) for i, s in enumerate(doc.get("services") or [])]
    # Locations reached only through a service's service_at_locations belong to the organization too.
    known = {loc["id"] for loc in locations}
    for i, service in enumerate(doc.get("services") or []):
        for sal in service.get("service_at_locations") or []:
            nested = sal.get("location")
            if nested and nested["id"] not in known:
                known.add(nested["id"])
                locations.append(_read_location(nested, f"services.{i}.service_at_locations.location", problems))
    if problems:
        raise _Unmappable(problems)
    return {
        "name": doc["name"],
        "description": doc.get("description") or "",
        "kind": kinds[0] if kinds else "other",
        "email": doc.get("email"),
        "website": doc.get("website"),
        "contacts": [_read_contact(c) for c in doc.get("contacts") or []],
        "locations": locations,
        "services": services,
    }


def _read_contact(doc: dict[str, Any]) -> dict[str, Any]:
    phones = doc.get("phones") or []
    languages = _terms(doc.get("attributes", []), LANGUAGE_TAXONOMY, as_code=False) or [
        lang["code"] for phone in phones for lang in phone.get("languages") or [] if lang.get("code")
    ]
    contact = {"id": doc["id"], "name": doc.get("name") or doc.get("title") or doc.get("department") or "",
               "role": doc.get("title"), "email": doc.get("email"), "phone": phones[0]["number"] if phones else None}
    if languages:
        contact["language"] = languages[0]
    return contact


def _read_location(doc: dict[str, Any], where: str, problems: list[str]) -> dict[str, Any]:
    addresses = doc.get("addresses") or []
    if len(addresses) > 1:
        problems.append(f"{where}.addresses: one address per location is supported, found {len(addresses)}")
    address = addresses[0] if addresses else {}
    return {
        "id": doc["id"], "kind": doc["location_type"], "name": doc.get("name"), "url": doc.get("url"),
        "latitude": doc.get("latitude"), "longitude": doc.get("longitude"),
        **{k: address.get(k) for k in ("address_1", "city", "state_province", "postal_code", "country")},
    }


def _read_service(doc: dict[str, Any], where: str, problems: list[str]) -> dict[str, Any]:
    schedules = [_read_schedule(s, f"{where}.schedules.{i}", problems) for i, s in enumerate(doc.get("schedules") or [])]
    for sal in doc.get("service_at_locations") or []:
        schedules += [_read_schedule(s, f"{where}.service_at_locations.schedules", problems) for s in sal.get("schedules") or []]
    assured = doc.get("assured_date")
    verified_on = None
    if assured:
        try:
            verified_on = date.fromisoformat(assured[:10])
        except ValueError:
            problems.append(f"{where}.assured_date: not a date (YYYY-MM-DD): {assured!r}")
    return {
        "id": doc["id"], "name": doc["name"], "description": doc.get("description") or "", "status": doc["status"],
        "eligibility": doc.get("eligibility_description"), "fees": doc.get("fees_description"),
        "minimum_age": _whole(doc.get("minimum_age"), f"{where}.minimum_age", problems),
        "maximum_age": _whole(doc.get("maximum_age"), f"{where}.maximum_age", problems),
        "url": doc.get("url"), "email": doc.get("email"),
        "languages": [lang["code"] for lang in doc.get("languages") or [] if lang.get("code")],
        "needs": list(dict.fromkeys(_terms(doc.get("attributes", [])))),
        "location_ids": [sal["location_id"] for sal in doc.get("service_at_locations") or [] if sal.get("location_id")]
        + [sal["location"]["id"] for sal in doc.get("service_at_locations") or []
           if not sal.get("location_id") and sal.get("location")],
        "schedules": [s for s in schedules if s is not None],
        "verified_on": verified_on,
    }


def _whole(value: Any, where: str, problems: list[str]) -> int | None:
    if value is None:
        return None
    if float(value) != int(value):
        problems.append(f"{where}: ages are whole years, got {value}")
    return int(value)


def _read_schedule(doc: dict[str, Any], where: str, problems: list[str]) -> dict[str, Any] | None:
    if doc.get("freq") not in (None, "WEEKLY"):
        problems.append(f"{where}.freq: only weekly opening hours are supported, got {doc.get('freq')!r}")
        return None
    if not (doc.get("byday") and doc.get("opens_at") and doc.get("closes_at")):
        problems.append(f"{where}: opening hours need byday, opens_at and closes_at")
        return None
    try:
        opens, closes = time.fromisoformat(doc["opens_at"]), time.fromisoformat(doc["closes_at"])
    except ValueError:
        problems.append(f"{where}: opens_at and closes_at must be times (HH:MM or HH:MM:SS)")
        return None
    return _clean({
        "id": doc["id"], "byday": [d.strip().upper()[-2:] for d in doc["byday"].split(",") if d.strip()],
        "opens_at": opens, "closes_at": closes, "valid_from": doc.get("valid_from"), "valid_to": doc.get("valid_to"),
        "description": doc.get("description"),
    })
