"""How a program takes registrations: per session or per series, open or staff-only, its window, its no-show policy."""

from datetime import datetime, timedelta
from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from lantern_shared.fields import LanguageTag
from lantern_shared.models import RequestModel

RegistrationUnit = Literal["session", "series"]
RegistrationMode = Literal["open", "staff_only"]


class NoShowPolicy(RequestModel):
    """After `consecutive` no-shows in a row at this program's sessions, self-registration pauses `pause_days`."""

    model_config = ConfigDict(frozen=True)

    consecutive: int = Field(default=3, ge=1, le=50)
    pause_days: int = Field(default=30, ge=1, le=365)


class RegistrationRules(RequestModel):
    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    unit: RegistrationUnit = Field(default="session", description="Register per session, or once for a whole series")
    mode: RegistrationMode = Field(default="open", description="staff_only: patrons cannot register themselves")
    staff_only_instructions: dict[LanguageTag, Annotated[str, Field(min_length=1, max_length=1000)]] = Field(
        default_factory=dict, description="What a patron is told to do instead (staff-only mode), per language")
    opens_days_before: int | None = Field(default=None, ge=1, le=365,
                                          description="Registration opens this many days before the start")
    closes_hours_before: int | None = Field(default=None, ge=0, le=720,
                                            description="Closes this many hours before the start (absent: at the start)")
    no_show_policy: NoShowPolicy | None = Field(default=None, description="Off when absent")


def window(rules: RegistrationRules, starts_at: datetime, opens_at: datetime | None,
           closes_at: datetime | None) -> tuple[datetime | None, datetime]:
    """When registration opens and closes for a session starting at `starts_at`; a session's own times win."""
    if opens_at is None and rules.opens_days_before is not None:
        opens_at = starts_at - timedelta(days=rules.opens_days_before)
    if closes_at is None:
        closes_at = starts_at - timedelta(hours=rules.closes_hours_before or 0)
    return opens_at, closes_at


def window_refusal(opens_at: datetime | None, closes_at: datetime, now: datetime) -> tuple[str, str] | None:
    if opens_at and now < opens_at:
        return "registration_not_open", f"Registration opens at {opens_at.isoformat()}."
    if now >= closes_at:
        return "registration_closed", f"Registration closed at {closes_at.isoformat()}."
    return None


def self_service_refusal(rules: RegistrationRules, paused_until: datetime | None, now: datetime,
                         ) -> tuple[str, str, dict] | None:
    """Why a patron may not register themselves (staff still can), as (reason, explanation, extra), or None."""
    if rules.mode == "staff_only":
        return ("staff_registration_only", "Staff register patrons for this program; see the instructions.",
                {"instructions": dict(rules.staff_only_instructions)})
    if paused_until is not None and now < paused_until:
        return ("self_registration_paused",
                f"After repeated no-shows, self-registration for this program is paused until {paused_until.isoformat()}.",
                {"paused_until": paused_until.isoformat()})
    return None


def pauses_after(no_shows_in_a_row: int, policy: NoShowPolicy | None) -> bool:
    return policy is not None and no_shows_in_a_row >= policy.consecutive
