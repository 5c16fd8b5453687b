"""Recurring series: an RFC 5545 RRULE with EXDATE exceptions, expanded in the program's time zone.

The rule is expanded on local wall time (DTSTART carries its zone), so a weekly 6 pm class stays at 6 pm on both
sides of a daylight-saving change; each occurrence is then placed on the instant that wall time names there.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_serializer, model_validator

from lantern_shared.fields import LanguageTag, TimeZoneName
from lantern_shared.models import RequestModel

from .programs import AgeGroup, Place, SessionFormat, with_offset

MAX_OCCURRENCES = 260  # five years of a weekly class: a rule without COUNT or UNTIL is cut here


@dataclass(frozen=True)
class Occurrence:
    key: datetime  # the original local start (naive wall time): the RECURRENCE-ID
    starts_at: datetime
    ends_at: datetime


def parse_rule(text: str, first_local: datetime) -> rrule:
    """The rule, or ValueError saying what is wrong with it. `first_local` is DTSTART with its zone."""
    body = text.strip().removeprefix("RRULE:")
    if not body or "\n" in body or "DTSTART" in body.upper():
        raise ValueError("give the RRULE's value only, e.g. FREQ=WEEKLY;BYDAY=TU;COUNT=10")
    rule = rrulestr(body, dtstart=first_local)
    if not isinstance(rule, rrule):
        raise ValueError("one RRULE only")
    return rule


def expand(rule_text: str, first_local: datetime, zone: str, minutes: int, exdates: list[date]) -> list[Occurrence]:
    """Every occurrence (up to MAX_OCCURRENCES) not on an exception date, in order."""
    tz = ZoneInfo(zone)
    dtstart = first_local.replace(tzinfo=tz)
    rule = parse_rule(rule_text, dtstart)
    skipped = set(exdates)
    found: list[Occurrence] = []
    for start in rule.xafter(dtstart - timedelta(seconds=1), count=MAX_OCCURRENCES + len(skipped), inc=True):
        if start.date() in skipped:
            continue
        wall = start.replace(tzinfo=None)
        found.append(Occurrence(wall, wall.replace(tzinfo=tz), (wall + timedelta(minutes=minutes)).replace(tzinfo=tz)))
        if len(found) >= MAX_OCCURRENCES:
            break
    return found


def at_wall_time(day: date, start: time, minutes: int, zone: str) -> tuple[datetime, datetime]:
    tz = ZoneInfo(zone)
    wall = datetime.combine(day, start)
    return wall.replace(tzinfo=tz), (wall + timedelta(minutes=minutes)).replace(tzinfo=tz)


class SeriesDetails(RequestModel):
    """A recurring session: the first occurrence's times, the rule, the exceptions, and what every occurrence shares."""

    model_config = ConfigDict(str_strip_whitespace=True)

    program_id: UUID
    starts_at: AwareDatetime = Field(description="Start of the first occurrence (DTSTART)")
    ends_at: AwareDatetime = Field(description="End of the first occurrence; every occurrence lasts as long")
    timezone: TimeZoneName = Field(description="The zone the rule is expanded in (local wall time is kept)")
    rrule: str = Field(min_length=5, max_length=500, examples=["FREQ=WEEKLY;BYDAY=TU;COUNT=10"])
    exdates: list[date] = Field(default_factory=list, max_length=366, description="Local dates with no occurrence")
    place: Place
    capacity: int = Field(ge=1, le=10_000)
    languages: list[LanguageTag] | None = Field(default=None, min_length=1, max_length=10)
    format: SessionFormat | None = None
    hybrid: bool = False
    age_group: AgeGroup | None = None

    @model_validator(mode="after")
    def _coherent(self) -> "SeriesDetails":
        if self.ends_at <= self.starts_at:
            raise ValueError("ends_at must be after starts_at")
        if self.ends_at - self.starts_at > timedelta(hours=24):
            raise ValueError("an occurrence lasts at most a day")
        return self

    def first_local(self) -> datetime:
        return self.starts_at.astimezone(ZoneInfo(self.timezone)).replace(tzinfo=None)

    def minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


class SeriesChanges(RequestModel):
    """A change to the series: applied to occurrences still ahead that were not moved on their own."""

    model_config = ConfigDict(str_strip_whitespace=True)

    start_time: time | None = Field(default=None, description="New local start time of future occurrences")
    duration_minutes: int | None = Field(default=None, ge=5, le=24 * 60)
    add_exdates: list[date] = Field(default_factory=list, max_length=366,
                                    description="Dates to leave out: their occurrences are cancelled")
    place: Place | None = None
    capacity: int | None = Field(default=None, ge=1, le=10_000)
    languages: list[LanguageTag] | None = Field(default=None, min_length=1, max_length=10)
    format: SessionFormat | None = None
    hybrid: bool | None = None
    age_group: AgeGroup | None = None


class Series(BaseModel):
    id: UUID
    program_id: UUID
    rrule: str
    first_starts_at: datetime = Field(
        description="DTSTART: the first occurrence's local wall time in `timezone`, with that zone's offset then")
    duration_minutes: int
    timezone: str
    exdates: list[date]
    created_at: datetime
    updated_at: datetime

    @field_serializer("first_starts_at", when_used="json")
    def _with_offset(self, value: datetime) -> datetime:
        return with_offset(value, self.timezone)
