"""Value shapes every service validates the same way: language tags, phone numbers, IANA time zones and the dates
and times a query string carries. Each says in its JSON Schema what it enforces, so the published OpenAPI does not
promise more than the services accept."""

import os
import re
from datetime import date, datetime
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import phonenumbers
from pydantic import AfterValidator, AwareDatetime, BeforeValidator, HttpUrl, WithJsonSchema

# BCP 47: language, optional extlang/script/region/variants (the shapes patrons' preferences take in practice).
BCP47_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|\d{3}))?(-([A-Za-z\d]{5,8}|\d[A-Za-z\d]{3}))*$"
PHONE_PATTERN = r"^\+?[0-9 ()\-.]{7,20}$"  # the shape callers see; libphonenumber then decides


def text_matching(pattern: str, message: str, description: str) -> Any:
    """A text type checked against `pattern` (the whole value) whose JSON Schema states that pattern, so generated
    and hand-written callers alike see what is accepted: `Need = text_matching(r"^[a-z0-9_]{1,64}$", ...)`."""
    compiled = re.compile(pattern)

    def check(value: str) -> str:
        if not compiled.fullmatch(value):
            raise ValueError(message)
        return value

    return Annotated[str, AfterValidator(check),
                     WithJsonSchema({"type": "string", "pattern": pattern, "description": description})]


def phone_region() -> str:
    """Where a number written without +country code is read as being from (LANTERN_PHONE_REGION, ISO 3166 alpha-2).

    Read when a number is parsed, so every service of one deployment reads numbers the same way."""
    return os.environ.get("LANTERN_PHONE_REGION", "US").upper()


def e164(value: str, region: str | None = None) -> str:
    """The number in E.164 (+12065550100), parsed with libphonenumber's rules for `region` (the deployment's by
    default); refused when it cannot be a phone number there (wrong length, letters, an unknown country code)."""
    try:
        parsed = phonenumbers.parse(value, region or phone_region())
    except phonenumbers.NumberParseException as exc:
        raise ValueError("must be a phone number, such as +1 206 555 0100") from exc
    if not phonenumbers.is_possible_number(parsed):
        raise ValueError("must be a phone number, such as +1 206 555 0100 (this one has the wrong length)")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _phone(value: str) -> str:
    return e164(value)


def for_reader(number: str, region: str | None = None) -> str:
    """A stored E.164 number as a person writes it: national format at home ((206) 555-0100), international
    (+44 20 7946 0958) otherwise."""
    parsed = phonenumbers.parse(number, region or phone_region())
    home = phonenumbers.region_code_for_number(parsed) == (region or phone_region())
    style = phonenumbers.PhoneNumberFormat.NATIONAL if home else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(parsed, style)


LanguageTag = text_matching(BCP47_PATTERN, "must be a BCP 47 language tag such as 'en', 'es-MX' or 'zh-Hant'",
                            "BCP 47 language tag, e.g. en, es-MX, zh-Hant")
PhoneNumber = Annotated[str, AfterValidator(_phone), WithJsonSchema(  # stored and sent on as E.164
    {"type": "string", "pattern": PHONE_PATTERN,
     "description": "Phone number, international (+1 206 555 0100) or in the library's region; stored as E.164"})]


WEB_ADDRESS_MAX = 2000  # what browsers and servers reliably take; pydantic's own limit is on the text as given


def _web_address(value: HttpUrl) -> HttpUrl:
    # Normalizing can lengthen an address (a trailing slash, a host in punycode), so the limit is on what is kept:
    # an address accepted at its limit would otherwise be stored and then refused when read back.
    if len(str(value)) > WEB_ADDRESS_MAX:
        raise ValueError(f"must be at most {WEB_ADDRESS_MAX} characters long")
    return value


WebAddress = Annotated[HttpUrl, AfterValidator(_web_address), WithJsonSchema(
    {"type": "string", "format": "uri", "minLength": 1, "maxLength": WEB_ADDRESS_MAX,
     "description": "An http or https address"})]


def _time_zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError("must be an IANA time zone such as 'America/Los_Angeles'") from exc
    return value


# The zones this machine's tz database knows are exactly the ones accepted, so the schema lists them.
TIME_ZONES = sorted(available_timezones())
TimeZoneName = Annotated[str, AfterValidator(_time_zone), WithJsonSchema(
    {"type": "string", "enum": TIME_ZONES, "description": "IANA time zone, e.g. America/Los_Angeles"})]


# ISO 8601 only: pydantic would otherwise read `0` or `0.5` in a query string as seconds since 1970.
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})$")


def _iso_datetime(value: Any) -> Any:
    if isinstance(value, str) and not _ISO_DATETIME.fullmatch(value):
        raise ValueError("must be an ISO 8601 date and time with a UTC offset, e.g. 2026-12-03T17:00:00-08:00")
    if not isinstance(value, (str, datetime)):
        raise ValueError("must be an ISO 8601 date and time with a UTC offset")
    return value


def _iso_date(value: Any) -> Any:
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError("must be an ISO 8601 date, e.g. 2026-12-03")
    if not isinstance(value, (str, date)):
        raise ValueError("must be an ISO 8601 date")
    return value


IsoDateTime = Annotated[AwareDatetime, BeforeValidator(_iso_datetime)]
"""An aware date-time given as ISO 8601 text (query parameters, where a number would otherwise pass as epoch)."""
IsoDate = Annotated[date, BeforeValidator(_iso_date)]
"""A calendar date given as ISO 8601 text, YYYY-MM-DD."""
