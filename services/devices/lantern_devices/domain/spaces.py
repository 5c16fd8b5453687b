"""Branches (their time zone, opening hours and closures) and the rooms and creation spaces they lend."""

from datetime import date, datetime, time, timedelta
from enum import StrEnum
from uuid import UUID
from zoneinfo import ZoneInfo

from pydantic import BaseModel, Field

from lantern_shared.refusals import conflict, invalid


class SpaceKind(StrEnum):
    MEETING_ROOM = "meeting_room"
    COMPUTER_LAB = "computer_lab"
    MAKERSPACE = "makerspace"
    STUDY_ROOM = "study_room"


class OpeningHours(BaseModel):
    weekday: int = Field(ge=1, le=7, description="ISO weekday: 1 is Monday, 7 is Sunday")
    opens: time
    closes: time


class Closure(BaseModel):
    id: UUID
    branch: str
    starts_on: date
    ends_on: date
    reason: str


class Branch(BaseModel):
    code: str
    name: str
    timezone: str
    hours: list[OpeningHours] = Field(description="A weekday that is not listed is a day the branch is closed")


class Space(BaseModel):
    id: UUID
    branch: str
    name: str
    kind: SpaceKind
    capacity: int
    equipment: list[str]
    requires_approval: bool
    setup_minutes: int
    teardown_minutes: int
    active: bool
    created_at: datetime
    updated_at: datetime


def padded(starts_at: datetime, ends_at: datetime, setup_minutes: int, teardown_minutes: int) -> tuple[datetime, datetime]:
    """The time a booking takes the space: setting up before, clearing away after."""
    return starts_at - timedelta(minutes=setup_minutes), ends_at + timedelta(minutes=teardown_minutes)


def check_open(branch: Branch, closures: list[Closure], held_from: datetime, held_until: datetime) -> None:
    """Refuse a time the branch is closed: a closure day (409), or outside that day's opening hours (422).

    Judged on the branch's own clock, setup and teardown included (staff are in the building for those too); a
    booking lies within one local day's opening hours.
    """
    zone = ZoneInfo(branch.timezone)
    start, end = held_from.astimezone(zone), held_until.astimezone(zone)
    day = start.date()
    for closure in closures:
        if closure.starts_on <= day <= closure.ends_on or closure.starts_on <= end.date() <= closure.ends_on:
            raise conflict("branch_closed", f"{branch.name} is closed on {max(day, closure.starts_on).isoformat()}: "
                           f"{closure.reason}", field="starts_at", closure_id=str(closure.id))
    hours = next((h for h in branch.hours if h.weekday == day.isoweekday()), None)
    if hours is None:
        raise invalid("starts_at", f"{branch.name} is not open on {day.strftime('%A')}s",
                      reason="outside_opening_hours")
    opens = datetime.combine(day, hours.opens, zone)
    closes = datetime.combine(day, hours.closes, zone)
    if start < opens or end > closes:
        raise invalid("starts_at", f"{branch.name} is open {hours.opens:%H:%M}-{hours.closes:%H:%M} on "
                      f"{day.strftime('%A')}s ({branch.timezone}); with setup and teardown this booking needs "
                      f"{start:%H:%M}-{end:%H:%M}", reason="outside_opening_hours")
