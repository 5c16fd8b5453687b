"""The referral directory: which services fit a search, and in what order staff see them."""

import math
import re
from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, Field

from .records import Location, Service

EARTH_RADIUS_KM = 6371.0088


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def same_language(a: str, b: str) -> bool:
    """'es' serves someone asking for 'es-MX' and the other way round: primary subtags decide."""
    return a.split("-")[0].lower() == b.split("-")[0].lower()


def normalise_postal_code(code: str) -> str:
    return re.sub(r"\s+", "", code).upper()


class DirectoryQuery(BaseModel):
    needs: list[str] = Field(default_factory=list)
    language: str | None = None
    near: tuple[float, float] | None = None
    radius_km: float | None = None
    postal_code: str | None = None
    age: int | None = None
    open_now: bool = False
    text: str | None = None


class DirectoryEntry(BaseModel):
    """A service in the directory with what search needs of its organization."""

    service: Service
    partner_id: UUID
    partner_name: str
    partner_kind: str
    partner_status: str
    locations: list[Location]


class DirectoryHit(BaseModel):
    service_id: UUID
    service_name: str
    description: str
    partner_id: UUID
    partner_name: str
    partner_kind: str
    partner_status: str = Field(description="The library's partnership with the organization (prospect, active, lapsed)")
    needs: list[str]
    languages: list[str]
    eligibility: str | None
    fees: str | None
    minimum_age: int | None
    maximum_age: int | None
    locations: list[Location]
    needs_matched: int
    language_match: bool
    distance_km: float | None
    open_now: bool
    verified_on: date | None

    @property
    def rank_key(self) -> list:
        """Ascending: more needs met, then the asked language, then nearer, then more recently verified."""
        return [
            -self.needs_matched,
            0 if self.language_match else 1,
            self.distance_km if self.distance_km is not None else 1e9,
            -(self.verified_on.toordinal() if self.verified_on else 0),
            str(self.service_id),
        ]


def _matches(entry: DirectoryEntry, query: DirectoryQuery, local_now: datetime) -> DirectoryHit | None:
    service = entry.service
    if service.status != "active":
        return None
    met = len(set(service.needs) & set(query.needs))
    if query.needs and not met:
        return None
    if query.age is not None and not service.accepts_age(query.age):
        return None
    served = [loc for loc in entry.locations if loc.id in service.location_ids] or entry.locations
    if query.postal_code:
        wanted = normalise_postal_code(query.postal_code)
        if not any(loc.postal_code and normalise_postal_code(loc.postal_code) == wanted for loc in served):
            return None
    distances = [haversine_km(query.near, loc.coordinates) for loc in served if query.near and loc.coordinates]
    distance = min(distances) if distances else None
    if query.radius_km is not None and (distance is None or distance > query.radius_km):
        return None
    open_now = any(s.is_open(local_now) for s in service.schedules)
    if query.open_now and not open_now:
        return None
    if query.text:
        haystack = " ".join([service.name, service.description, service.eligibility or "", entry.partner_name]).lower()
        if query.text.lower() not in haystack:
            return None
    return DirectoryHit(
        service_id=service.id, service_name=service.name, description=service.description,
        partner_id=entry.partner_id, partner_name=entry.partner_name, partner_kind=entry.partner_kind,
        partner_status=entry.partner_status, needs=service.needs, languages=service.languages,
        eligibility=service.eligibility, fees=service.fees,
        minimum_age=service.minimum_age, maximum_age=service.maximum_age, locations=served,
        needs_matched=met,
        language_match=query.language is not None and any(same_language(query.language, spoken) for spoken in service.languages),
        distance_km=round(distance, 3) if distance is not None else None,
        open_now=open_now, verified_on=service.verified_on,
    )


def search_directory(entries: list[DirectoryEntry], query: DirectoryQuery, local_now: datetime) -> list[DirectoryHit]:
    """The active services that fit the query, best first."""
    hits = [hit for entry in entries if (hit := _matches(entry, query, local_now)) is not None]
    return sorted(hits, key=lambda h: h.rank_key)

