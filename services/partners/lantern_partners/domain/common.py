"""What the partners service's rules share: value shapes (language tags, phones, need codes) and the refusal."""

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict

from lantern_shared.fields import LanguageTag, PhoneNumber  # noqa: F401 - re-exported for the domain modules

_NEED = re.compile(r"^[a-z0-9][a-z0-9_.:\-]{0,63}$")


def _need(value: str) -> str:
    if not _NEED.match(value):
        raise ValueError("must be a taxonomy code: lower case letters, digits, '_', '.', ':' or '-' (e.g. 'job_training')")
    return value


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

