"""The decision at the moment of sending: now, after quiet hours, or not at all; and the back-off between tries."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from .messages import IMMEDIATE, Category, Channel
from .preferences import Policy, Preferences, quiet_hours_end
from .recipients import Recipient


class Suppression(StrEnum):
    PREFERENCE = "preference"
    QUIET_HOURS = "quiet_hours"
    NO_CONTACT = "no_contact"


@dataclass(frozen=True)
class Send:
    pass


@dataclass(frozen=True)
class Defer:
    until: datetime
    reason: Suppression = Suppression.QUIET_HOURS


@dataclass(frozen=True)
class Suppress:
    reason: Suppression


Decision = Send | Defer | Suppress


def decide(
    *, now: datetime, message: str, category: Category, channel: Channel, recipient: Recipient | None,
    preferences: Preferences, policy: Policy,
) -> Decision:
    """At the moment of sending: send now, wait for the end of quiet hours, or do not send at all."""
    if recipient is None:
        return Suppress(Suppression.NO_CONTACT)
    if category != Category.TRANSACTIONAL:
        if not recipient.consent_to_contact or category in preferences.opted_out:
            return Suppress(Suppression.PREFERENCE)
    if preferences.channels is not None and channel not in preferences.channels:
        return Suppress(Suppression.PREFERENCE)  # they changed their mind since the message was planned
    if channel not in recipient.reachable():
        return Suppress(Suppression.NO_CONTACT)
    if message not in IMMEDIATE and channel != Channel.IN_APP and preferences.quiet_hours_enabled:
        quiet = preferences.quiet_hours or policy.quiet_hours
        zone = ZoneInfo(preferences.timezone or policy.timezone)
        if quiet.contains(now.astimezone(zone).time()):
            return Defer(quiet_hours_end(now, quiet, zone))
    return Send()


def retry_delay(attempts: int, *, initial_s: float, maximum_s: float) -> timedelta:
    """Exponential back-off after the `attempts`-th failed try (1 = first)."""
    return timedelta(seconds=min(initial_s * 2 ** max(attempts - 1, 0), maximum_s))
