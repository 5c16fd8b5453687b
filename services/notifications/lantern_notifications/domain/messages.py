"""The messages Lantern sends: categories and channels, which go out at any hour, and their languages."""

from collections.abc import Iterable
from datetime import datetime, timedelta
from enum import StrEnum


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
    "application_offered": Category.TRANSACTIONAL,
    "application_offer_lapsed": Category.TRANSACTIONAL,
    "application_served": Category.TRANSACTIONAL,
    "referral_to_patron": Category.TRANSACTIONAL,
    "referral_to_partner": Category.TRANSACTIONAL,
    "incentive_earned": Category.PROGRAMME_NEWS,
    "agreement_signed": Category.TRANSACTIONAL,
    "agreement_ended": Category.TRANSACTIONAL,
    "partner_lapsed": Category.TRANSACTIONAL,
    "space_booking_approved": Category.TRANSACTIONAL,
    "space_booking_declined": Category.TRANSACTIONAL,
    "broadcast": Category.BROADCASTS,
    "appointment_booked": Category.TRANSACTIONAL,
    "appointment_reminder": Category.REMINDERS,
    "appointment_cancelled": Category.TRANSACTIONAL,
    # A guest's one-time sign-in code: critical, sent at once by POST /sign-in-codes, never queued nor kept.
    "sign_in_code": Category.TRANSACTIONAL,
}

# Sent at any hour: answers to something the person just did, or news that changes their next hours. Everything
# else, transactional or not, waits for the end of the recipient's quiet hours (an overdue notice can wait till 8).
IMMEDIATE = frozenset({
    "registration_confirmed", "registration_waitlisted", "registration_promoted", "registration_cancelled",
    "session_changed", "loan_started", "loan_renewed", "loan_returned", "referral_to_patron", "equipment_shortfall",
    "sign_in_code", "space_booking_approved", "space_booking_declined", "appointment_booked", "appointment_cancelled",
})

SESSION_FOLLOW_UPS = ("session_reminder", "feedback_request", "follow_up_survey")

# Languages the metrics name one by one (the county's most common); any other is counted as "other".
COUNTED_LANGUAGES = frozenset({"en", "es", "vi", "zh", "ru", "so", "uk", "ar", "tl", "ko"})


def primary_language(tag: str | None) -> str:
    """The primary subtag of a BCP 47 tag, lower-cased: 'es-MX' -> 'es', 'zh-Hant' -> 'zh'."""
    return (tag or "").replace("_", "-").split("-")[0].strip().lower()


# Chinese is read in one of two scripts; a tag without one implies it by region (CLDR likely subtags).
_TRADITIONAL_CHINESE_REGIONS = frozenset({"tw", "hk", "mo"})


def _script(tag: str) -> str | None:
    """The script a tag is written in, explicit ('zh-Hant') or implied for Chinese ('zh-TW' -> 'hant')."""
    subtags = tag.replace("_", "-").lower().split("-")
    explicit = next((s for s in subtags[1:] if len(s) == 4 and s.isalpha()), None)
    if explicit or subtags[0] != "zh":
        return explicit
    return "hant" if any(s in _TRADITIONAL_CHINESE_REGIONS for s in subtags[1:]) else "hans"


def catalog_for(tag: str | None, catalogs: Iterable[str]) -> str | None:
    """The catalog someone who reads `tag` can read: same language and, where it matters, the same script.

    'es-MX' reads 'es'; 'zh', 'zh-CN' and 'zh-Hans-SG' read 'zh-Hans'; 'zh-TW' and 'zh-Hant' do not (Traditional
    characters). None when no catalog fits: the message is then written in the default language.
    """
    wanted = primary_language(tag)
    if not wanted:
        return None
    script = _script(tag or "")
    for catalog in catalogs:
        if primary_language(catalog) == wanted and _script(catalog) in (None, script):
            return catalog
    return None


def title_in(titles: dict[str, str], language: str, fallback: str) -> str:
    """A title in the reader's language if it was given in it ('es' also matches 'es-MX'), else the fallback."""
    if language in titles:
        return titles[language]
    wanted = primary_language(language)
    return next((t for tag, t in titles.items() if primary_language(tag) == wanted), fallback)


def language_label(tag: str | None) -> str:
    language = primary_language(tag)
    return language if language in COUNTED_LANGUAGES else "other"


def reminder_time(*, now: datetime, starts_at: datetime, lead: timedelta) -> datetime | None:
    """A day-before reminder; sent at once when registering late, not at all within the last hour."""
    send_at = max(starts_at - lead, now)
    return send_at if send_at <= starts_at - timedelta(hours=1) else None
