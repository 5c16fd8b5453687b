"""What the partners service's rules share: the need-code shape and the strict base of its input models."""

import re

from pydantic import ConfigDict

from lantern_shared.fields import text_matching
from lantern_shared.models import RequestModel

_NEED = re.compile(r"^[a-z0-9][a-z0-9_.:\-]{0,63}$")

# The schema states the pattern, so callers see what is accepted.
Need = text_matching(_NEED.pattern, "must be a taxonomy code: lower case letters, digits, '_', '.', ':' or '-' "
                     "(e.g. 'job_training')", "taxonomy code")


class Strict(RequestModel):
    """Input models: unknown fields and NUL characters are an error (RequestModel), surrounding whitespace is dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
