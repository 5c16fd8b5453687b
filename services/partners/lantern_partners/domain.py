"""The partners service's rules: partner records, partnership status, agreements, the directory's ranking,
referrals and broadcasts. No I/O here."""

import math
import re
from datetime import date, datetime, time, timedelta
from typing import Annotated, Literal
from uuid import UUID, uuid4

from pydantic import AfterValidator, BaseModel, ConfigDict, EmailStr, Field, model_validator

# BCP 47: language, optional extlang/script/region/variants.
_BCP47 = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|\d{3}))?(-([A-Za-z\d]{5,8}|\d[A-Za-z\d]{3}))*$")
_PHONE = re.compile(r"^\+?[0-9 ()\-.]{7,20}$")
_NEED = re.compile(r"^[a-z0-9][a-z0-9_.:\-]{0,63}$")


def _language_tag(value: str) -> str:
    if not _BCP47.match(value):
        raise ValueError("must be a BCP 47 language tag such as 'en', 'es-MX' or 'zh-Hant'")
    return value


def _phone(value: str) -> str:
    if not _PHONE.match(value):
        raise ValueError("must be a phone number of 7 to 20 digits, optionally starting with +")
    return value


def _need(value: str) -> str:
    if not _NEED.match(value):
        raise ValueError("must be a taxonomy code: lower case letters, digits, '_', '.', ':' or '-' (e.g. 'job_training')")
    return value


LanguageTag = Annotated[str, AfterValidator(_language_tag)]
PhoneNumber = Annotated[str, AfterValidator(_phone)]
Need = Annotated[str, AfterValidator(_need)]

PartnerKind = Literal[
    "workforce_development", "government", "social_services", "school", "higher_education", "health",
    "homelessness_services", "community_organization", "other",
]
PARTNER_KINDS: tuple[str, ...] = PartnerKind.__args__  # type: ignore[attr-defined]
PartnerStatus = Literal["prospect", "active", "lapsed"]
ServiceStatus = Literal["active", "inactive", "defunct", "temporarily closed"]
LocationKind = Literal["physical", "postal", "virtual"]
Weekday = Literal["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
WEEKDAYS: tuple[str, ...] = Weekday.__args__  # type: ignore[attr-defined]

# The needs staff refer people for; imported records may carry other taxonomies' codes too.
NEEDS: dict[str, str] = {
    "internet_access": "Internet access",
    "devices": "Devices (laptops, tablets, hotspots)",
    "digital_literacy": "Digital-literacy training",
    "job_training": "Job training",
    "resume_help": "Resume help",
    "job_search": "Job search",
    "benefits_enrollment": "Benefits enrollment",
    "health": "Health",
    "mental_health": "Mental health",
    "housing": "Housing",
    "food": "Food",
    "legal_aid": "Legal aid",
    "language_learning": "Language learning",
    "childcare": "Childcare",
    "transportation": "Transportation",
    "education": "Education",
}

# Which partner kinds cover each of the Edge benchmark's partner categories.
BENCHMARK_CATEGORIES: dict[str, frozenset[str]] = {
    "workforce": frozenset({"workforce_development"}),
    "government_social_services": frozenset({"government", "social_services", "homelessness_services"}),
    "education": frozenset({"school", "higher_education"}),
    "health": frozenset({"health"}),
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Contact(_Strict):
    id: UUID = Field(default_factory=uuid4)
    name: str = Field(min_length=1, max_length=200)
    role: str | None = Field(default=None, max_length=200)
    email: EmailStr | None = None
    phone: PhoneNumber | None = None
    language: LanguageTag = "en"


class Schedule(_Strict):
    """Weekly opening hours, in the library's time zone."""

    id: UUID = Field(default_factory=uuid4)
    byday: list[Weekday] = Field(min_length=1)
    opens_at: time
    closes_at: time
    valid_from: date | None = None
    valid_to: date | None = None
    description: str | None = Field(default=None, max_length=500)

    @model_validator(mode="after")
    def _coherent(self) -> "Schedule":
        if self.closes_at <= self.opens_at:
            raise ValueError("closes_at must be after opens_at (split an overnight opening in two)")
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError("valid_to must not be before valid_from")
        return self

    def is_open(self, local: datetime) -> bool:
        if WEEKDAYS[local.weekday()] not in self.byday:
            return False
        today = local.date()
        if (self.valid_from and today < self.valid_from) or (self.valid_to and today > self.valid_to):
            return False
        return self.opens_at <= local.time().replace(tzinfo=None) < self.closes_at


class Location(_Strict):
    id: UUID = Field(default_factory=uuid4)
    kind: LocationKind = "physical"
    name: str | None = Field(default=None, max_length=200)
    address_1: str | None = Field(default=None, max_length=300)
    city: str | None = Field(default=None, max_length=100)
    state_province: str | None = Field(default=None, max_length=100)
    postal_code: str | None = Field(default=None, max_length=20)
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    url: str | None = Field(default=None, max_length=500)

    @model_validator(mode="after")
    def _complete(self) -> "Location":
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("latitude and longitude go together")
        if self.kind == "virtual" and not self.url:
            raise ValueError("a virtual location needs a url")
        if self.kind != "virtual":
            missing = [f for f in ("address_1", "city", "state_province", "postal_code", "country") if not getattr(self, f)]
            if missing:
                raise ValueError(f"a {self.kind} location needs an address: missing {', '.join(missing)}")
        return self

    @property
    def coordinates(self) -> tuple[float, float] | None:
        return (self.latitude, self.longitude) if self.latitude is not None and self.longitude is not None else None


class Service(_Strict):
    id: UUID = Field(default_factory=uuid4)
    name: str = Field(min_length=1, max_length=300)
    description: str = Field(default="", max_length=5000)
    status: ServiceStatus = "active"
    eligibility: str | None = Field(default=None, max_length=2000)
    minimum_age: int | None = Field(default=None, ge=0, le=130)
    maximum_age: int | None = Field(default=None, ge=0, le=130)
    fees: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=500)
    email: EmailStr | None = None
    languages: list[LanguageTag] = Field(default_factory=list)
    needs: list[Need] = Field(default_factory=list)
    location_ids: list[UUID] = Field(default_factory=list)
    schedules: list[Schedule] = Field(default_factory=list)
    verified_on: date | None = None

    @model_validator(mode="after")
    def _ages(self) -> "Service":
        if self.minimum_age is not None and self.maximum_age is not None and self.maximum_age < self.minimum_age:
            raise ValueError("maximum_age must not be below minimum_age")
        return self

    def accepts_age(self, age: int) -> bool:
        return (self.minimum_age is None or age >= self.minimum_age) and (self.maximum_age is None or age <= self.maximum_age)


class PartnerRecord(_Strict):
    """What staff (or a 211 / partner system) say about an organization: everything but partnership status."""

    name: str = Field(min_length=1, max_length=300)
    description: str = Field(default="", max_length=5000)
    kind: PartnerKind = "other"
    email: EmailStr | None = None
    website: str | None = Field(default=None, max_length=500)
    services: list[Service] = Field(default_factory=list)
    locations: list[Location] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> "PartnerRecord":
        for label, items in (("services", self.services), ("locations", self.locations), ("contacts", self.contacts)):
            ids = [item.id for item in items]
            if len(ids) != len(set(ids)):
                raise ValueError(f"{label} ids must be unique")
        known = {loc.id for loc in self.locations}
        for service in self.services:
            unknown = [str(i) for i in service.location_ids if i not in known]
            if unknown:
                raise ValueError(f"service {service.id} names locations this organization does not have: {', '.join(unknown)}")
        return self

    def service(self, service_id: UUID) -> Service | None:
        return next((s for s in self.services if s.id == service_id), None)

    def contact(self, contact_id: UUID) -> Contact | None:
        return next((c for c in self.contacts if c.id == contact_id), None)


class Partner(PartnerRecord):
    model_config = ConfigDict(extra="ignore")

    id: UUID
    status: PartnerStatus = "prospect"
    status_changed_at: datetime | None = None

    def record(self) -> PartnerRecord:
        return PartnerRecord.model_validate(self.model_dump(include=set(PartnerRecord.model_fields)))


def first_name(name: str) -> str:
    """The one part of a patron's name shared with a partner (when they agreed to share anything)."""
    parts = name.split()
    return parts[0] if parts else name


# --- partnership status ---------------------------------------------------------------------------------

_TRANSITIONS: dict[str, frozenset[str]] = {
    "prospect": frozenset({"active"}),
    "active": frozenset({"lapsed"}),
    "lapsed": frozenset({"active"}),
}


class RuleBroken(Exception):
    """A request that contradicts a rule of the domain; the reason is said to the caller as a conflict."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def check_status_change(current: str, target: str, reason: str | None) -> None:
    if target == current:
        raise RuleBroken("status unchanged", f"the partner is already {current}")
    if target not in _TRANSITIONS[current]:
        allowed = " or ".join(sorted(_TRANSITIONS[current]))
        raise RuleBroken("status change not allowed", f"a {current} partner can become {allowed}, not {target}")
    if target == "lapsed" and not (reason and reason.strip()):
        raise RuleBroken("reason required", "a lapse needs a reason: the partner's contact is told it")


# --- agreements -------------------------------------------------------------------------------------------

AgreementKind = Literal["expertise", "in_kind", "programming", "workspace", "device_loans", "mobile_training", "joint_grant"]
AGREEMENT_KINDS: tuple[str, ...] = AgreementKind.__args__  # type: ignore[attr-defined]


class AgreementTerms(_Strict):
    kind: AgreementKind
    starts_on: date
    ends_on: date | None = None
    notes: str = Field(default="", max_length=5000)
    library_contact: str = Field(min_length=1, max_length=200, description="The library staff member who looks after it")

    @model_validator(mode="after")
    def _dates(self) -> "AgreementTerms":
        if self.ends_on is not None and self.ends_on < self.starts_on:
            raise ValueError("ends_on must not be before starts_on")
        return self


class Agreement(AgreementTerms):
    model_config = ConfigDict(extra="ignore")

    id: UUID
    partner_id: UUID
    signed_at: datetime
    ended_on: date | None = None
    end_reason: str | None = None
    signed_by: str = "unspecified"
    ended_by: str | None = None

    def state(self, today: date) -> Literal["upcoming", "active", "ended"]:
        if self.ended_on is not None or agreement_has_run_out(self.ends_on, today):
            return "ended"
        return "upcoming" if self.starts_on > today else "active"


def agreement_has_run_out(ends_on: date | None, today: date) -> bool:
    """An agreement covers its last day; it has ended from the day after."""
    return ends_on is not None and ends_on < today


# --- the referral directory -------------------------------------------------------------------------------

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
        partner_status=entry.partner_status, needs=service.needs, languages=service.languages, eligibility=service.eligibility, fees=service.fees,
        minimum_age=service.minimum_age, maximum_age=service.maximum_age, locations=served,
        needs_matched=met,
        language_match=bool(query.language) and any(same_language(query.language, l) for l in service.languages),
        distance_km=round(distance, 3) if distance is not None else None,
        open_now=open_now, verified_on=service.verified_on,
    )


def search_directory(entries: list[DirectoryEntry], query: DirectoryQuery, local_now: datetime) -> list[DirectoryHit]:
    """The active services that fit the query, best first."""
    hits = [hit for entry in entries if (hit := _matches(entry, query, local_now)) is not None]
    return sorted(hits, key=lambda h: h.rank_key)


def verification_overdue(verified_on: date | None, today: date, period_days: int) -> bool:
    return verified_on is None or verified_on < today - timedelta(days=period_days)


# --- referrals ------------------------------------------------------------------------------------------

ReferralOutcome = Literal["pending", "contacted", "served", "declined"]
REFERRAL_OUTCOMES: tuple[str, ...] = ReferralOutcome.__args__  # type: ignore[attr-defined]
_OUTCOME_STEPS: dict[str, frozenset[str]] = {
    "pending": frozenset({"contacted", "served", "declined"}),
    "contacted": frozenset({"served", "declined"}),
    "served": frozenset(),
    "declined": frozenset(),
}


def check_outcome(current: str, target: str) -> None:
    if target not in _OUTCOME_STEPS[current]:
        if not _OUTCOME_STEPS[current]:
            raise RuleBroken("referral closed", f"the referral is already {current}")
        raise RuleBroken("outcome not allowed", f"a {current} referral cannot become {target}")


def choose_need(service: Service, asked: str | None) -> str:
    if asked is not None:
        if asked not in service.needs:
            raise RuleBroken("need not met by service", f"{service.name} does not list {asked!r} among the needs it meets")
        return asked
    if not service.needs:
        raise RuleBroken("need required", f"{service.name} lists no needs; say which need the referral is for")
    return service.needs[0]


# --- broadcasts -----------------------------------------------------------------------------------------

BroadcastCategory = Literal["programme_news", "broadcast"]


class BroadcastMessage(_Strict):
    category: BroadcastCategory = "broadcast"
    subject: dict[LanguageTag, Annotated[str, Field(min_length=1, max_length=300)]] = Field(min_length=1)
    body: dict[LanguageTag, Annotated[str, Field(min_length=1, max_length=20000)]] = Field(min_length=1)
    fallback_language: LanguageTag

    @model_validator(mode="after")
    def _languages(self) -> "BroadcastMessage":
        if set(self.subject) != set(self.body):
            raise ValueError("subject and body must be given in the same languages")
        if self.fallback_language not in self.subject:
            raise ValueError("the fallback language must be one of the languages given")
        return self


def broadcast_contact(partner: Partner, chosen: UUID | None) -> Contact | None:
    """Who at a listed organization receives a broadcast: the contact chosen for the list, else its first."""
    if chosen is not None and (contact := partner.contact(chosen)) is not None:
        return contact
    return partner.contacts[0] if partner.contacts else None
