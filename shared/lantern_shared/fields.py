"""Value shapes every service validates the same way: language tags and phone numbers."""

import re
from typing import Annotated

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
