"""HSDS 3.0 organizations read into partner records, as tolerant as the standard: whatever the HSDS schema accepts
is accepted; what Lantern cannot use (an impossible coordinate, a phone it cannot read, a schedule it cannot
follow) is left out of the record, so out of search, and reported as a warning. Only a document the schema itself
refuses is rejected, with every reason. Warnings name the field, never the value (it may be a person's phone)."""

from datetime import date, time
from typing import Any
from uuid import UUID

from pydantic import ValidationError

from lantern_shared.refusals import Kind, Refusal

from ..domain.records import PARTNER_KINDS, PartnerRecord
from .schema import schema_problems
from .terms import KIND_TAXONOMY, LANGUAGE_TAXONOMY, clean, terms

_QUOTES = "\"'“”‘’«»「」"
_MAX_ROUNDS = 50  # each round leaves out at least one value; a record has far fewer bad ones than this


class HsdsRejected(Refusal):
    """An HSDS organization that cannot be accepted as it stands, with every reason found."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(Kind.INVALID, "hsds_rejected", "HSDS organization rejected: " + "; ".join(problems),
                         problems=problems)
        self.problems = problems


def from_hsds(document: Any) -> tuple[UUID, PartnerRecord, bool, list[str]]:
    """Read an HSDS organization into (id, partner record, whether it states the partner kind, warnings),
    or raise HsdsRejected naming every way it breaks the HSDS schema.

    Nothing is written anywhere: callers validate first and apply after, so a bad record is never half-applied.
    """
    problems = schema_problems(document)
    if problems:
        raise HsdsRejected(problems)
    warnings: list[str] = []
    fields = _record_fields(document, warnings)
    for _ in range(_MAX_ROUNDS):
        try:
            record = PartnerRecord.model_validate(fields, context={"imported": True})
            break
        except ValidationError as exc:
            if not _leave_out(fields, exc, warnings):
                raise HsdsRejected([f"{_where(e['loc'])}: {e['msg']}" for e in exc.errors()]) from exc
    else:  # pragma: no cover - a record would need more than _MAX_ROUNDS unusable values
        raise HsdsRejected(["organization: too many values Lantern cannot use"])
    return UUID(document["id"]), record, bool(terms(document.get("attributes", []), KIND_TAXONOMY)), warnings


def _where(loc: tuple) -> str:
    return ".".join(map(str, loc)) or "organization"


def _leave_out(fields: dict[str, Any], exc: ValidationError, warnings: list[str]) -> bool:
    """Leave out (or cut to size) each value Lantern refused; False when nothing could be left out."""
    changed = False
    removals: list[tuple[list, int]] = []
    for error in exc.errors():
        loc: tuple[Any, ...] = tuple(error["loc"])
        parent: Any = fields
        for part in loc[:-1]:
            parent = parent[part] if isinstance(parent, (dict, list)) else None
        key = loc[-1] if loc else None
        if key is None or parent is None:
            continue
        if error["type"] == "string_too_long" and isinstance(parent, dict):
            parent[key] = parent[key][: error["ctx"]["max_length"]]
            warnings.append(f"{_where(loc)}: cut to {error['ctx']['max_length']} characters")
        elif error["type"] == "missing":
            continue  # a required value left out: the list item holding it goes (below)
        elif isinstance(parent, dict) and key in parent:
            del parent[key]  # Lantern's default (none, or 'en' for a contact's language) stands instead
            warnings.append(f"{_where(loc)}: left out, Lantern cannot use it ({error['msg']})")
        elif isinstance(parent, list) and isinstance(key, int):
            removals.append((parent, key))
            warnings.append(f"{_where(loc)}: left out, Lantern cannot use it ({error['msg']})")
        else:
            continue
        changed = True
    for items, index in sorted(removals, key=lambda r: -r[1]):
        if index < len(items):
            del items[index]
    if changed:
        _drop_dangling_locations(fields, warnings)
        return True
    # A required value Lantern cannot use: the list item holding it goes (a schedule, a contact, a location).
    for error in exc.errors():
        loc = tuple(error["loc"])
        if len(loc) >= 3 and isinstance(loc[-2], int):
            cut: tuple[Any, ...] = loc[:-1]
            holder: Any = fields
            for part in cut[:-1]:
                holder = holder[part]
            if isinstance(holder, list) and cut[-1] < len(holder):
                del holder[cut[-1]]
                warnings.append(f"{_where(cut)}: left out, Lantern cannot use it ({error['msg']})")
                _drop_dangling_locations(fields, warnings)
                return True
    return False


def _drop_dangling_locations(fields: dict[str, Any], warnings: list[str]) -> None:
    known = {str(loc["id"]) for loc in fields["locations"]}
    for i, service in enumerate(fields["services"]):
        kept = [lid for lid in service["location_ids"] if str(lid) in known]
        if len(kept) != len(service["location_ids"]):
            warnings.append(f"services.{i}.location_ids: a location not in this organization is left out")
            service["location_ids"] = kept


def _record_fields(doc: dict[str, Any], warnings: list[str]) -> dict[str, Any]:
    kinds = terms(doc.get("attributes", []), KIND_TAXONOMY)
    kind = kinds[0] if kinds else "other"
    if kind not in PARTNER_KINDS:
        warnings.append(f"attributes: partner kind is not one of {', '.join(PARTNER_KINDS)}; read as 'other'")
        kind = "other"
    locations = [_read_location(loc, f"locations.{i}", warnings) for i, loc in enumerate(doc.get("locations") or [])]
    services = [_read_service(s, f"services.{i}", warnings) for i, s in enumerate(doc.get("services") or [])]
    # Locations reached only through a service's service_at_locations belong to the organization too.
    known = {loc["id"] for loc in locations}
    for i, service in enumerate(doc.get("services") or []):
        for sal in service.get("service_at_locations") or []:
            nested = sal.get("location")
            if nested and nested["id"] not in known:
                known.add(nested["id"])
                locations.append(_read_location(nested, f"services.{i}.service_at_locations.location", warnings))
    fields = {
        "name": doc["name"], "description": doc.get("description") or "", "kind": kind, "email": doc.get("email"),
        "website": doc.get("website"),
        "contacts": _unique([_read_contact(c, f"contacts.{i}", warnings) for i, c in enumerate(doc.get("contacts") or [])],
                            "contacts", warnings),
        "locations": _unique(locations, "locations", warnings),
        "services": _unique(services, "services", warnings),
    }
    _drop_dangling_locations(fields, warnings)
    return fields


def _unique(items: list[dict[str, Any]], where: str, warnings: list[str]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    kept = []
    for i, item in enumerate(items):
        if str(item["id"]) in seen:
            warnings.append(f"{where}.{i}: the same id twice; the second is left out")
            continue
        seen.add(str(item["id"]))
        kept.append(item)
    return kept


def _unquoted(value: Any) -> Any:
    return value.strip().strip(_QUOTES).strip() if isinstance(value, str) else value


def _read_contact(doc: dict[str, Any], where: str, warnings: list[str]) -> dict[str, Any]:
    phones = doc.get("phones") or []
    languages = terms(doc.get("attributes", []), LANGUAGE_TAXONOMY, as_code=False) or [
        lang["code"] for phone in phones for lang in phone.get("languages") or [] if lang.get("code")
    ]
    phone = phones[0]["number"] if phones else None
    if phone is not None and _unquoted(phone) != phone:
        warnings.append(f"{where}.phones.0.number: quotation marks around the number are dropped")
    name = doc.get("name") or doc.get("title") or doc.get("department")
    if not name:
        warnings.append(f"{where}.name: no name, title or department; listed as 'Contact'")
    contact = {"id": doc["id"], "name": name or "Contact", "role": doc.get("title"), "email": doc.get("email"),
               "phone": _unquoted(phone)}
    if languages:
        contact["language"] = languages[0]
    return contact


def _read_location(doc: dict[str, Any], where: str, warnings: list[str]) -> dict[str, Any]:
    addresses = doc.get("addresses") or []
    if len(addresses) > 1:
        warnings.append(f"{where}.addresses: one address per location is kept, the first of {len(addresses)}")
    address = addresses[0] if addresses else {}
    lat, lon = doc.get("latitude"), doc.get("longitude")
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        if lat is not None or lon is not None:
            warnings.append(f"{where}.latitude/longitude: not a place on earth (or only one of the two); "
                            "left out, so the location is not found by distance")
        lat = lon = None
    return {
        "id": doc["id"], "kind": doc["location_type"], "name": doc.get("name"), "url": doc.get("url"),
        "latitude": lat, "longitude": lon,
        **{k: address.get(k) for k in ("address_1", "city", "state_province", "postal_code", "country")},
    }


def _read_service(doc: dict[str, Any], where: str, warnings: list[str]) -> dict[str, Any]:
    schedules = [_read_schedule(s, f"{where}.schedules.{i}", warnings) for i, s in enumerate(doc.get("schedules") or [])]
    for sal in doc.get("service_at_locations") or []:
        schedules += [_read_schedule(s, f"{where}.service_at_locations.schedules", warnings) for s in sal.get("schedules") or []]
    assured = doc.get("assured_date")
    verified_on = None
    if assured:
        try:
            verified_on = date.fromisoformat(assured[:10])
        except ValueError:
            warnings.append(f"{where}.assured_date: not a date (YYYY-MM-DD); left out")
    lowest, highest = _age(doc.get("minimum_age"), f"{where}.minimum_age", warnings), \
        _age(doc.get("maximum_age"), f"{where}.maximum_age", warnings)
    if lowest is not None and highest is not None and highest < lowest:
        warnings.append(f"{where}.maximum_age: below minimum_age; both left out")
        lowest = highest = None
    return {
        "id": doc["id"], "name": doc["name"], "description": doc.get("description") or "", "status": doc["status"],
        "eligibility": doc.get("eligibility_description"), "fees": doc.get("fees_description"),
        "minimum_age": lowest, "maximum_age": highest, "url": doc.get("url"), "email": doc.get("email"),
        "assurer_email": doc.get("assurer_email"),
        "languages": [lang["code"] for lang in doc.get("languages") or [] if lang.get("code")],
        "needs": list(dict.fromkeys(terms(doc.get("attributes", [])))),
        "location_ids": [sal["location_id"] for sal in doc.get("service_at_locations") or [] if sal.get("location_id")]
        + [sal["location"]["id"] for sal in doc.get("service_at_locations") or []
           if not sal.get("location_id") and sal.get("location")],
        "schedules": [s for s in schedules if s is not None],
        "verified_on": verified_on,
    }


def _age(value: Any, where: str, warnings: list[str]) -> int | None:
    if value is None:
        return None
    if not 0 <= value <= 130 or float(value) != int(value):
        warnings.append(f"{where}: Lantern keeps ages as whole years from 0 to 130; left out")
        return None
    return int(value)


def _read_schedule(doc: dict[str, Any], where: str, warnings: list[str]) -> dict[str, Any] | None:
    if doc.get("freq") not in (None, "WEEKLY"):
        warnings.append(f"{where}.freq: only weekly opening hours are used; this schedule is left out")
        return None
    if not (doc.get("byday") and doc.get("opens_at") and doc.get("closes_at")):
        warnings.append(f"{where}: opening hours need byday, opens_at and closes_at; this schedule is left out")
        return None
    try:
        opens, closes = time.fromisoformat(doc["opens_at"]), time.fromisoformat(doc["closes_at"])
    except ValueError:
        warnings.append(f"{where}: opens_at and closes_at are not times (HH:MM); this schedule is left out")
        return None
    return clean({
        "id": doc["id"], "byday": [d.strip().upper()[-2:] for d in doc["byday"].split(",") if d.strip()],
        "opens_at": opens, "closes_at": closes, "valid_from": doc.get("valid_from"), "valid_to": doc.get("valid_to"),
        "description": doc.get("description"),
    })
