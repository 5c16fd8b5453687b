"""Value shapes every service validates the same way: language tags, phone numbers and IANA time zones."""

import re
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator

# BCP 47: language, optional extlang/script/region/variants (the shapes patrons' preferences take in practice).
_BCP47 = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|\d{3}))?(-([A-Za-z\d]{5,8}|\d[A-Za-z\d]{3}))*$")
_PHONE = re.compile(r"^\+?[0-9 ()\-.]{7,20}$")


def _language_tag(value: str) -> str:
    if not _BCP47.match(value):
        raise ValueError("must be a BCP 47 language tag such as 'en', 'es-MX' or 'zh-Hant'")
    return value


def _phone(value: str) -> str:
    if not _PHONE.match(value):
        raise ValueError("must be a phone number of 7 to 20 digits, optionally starting with +")
    return value


LanguageTag = Annotated[str, AfterValidator(_language_tag)]
PhoneNumber = Annotated[str, AfterValidator(_phone)]


def _time_zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError("must be an IANA time zone such as 'America/Los_Angeles'") from exc
    return value


TimeZoneName = Annotated[str, AfterValidator(_time_zone)]
