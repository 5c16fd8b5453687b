"""The referral directory: what a search asks, what it finds, and the order staff see it in (ranked in SQL)."""

import re
from datetime import date
from uuid import UUID

from pydantic import BaseModel, Field

from .records import Location


def primary_language(tag: str) -> str:
    """'es' serves someone asking for 'es-MX' and the other way round: primary subtags decide."""
    return tag.split("-")[0].lower()


def same_language(a: str, b: str) -> bool:
    return primary_language(a) == primary_language(b)


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
        """Ascending: more needs met, then the asked language, then nearer, then more recently verified.

        The same key the search query orders and pages by (store.directory), so a cursor is a rank."""
        return [
            -self.needs_matched,
            0 if self.language_match else 1,
            self.distance_km if self.distance_km is not None else 1e9,
            -(self.verified_on.toordinal() if self.verified_on else 0),
            str(self.service_id),
        ]
