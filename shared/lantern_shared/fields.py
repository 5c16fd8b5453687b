"""Value shapes every service validates the same way: language tags, phone numbers and IANA time zones."""

import os
import re
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers
from pydantic import AfterValidator

# BCP 47: language, optional extlang/script/region/variants (the shapes patrons' preferences take in practice).
_BCP47 = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|\d{3}))?(-([A-Za-z\d]{5,8}|\d[A-Za-z\d]{3}))*$")


def _language_tag(value: str) -> str:
    if not _BCP47.match(value):
        raise ValueError("must be a BCP 47 language tag such as 'en', 'es-MX' or 'zh-Hant'")
    return value


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


LanguageTag = Annotated[str, AfterValidator(_language_tag)]
PhoneNumber = Annotated[str, AfterValidator(_phone)]  # stored and sent on as E.164


def _time_zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError("must be an IANA time zone such as 'America/Los_Angeles'") from exc
    return value


TimeZoneName = Annotated[str, AfterValidator(_time_zone)]
