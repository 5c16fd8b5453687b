"""What the partners service's rules share: the need-code shape and the strict base of its input models."""

import re
from typing import Annotated

from pydantic import AfterValidator, ConfigDict

from lantern_shared.models import RequestModel

_NEED = re.compile(r"^[a-z0-9][a-z0-9_.:\-]{0,63}$")


def _need(value: str) -> str:
    if not _NEED.match(value):
        raise ValueError("must be a taxonomy code: lower case letters, digits, '_', '.', ':' or '-' (e.g. 'job_training')")
    return value


Need = Annotated[str, AfterValidator(_need)]


class Strict(RequestModel):
    """Input models: unknown fields and NUL characters are an error (RequestModel), surrounding whitespace is dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
