"""One strict base for every request body: unknown fields and NUL characters are refused, naming the field."""

from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return any(_has_nul(v) for v in value)
    return False


class RequestModel(BaseModel):
    """Base of every public request body (and of the models nested in one)."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        # PostgreSQL cannot store U+0000 in text; refusing it here names the field instead of failing in the store.
        if _has_nul(value):
            raise ValueError("may not contain NUL (\\u0000) characters")
        return value
