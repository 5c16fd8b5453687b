"""What the partners service's rules share: value shapes (language tags, phones, need codes) and the refusal."""

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict

# BCP 47: language, optional extlang/script/region/variants.
_BCP47 = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|\d{3}))?(-([A-Za-z\d]{5,8}|\d[A-Za-z\d]{3}))*$")
_PHONE = re.compile(r"^\+?[0-9 ()\-.]{7,20}$")
_NEED = re.compile(r"^[a-z0-9][a-z0-9_.:\-]{0,63}$")


def _language_tag(value: str) -> str:
    if not _BCP47.match(value):
        raise ValueError("must be a BCP 47 language tag such as 'en', 'es-MX' or 'zh-Hant'")
    return value


def _phone(value: str) -> str:
    if not _PHONE.match(value):
        raise ValueError("must be a phone number of 7 to 20 digits, optionally starting with +")
    return value


def _need(value: str) -> str:
    if not _NEED.match(value):
        raise ValueError("must be a taxonomy code: lower case letters, digits, '_', '.', ':' or '-' (e.g. 'job_training')")
    return value


LanguageTag = Annotated[str, AfterValidator(_language_tag)]
PhoneNumber = Annotated[str, AfterValidator(_phone)]
Need = Annotated[str, AfterValidator(_need)]


class Strict(BaseModel):
    """Input models: unknown fields are an error, surrounding whitespace is dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class RuleBroken(Exception):
    """A request that contradicts a rule of the domain; the reason is said to the caller as a conflict."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail

