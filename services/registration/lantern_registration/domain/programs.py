"""Programs and their sessions: what the library offers, where, when, for whom, and with what equipment."""

from collections.abc import Mapping
from datetime import datetime
from typing import Annotated, Any, Literal, get_args
from uuid import UUID
from zoneinfo import ZoneInfo

from pydantic import AwareDatetime, ConfigDict, Field, computed_field, field_serializer, model_validator

from lantern_shared.fields import LanguageTag, TimeZoneName, WebAddress
from lantern_shared.models import RequestModel

from .rules import RegistrationRules, window, window_refusal

# Kinds the library runs today; the field stays open (a slug) so a new kind needs no release.
KNOWN_PROGRAM_KINDS = ("digital_literacy_workshop", "job_skills_training", "outreach_visit", "mentorship", "class")
ProgramKind = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{1,47}$", examples=list(KNOWN_PROGRAM_KINDS))]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_\-]{0,47}$")]

# The age groups the Public Libraries Survey counts program sessions and attendance by.
AgeGroup = Literal["ages_0_5", "ages_6_11", "ages_12_18", "adults", "general_interest"]
AGE_GROUPS: tuple[str, ...] = get_args(AgeGroup)

# How the Public Libraries Survey counts a session's format; a hybrid session counts once, as its in-person format.
SessionFormat = Literal["in_person_on_site", "in_person_off_site", "live_virtual"]
SESSION_FORMATS: tuple[str, ...] = get_args(SessionFormat)

DeviceKind = Literal["hotspot", "laptop", "chromebook", "tablet", "training_kit"]
SessionStatus = Literal["scheduled", "equipment_pending", "ready", "equipment_shortfall", "cancelled", "completed"]
CLOSED_STATUSES = frozenset({"cancelled", "completed"})


class Host(RequestModel):
    """Who runs the program: a library branch, or a partner organization known from partner events."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["branch", "partner"]
    branch: str | None = Field(default=None, min_length=1, max_length=120)
    partner_id: UUID | None = None

    @model_validator(mode="after")
    def _names_its_host(self) -> "Host":
        if self.kind == "branch" and not self.branch:
            raise ValueError("a branch host names its branch")
        if self.kind == "partner" and self.partner_id is None:
            raise ValueError("a partner host gives its partner_id")
        return self


class Mentorship(RequestModel):
    """A mentorship program pairs one mentee with one mentor (an experienced patron or a volunteer enrolled as one)."""

    model_config = ConfigDict(frozen=True)

    mentee_id: UUID
    mentor_id: UUID

    @model_validator(mode="after")
    def _two_people(self) -> "Mentorship":
        if self.mentee_id == self.mentor_id:
            raise ValueError("a mentee cannot be their own mentor")
        return self


class ProgramDetails(RequestModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    kind: ProgramKind
    titles: dict[LanguageTag, Annotated[str, Field(min_length=1, max_length=200)]] = Field(min_length=1)
    descriptions: dict[LanguageTag, Annotated[str, Field(max_length=5000)]] = Field(default_factory=dict)
    fallback_language: LanguageTag
    age_group: AgeGroup = "general_interest"
    audience_tags: list[Slug] = Field(default_factory=list, max_length=20)
    languages: list[LanguageTag] = Field(min_length=1, max_length=10)
    host: Host
    mentorship: Mentorship | None = None
    registration: RegistrationRules = Field(default_factory=RegistrationRules)

    @model_validator(mode="after")
    def _consistent(self) -> "ProgramDetails":
        if self.fallback_language not in self.titles:
            raise ValueError("fallback_language must be one of the languages the title is given in")
        if (self.kind == "mentorship") != (self.mentorship is not None):
            raise ValueError("a mentorship program, and only one, names its mentee and mentor")
        return self

    def title_in(self, language: str | None = None) -> str:
        return self.titles.get(language or self.fallback_language) or self.titles[self.fallback_language]


class ProgramChanges(RequestModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    # None of these can be cleared: each is optional (absent leaves it) but not nullable (null is refused).
    titles: dict[LanguageTag, Annotated[str, Field(min_length=1, max_length=200)]] = Field(default=None, min_length=1)  # type: ignore[arg-type]  # absent means "leave as is"; null is refused
    descriptions: dict[LanguageTag, Annotated[str, Field(max_length=5000)]] = None  # type: ignore[assignment]  # absent means "leave as is"; null is refused
    fallback_language: LanguageTag = None
    age_group: AgeGroup = None  # type: ignore[assignment]  # absent means "leave as is"; null is refused
    audience_tags: list[Slug] = Field(default=None, max_length=20)  # type: ignore[arg-type]  # absent means "leave as is"; null is refused
    languages: list[LanguageTag] = Field(default=None, min_length=1, max_length=10)  # type: ignore[arg-type]  # absent means "leave as is"; null is refused
    host: Host = None  # type: ignore[assignment]  # absent means "leave as is"; null is refused
    registration: RegistrationRules = None  # type: ignore[assignment]  # absent means "leave as is"; null is refused

    def applied_to(self, current: ProgramDetails) -> ProgramDetails:
        return ProgramDetails.model_validate(_merged(current, self, ProgramDetails))


class Program(ProgramDetails):
    id: UUID
    created_at: datetime
    updated_at: datetime


class Place(RequestModel):
    model_config = ConfigDict(frozen=True)

    kind: Literal["branch", "partner_site", "online"]
    name: str = Field(min_length=1, max_length=200)
    address: str | None = Field(default=None, max_length=500)
    url: WebAddress | None = None

    @model_validator(mode="after")
    def _reachable(self) -> "Place":
        if self.kind == "online" and self.url is None:
            raise ValueError("an online place gives its url")
        return self


class SessionDetails(RequestModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    program_id: UUID
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    timezone: TimeZoneName
    place: Place
    capacity: int = Field(ge=1, le=10_000)
    languages: list[LanguageTag] | None = Field(default=None, min_length=1, max_length=10,
                                               description="Defaults to the program's languages")
    registration_opens_at: AwareDatetime | None = Field(default=None, description="Open from scheduling when absent")
    registration_closes_at: AwareDatetime | None = Field(default=None, description="Closes at the start when absent")
    devices_needed: dict[DeviceKind, Annotated[int, Field(ge=1, le=500)]] = Field(default_factory=dict)
    booking_id: UUID | None = Field(default=None, description="The space booked for it (POST /space-bookings)")
    format: SessionFormat | None = Field(default=None, description="PLS format; from the place's kind when absent")
    hybrid: bool = Field(default=False, description="Also streamed live; counted once, as in person")
    age_group: AgeGroup | None = Field(default=None, description="PLS target age band; the program's when absent")

    @model_validator(mode="after")
    def _coherent_times(self) -> "SessionDetails":
        if self.ends_at <= self.starts_at:
            raise ValueError("ends_at must be after starts_at")
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes <= opens:
            raise ValueError("registration_closes_at must be after registration_opens_at")
        if closes and closes > self.ends_at:
            raise ValueError("registration cannot close after the session ends")
        return self


class SessionChanges(RequestModel):
    """What staff may change on a scheduled session. Capacity has its own rule (never below confirmed seats)."""

    model_config = ConfigDict(str_strip_whitespace=True)

    starts_at: AwareDatetime | None = None
    ends_at: AwareDatetime | None = None
    timezone: TimeZoneName | None = None
    place: Place | None = None
    capacity: int | None = Field(default=None, ge=1, le=10_000)
    languages: list[LanguageTag] | None = Field(default=None, min_length=1, max_length=10)
    registration_opens_at: AwareDatetime | None = None
    registration_closes_at: AwareDatetime | None = None
    devices_needed: dict[DeviceKind, Annotated[int, Field(ge=1, le=500)]] | None = None
    booking_id: UUID | None = None
    format: SessionFormat | None = None
    hybrid: bool | None = None
    age_group: AgeGroup | None = None

    def applied_to(self, current: SessionDetails) -> SessionDetails:
        return SessionDetails.model_validate(_merged(current, self, SessionDetails))


class Session(SessionDetails):
    id: UUID
    languages: list[LanguageTag]
    status: SessionStatus
    devices_missing: dict[str, int] = Field(default_factory=dict)
    cancel_reason: str | None = None
    confirmed: int = 0
    waitlisted: int = 0
    host_partner_id: UUID | None = Field(default=None, description="The partner hosting the program, if any")
    series_id: UUID | None = Field(default=None, description="The series this session is an occurrence of")
    occurrence: datetime | None = Field(
        default=None, description="Original local start in the series (RECURRENCE-ID), with the zone's offset then")
    moved: bool = Field(default=False, description="Moved on its own: series edits leave it alone")
    format: SessionFormat = "in_person_on_site"
    created_at: datetime
    updated_at: datetime

    @field_serializer("occurrence", when_used="json")
    def _with_offset(self, value: datetime | None) -> datetime | None:
        return None if value is None else with_offset(value, self.timezone)

    @computed_field  # type: ignore[prop-decorator]  # pydantic documents this pairing with @property
    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.confirmed, 0)


def with_offset(wall: datetime, zone: str) -> datetime:
    """A local wall time kept without a zone (a series is expanded on wall time) as RFC 3339 requires it: with the
    offset `zone` has at that moment."""
    return wall if wall.tzinfo is not None else wall.replace(tzinfo=ZoneInfo(zone))


def _merged(current: RequestModel, changes: RequestModel, target: type[RequestModel]) -> dict[str, Any]:
    merged = current.model_dump(include=set(target.model_fields))
    merged |= changes.model_dump(exclude_unset=True)
    return merged


# ---- session lifecycle -------------------------------------------------------------------------------------

def status_when_scheduled(devices_needed: Mapping[DeviceKind, int]) -> SessionStatus:
    return "equipment_pending" if devices_needed else "scheduled"


def status_after_equipment_answer(current: SessionStatus, *, reserved: bool) -> SessionStatus | None:
    """The session's status once devices answers; None when the answer no longer matters (closed session)."""
    if current in CLOSED_STATUSES:
        return None
    return "ready" if reserved else "equipment_shortfall"


EquipmentStatus = Literal["pending", "ready", "shortfall"]
_EQUIPMENT: dict[str, EquipmentStatus] = {"equipment_pending": "pending", "ready": "ready", "equipment_shortfall": "shortfall"}


def equipment_status(status: SessionStatus) -> EquipmentStatus | None:
    return _EQUIPMENT.get(status)


def default_format(place: Place) -> SessionFormat:
    return {"online": "live_virtual", "partner_site": "in_person_off_site"}.get(place.kind, "in_person_on_site")  # type: ignore[return-value]  # the dict's values are SessionFormat literals


def registration_refusal(session: Session, now: datetime, rules: RegistrationRules | None = None) -> tuple[str, str] | None:
    """Why a new registration is refused right now, as (reason, explanation), or None when it may go ahead."""
    if session.status == "cancelled":
        return "session_cancelled", "This session has been cancelled."
    if session.status == "completed" or now >= session.ends_at:
        return "session_ended", "This session has already taken place."
    opens, closes = window(rules or RegistrationRules(), session.starts_at, session.registration_opens_at,
                           session.registration_closes_at)
    return window_refusal(opens, closes, now)
