"""Languages: Babel PO catalogs (one domain per area, merged at load), the reader's locale, dates and numbers.

The reader's language is the one they picked (kept in the session), else the signed-in patron's preference,
else the browser's Accept-Language, else English. `<html lang>` says which.
"""

import datetime as dt
import io
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from babel import Locale, dates, numbers
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = {"en": "English", "es": "Español", "vi": "Tiếng Việt", "zh-Hans": "中文（简体）", "ru": "Русский"}
DEFAULT = "en"
DOMAINS = ("common", "public", "patron", "staff", "partner", "kiosk", "reports", "messages")  # one per area; common first


@cache
def babel_locale(language: str) -> Locale:
    return Locale.parse(language.replace("-", "_"))


def folder(language: str) -> str:
    return language.replace("-", "_")


@cache
def translations(language: str) -> Translations:
    """Every domain's catalog for one language, merged (an area's message overrides nothing in another's)."""
    merged: Translations | None = None
    for domain in DOMAINS:
        path = LOCALE_DIR / folder(language) / "LC_MESSAGES" / f"{domain}.po"
        if not path.exists():
            continue
        with path.open("rb") as po:
            catalog = read_po(po, locale=babel_locale(language), domain=domain)
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        buffer.seek(0)
        loaded = Translations(buffer, domain=domain)
        # The first catalog is the base: its plural rule (Russian has three forms) is the one `ungettext` uses.
        merged = loaded if merged is None else merged.merge(loaded)
    return merged or Translations()


current_language: ContextVar[str] = ContextVar("current_language", default=DEFAULT)
current_timezone: ContextVar[str] = ContextVar("current_timezone", default="UTC")


def gettext(message: str) -> str:
    return translations(current_language.get()).ugettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(current_language.get()).ungettext(singular, plural, n)


def _(message: str) -> str:
    """Marks and translates a message in Python code (extracted by scripts/messages.py)."""
    return gettext(message)


def lazy(message: str) -> str:
    """Marks a message for extraction where it is defined; translate it with gettext() where it is shown."""
    return message


def negotiate(accept_language: str | None) -> str:
    """The best of our languages for an Accept-Language header (zh, zh-CN and zh-Hans all read Simplified)."""
    if not accept_language:
        return DEFAULT
    wanted: list[tuple[float, str]] = []
    for part in accept_language.split(","):
        tag, _sep, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag:
            wanted.append((quality, tag.strip()))
    for _quality, tag in sorted(wanted, key=lambda w: -w[0]):
        found = match(tag)
        if found:
            return found
    return DEFAULT


def match(tag: str | None) -> str | None:
    """Our language for a tag such as `vi`, `vi-VN`, `zh-CN`, `zh_Hans`, `ru-RU`, `es-419`; None for others."""
    if not tag:
        return None
    lowered = tag.replace("_", "-").lower()
    if lowered in {"zh-hant", "zh-tw", "zh-hk", "zh-mo"} or lowered.startswith("zh-hant"):
        return None
    primary = lowered.split("-")[0]
    return "zh-Hans" if primary == "zh" else primary if primary in LANGUAGES else None


# ---- formatting in the reader's locale and time zone ------------------------------------------------------------
def _local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(ZoneInfo(current_timezone.get()))


def format_datetime(moment: dt.datetime, style: str = "medium") -> str:
    return dates.format_datetime(_local(moment), style, locale=babel_locale(current_language.get()))


def format_date(moment: dt.datetime | dt.date, style: str = "full") -> str:
    day = _local(moment).date() if isinstance(moment, dt.datetime) else moment
    return dates.format_date(day, style, locale=babel_locale(current_language.get()))


def format_time(moment: dt.datetime, style: str = "short") -> str:
    return dates.format_time(_local(moment), style, locale=babel_locale(current_language.get()))


def format_number(value: float) -> str:
    return numbers.format_decimal(value, locale=babel_locale(current_language.get()))


def language_name(tag: str) -> str:
    """A language's name in the reader's language (the program's `languages` are BCP 47 tags)."""
    return _language_name(tag, current_language.get())


@cache
def _language_name(tag: str, reader: str) -> str:
    try:
        return babel_locale(tag).get_display_name(babel_locale(reader)) or tag
    except (ValueError, LookupError):
        return tag


def localized(texts: dict[str, str] | None, fallback: str | None = None) -> str:
    """A program's title or description in the reader's language, else the program's fallback language."""
    if not texts:
        return ""
    language = current_language.get()
    for tag in (language, language.split("-")[0], fallback, DEFAULT):
        if tag and tag in texts:
            return texts[tag]
    return next(iter(texts.values()))


def localized_lang(texts: dict[str, str] | None, fallback: str | None = None) -> str:
    """The language of what `localized` picked (so a fallback title carries its own `lang`)."""
    if not texts:
        return current_language.get()
    language = current_language.get()
    for tag in (language, language.split("-")[0], fallback, DEFAULT):
        if tag and tag in texts:
            return "zh-Hans" if tag.startswith("zh") else tag
    return next(iter(texts))
