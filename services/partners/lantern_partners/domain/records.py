"""Partner records, shaped on Open Referral HSDS 3.0: organization, services, locations, contacts, schedules."""

from datetime import date, datetime, time
from typing import Literal, get_args
from uuid import UUID, uuid4

from pydantic import ConfigDict, EmailStr, Field, ValidationInfo, field_validator, model_validator

from lantern_shared.fields import LanguageTag, PhoneNumber

from .common import Need, Strict

PartnerKind = Literal[
    "workforce_development", "government", "social_services", "school", "higher_education", "health",
    "homelessness_services", "community_organization", "other",
]
PARTNER_KINDS: tuple[str, ...] = get_args(PartnerKind)
PartnerStatus = Literal["prospect", "active", "lapsed"]
ServiceStatus = Literal["active", "inactive", "defunct", "temporarily closed"]
LocationKind = Literal["physical", "postal", "virtual"]
Weekday = Literal["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
WEEKDAYS: tuple[str, ...] = get_args(Weekday)

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


class Contact(Strict):
    id: UUID = Field(default_factory=uuid4)
    name: str = Field(min_length=1, max_length=200)
    role: str | None = Field(default=None, max_length=200)
    email: EmailStr | None = None
    phone: PhoneNumber | None = None
    language: LanguageTag = "en"


class Schedule(Strict):
    """Weekly opening hours, in the library's time zone."""

    id: UUID = Field(default_factory=uuid4)
    byday: list[Weekday] = Field(min_length=1)
    opens_at: time
    closes_at: time
    valid_from: date | None = None
    valid_to: date | None = None
    description: str | None = Field(default=None, max_length=500)

    @field_validator("opens_at", "closes_at")
    @classmethod
    def _local(cls, value: time) -> time:
        if value.tzinfo is not None:
            raise ValueError("a local time of day without an offset, e.g. 09:00")
        return value

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


class Location(Strict):
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
    def _complete(self, info: ValidationInfo) -> "Location":
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("latitude and longitude go together")
        if self.kind == "virtual" and not self.url:
            raise ValueError("a virtual location needs a url")
        # Staff give a full address; HSDS does not require one, so an imported location may have a part of it.
        imported = bool(info.context and info.context.get("imported"))
        if self.kind != "virtual" and not imported:
            missing = [f for f in ("address_1", "city", "state_province", "postal_code", "country") if not getattr(self, f)]
            if missing:
                raise ValueError(f"a {self.kind} location needs an address: missing {', '.join(missing)}")
        return self

    @property
    def coordinates(self) -> tuple[float, float] | None:
        return (self.latitude, self.longitude) if self.latitude is not None and self.longitude is not None else None


class Service(Strict):
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
    verified_on: date | None = Field(default=None, description="HSDS assured_date: when the record was last confirmed")
    assurer_email: EmailStr | None = Field(default=None, description="HSDS assurer_email: who confirmed it")

    @model_validator(mode="after")
    def _ages(self) -> "Service":
        if self.minimum_age is not None and self.maximum_age is not None and self.maximum_age < self.minimum_age:
            raise ValueError("maximum_age must not be below minimum_age")
        return self

    def accepts_age(self, age: int) -> bool:
        old_enough = self.minimum_age is None or age >= self.minimum_age
        return old_enough and (self.maximum_age is None or age <= self.maximum_age)


class PartnerRecord(Strict):
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
        return PartnerRecord.model_validate(self.model_dump(include=set(PartnerRecord.model_fields)),
                                            context={"imported": True})


def first_name(name: str) -> str:
    """The one part of a patron's name shared with a partner (when they agreed to share anything)."""
    parts = name.split()
    return parts[0] if parts else name

