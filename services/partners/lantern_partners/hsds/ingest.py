"""HSDS 3.0 organizations read into partner records: validated whole, every problem named, nothing half-read."""

from datetime import date, time
from typing import Any
from uuid import UUID

from pydantic import ValidationError

from lantern_shared.refusals import Kind, Refusal

from ..domain.records import PARTNER_KINDS, PartnerRecord
from .schema import schema_problems
from .terms import KIND_TAXONOMY, LANGUAGE_TAXONOMY, clean, terms


class HsdsRejected(Refusal):
    """An HSDS organization that cannot be accepted as it stands, with every reason found."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(Kind.INVALID, "hsds_rejected", "HSDS organization rejected: " + "; ".join(problems),
                         problems=problems)
        self.problems = problems


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
    return UUID(document["id"]), record, bool(terms(document.get("attributes", []), KIND_TAXONOMY))


class _Unmappable(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def _record_fields(doc: dict[str, Any]) -> dict[str, Any]:
    problems: list[str] = []
    kinds = terms(doc.get("attributes", []), KIND_TAXONOMY)
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
    languages = terms(doc.get("attributes", []), LANGUAGE_TAXONOMY, as_code=False) or [
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
        "needs": list(dict.fromkeys(terms(doc.get("attributes", [])))),
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
    return clean({
        "id": doc["id"], "byday": [d.strip().upper()[-2:] for d in doc["byday"].split(",") if d.strip()],
        "opens_at": opens, "closes_at": closes, "valid_from": doc.get("valid_from"), "valid_to": doc.get("valid_to"),
        "description": doc.get("description"),
    })
