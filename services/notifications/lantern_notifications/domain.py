"""Notifications' rules, free of I/O: who hears what, on which channel, when, and in which language."""

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from enum import StrEnum
from uuid import UUID
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, Field, field_validator


class Category(StrEnum):
    TRANSACTIONAL = "transactional"  # about something the person did or holds; cannot be muted, not delayed
    REMINDERS = "reminders"
    PROGRAMME_NEWS = "programme_news"
    BROADCASTS = "broadcasts"


MUTABLE_CATEGORIES = (Category.REMINDERS, Category.PROGRAMME_NEWS, Category.BROADCASTS)


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"
    IN_APP = "in_app"


class Status(StrEnum):
    SCHEDULED = "scheduled"  # waiting for its send_after (a reminder, a retry, the end of quiet hours)
    SENDING = "sending"  # claimed by a dispatcher; back to scheduled if the lease runs out
    SENT = "sent"
    FAILED = "failed"
    SUPPRESSED = "suppressed"  # not sent on purpose (preference, no contact point)
    CANCELLED = "cancelled"  # what it was about went away (registration cancelled, device returned)


FINAL_STATUSES = (Status.SENT, Status.FAILED, Status.SUPPRESSED, Status.CANCELLED)


class Suppression(StrEnum):
    PREFERENCE = "preference"
    QUIET_HOURS = "quiet_hours"
    NO_CONTACT = "no_contact"


# Every message Lantern sends, by template name, and the category it belongs to.
MESSAGES: dict[str, Category] = {
    "registration_confirmed": Category.TRANSACTIONAL,
    "registration_waitlisted": Category.TRANSACTIONAL,
    "registration_promoted": Category.TRANSACTIONAL,
    "registration_cancelled": Category.TRANSACTIONAL,
    "session_changed": Category.TRANSACTIONAL,
    "session_reminder": Category.REMINDERS,
    "feedback_request": Category.REMINDERS,
    "follow_up_survey": Category.REMINDERS,
    "equipment_shortfall": Category.TRANSACTIONAL,
    "loan_started": Category.TRANSACTIONAL,
    "loan_renewed": Category.TRANSACTIONAL,
    "loan_due_soon": Category.REMINDERS,
    "loan_overdue": Category.TRANSACTIONAL,
    "loan_returned": Category.TRANSACTIONAL,
    "loan_recall": Category.TRANSACTIONAL,
    "device_deactivated": Category.TRANSACTIONAL,
    "device_reactivated": Category.TRANSACTIONAL,
    "hold_ready": Category.TRANSACTIONAL,
    "referral_to_patron": Category.TRANSACTIONAL,
    "referral_to_partner": Category.TRANSACTIONAL,
    "incentive_earned": Category.PROGRAMME_NEWS,
    "agreement_signed": Category.TRANSACTIONAL,
    "agreement_ended": Category.TRANSACTIONAL,
    "partner_lapsed": Category.TRANSACTIONAL,
    "broadcast": Category.BROADCASTS,
}

# Sent at any hour: answers to something the person just did, or news that changes their next hours. Everything
# else, transactional or not, waits for the end of the recipient's quiet hours (an overdue notice can wait till 8).
IMMEDIATE = frozenset({
    "registration_confirmed", "registration_waitlisted", "registration_promoted", "registration_cancelled",
    "session_changed", "loan_started", "loan_renewed", "loan_returned", "referral_to_patron", "equipment_shortfall",
})

# Languages the metrics name one by one (the county's most common); any other is counted as "other".
COUNTED_LANGUAGES = frozenset({"en", "es", "vi", "zh", "ru", "so", "uk", "ar", "tl", "ko"})


def primary_language(tag: str | None) -> str:
    """The primary subtag of a BCP 47 tag, lower-cased: 'es-MX' -> 'es', 'zh-Hant' -> 'zh'."""
    return (tag or "").replace("_", "-").split("-")[0].strip().lower()


def title_in(titles: dict[str, str], language: str, fallback: str) -> str:
    """A title in the reader's language if it was given in it ('es' also matches 'es-MX'), else the fallback."""
    if language in titles:
        return titles[language]
    wanted = primary_language(language)
    return next((t for tag, t in titles.items() if primary_language(tag) == wanted), fallback)


def language_label(tag: str | None) -> str:
    language = primary_language(tag)
    return language if language in COUNTED_LANGUAGES else "other"


class Recipient(BaseModel):
    """Someone Lantern may write to: contact points and language, from events. Never logged."""

    id: UUID
    kind: str  # patron | partner_contact | staff
    name: str
    email: str | None
    phone: str | None
    language: str
    consent_to_contact: bool
    partner_id: UUID | None = None
    email_invalid: bool = False
    phone_invalid: bool = False

    def reachable(self) -> set[Channel]:
        channels = set()
        if self.email and not self.email_invalid:
            channels.add(Channel.EMAIL)
        if self.phone and not self.phone_invalid:
            channels.add(Channel.SMS)
        if self.kind == "patron":
            channels.add(Channel.IN_APP)  # the patron reads it through the edge
        return channels


class QuietHours(BaseModel):
    start: time
    end: time

    def contains(self, local: time) -> bool:
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end  # spans midnight


class Preferences(BaseModel):
    """What a recipient chose. `channels` None means automatic: email (else SMS), plus in-app for patrons."""

    channels: list[Channel] | None = Field(default=None, min_length=1)
    opted_out: list[Category] = Field(default_factory=list)
    quiet_hours: QuietHours | None = None  # None: the library's default quiet hours
    quiet_hours_enabled: bool = True
    timezone: str | None = None  # None: the library's timezone

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

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError) as exc:
                raise ValueError(f"{value!r} is not an IANA timezone") from exc
        return value


def choose_channels(recipient: Recipient, preferences: Preferences) -> list[Channel]:
    """The channels a message goes out on; empty when the recipient cannot be reached as they chose."""
    reachable = recipient.reachable()
    if preferences.channels is not None:
        return [c for c in preferences.channels if c in reachable]
    chosen = []
    if Channel.EMAIL in reachable:
        chosen.append(Channel.EMAIL)
    elif Channel.SMS in reachable:
        chosen.append(Channel.SMS)
    if Channel.IN_APP in reachable:
        chosen.append(Channel.IN_APP)
    return chosen


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


@dataclass(frozen=True)
class Policy:
    """The library's defaults that preferences override."""

    timezone: str
    quiet_hours: QuietHours


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


def quiet_hours_end(now: datetime, quiet: QuietHours, zone: ZoneInfo) -> datetime:
    """The next moment quiet hours end, in UTC (wall-clock time in the recipient's zone, DST included)."""
    local = now.astimezone(zone)
    end = datetime.combine(local.date(), quiet.end, tzinfo=zone)
    if end <= local:
        end = datetime.combine(local.date() + timedelta(days=1), quiet.end, tzinfo=zone)
    return end.astimezone(UTC)


def reminder_time(*, now: datetime, starts_at: datetime, lead: timedelta) -> datetime | None:
    """A day-before reminder; sent at once when registering late, not at all within the last hour."""
    send_at = max(starts_at - lead, now)
    return send_at if send_at <= starts_at - timedelta(hours=1) else None


def retry_delay(attempts: int, *, initial_s: float, maximum_s: float) -> timedelta:
    """Exponential back-off after the `attempts`-th failed try (1 = first)."""
    return timedelta(seconds=min(initial_s * 2 ** max(attempts - 1, 0), maximum_s))


# SMS: GSM 03.38 basic alphabet (and its extension table, two septets each); anything else means UCS-2.
_GSM_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM_EXTENDED = set("^{}\\[~]|€\f")
MAX_SMS_SEGMENTS = 2


def _is_gsm(text: str) -> bool:
    return all(c in _GSM_BASIC or c in _GSM_EXTENDED for c in text)


def sms_segments(text: str) -> int:
    if _is_gsm(text):
        units, single, multi = sum(2 if c in _GSM_EXTENDED else 1 for c in text), 160, 153
    else:
        units, single, multi = sum(2 if ord(c) > 0xFFFF else 1 for c in text), 70, 67
    return 1 if units <= single else -(-units // multi)


def fit_sms(text: str, max_segments: int = MAX_SMS_SEGMENTS) -> str:
    """Shorten a message that would take more than `max_segments` SMS, ending it with an ellipsis."""
    text = " ".join(text.split())
    if sms_segments(text) <= max_segments:
        return text
    ellipsis = "..." if _is_gsm(text) else "…"  # an ellipsis character alone would force UCS-2
    while text and sms_segments(text + ellipsis) > max_segments:
        text = text[:-1]
    return text.rstrip() + ellipsis


SESSION_FOLLOW_UPS = ("session_reminder", "feedback_request", "follow_up_survey")


class HeldPlace(BaseModel):
    """A patron's registration for a session, as registration last told: what a moved session must update."""

    id: UUID
    session_id: UUID
    patron_id: UUID
    status: str  # confirmed | waitlisted | cancelled
    session_title: str
    starts_at: datetime
    ends_at: datetime
    timezone: str
    place_name: str


class PlannedDelivery(BaseModel):
    """A message decided on when its cause arrived, waiting for its moment in the deliveries table."""

    id: UUID
    cause_event_id: str
    cause_type: str
    cause_time: datetime
    recipient_id: UUID
    about_patron_id: UUID | None = None
    message: str
    category: Category
    channel: Channel
    language: str
    timezone: str
    status: Status = Status.SCHEDULED
    reason: str | None = None
    send_after: datetime
    expires_at: datetime | None = None
    group_key: str | None = None
    render_data: dict


class Delivery(BaseModel):
    """One row of the delivery log as staff see it: no contact points, no message body."""

    id: UUID
    seq: int
    cause_event_id: str
    cause_type: str
    recipient_id: UUID | None
    message: str
    category: Category
    channel: Channel
    language: str
    status: Status
    reason: str | None
    attempts: int
    send_after: datetime
    created_at: datetime
    updated_at: datetime
    sent_at: datetime | None


class ClaimedDelivery(Delivery):
    """A delivery a dispatcher holds: what it needs to decide, render and send, read with the claim."""

    cause_time: datetime
    expires_at: datetime | None
    timezone: str
    render_data: dict | None
    recipient: Recipient | None = None  # None: erased, or never known
    preferences: Preferences = Field(default_factory=Preferences)


class InboxMessage(BaseModel):
    id: UUID
    seq: int
    message: str
    subject: str
    body: str
    created_at: datetime
    read_at: datetime | None
