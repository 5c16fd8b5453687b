"""What a recipient chose (channels, muted categories, quiet hours), and the library's defaults they override.

`Preferences` is also the body of PUT .../preferences, hence a `RequestModel`: its rules are checked as it is read.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Annotated
from zoneinfo import ZoneInfo

from pydantic import Field, WithJsonSchema, field_validator

from lantern_shared.fields import TimeZoneName
from lantern_shared.models import RequestModel

from .messages import MUTABLE_CATEGORIES, Category, Channel

# The schema offers only the categories a recipient may mute; `transactional` is still read as a Category so the
# refusal says why, naming `opted_out`.
MutableCategory = Annotated[Category, WithJsonSchema({"type": "string", "enum": [str(c) for c in MUTABLE_CATEGORIES]})]


class QuietHours(RequestModel):
    start: time
    end: time

    def contains(self, local: time) -> bool:
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end  # spans midnight


class Preferences(RequestModel):
    """What a recipient chose. `channels` None means automatic: email (else SMS), plus in-app for patrons."""

    channels: list[Channel] | None = Field(default=None, min_length=1)
    opted_out: list[MutableCategory] = Field(default_factory=list)
    quiet_hours: QuietHours | None = None  # None: the library's default quiet hours
    quiet_hours_enabled: bool = True
    timezone: TimeZoneName | None = None  # None: the library's timezone

    @field_validator("opted_out")
    @classmethod
    def _transactional_cannot_be_muted(cls, value: list[Category]) -> list[Category]:
        if Category.TRANSACTIONAL in value:
            raise ValueError("transactional messages (loan recalls, overdue notices, registration outcomes) cannot be muted")
        return sorted(set(value))

    @field_validator("channels")
    @classmethod
    def _distinct(cls, value: list[Channel] | None) -> list[Channel] | None:
        return None if value is None else sorted(set(value))


@dataclass(frozen=True)
class Policy:
    """The library's defaults that preferences override."""

    timezone: str
    quiet_hours: QuietHours


def quiet_hours_end(now: datetime, quiet: QuietHours, zone: ZoneInfo) -> datetime:
    """The next moment quiet hours end, in UTC (wall-clock time in the recipient's zone, DST included)."""
    local = now.astimezone(zone)
    end = datetime.combine(local.date(), quiet.end, tzinfo=zone)
    if end <= local:
        end = datetime.combine(local.date() + timedelta(days=1), quiet.end, tzinfo=zone)
    return end.astimezone(UTC)
