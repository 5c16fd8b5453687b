"""One refusal type for every service: what a rule or a lookup refuses, free of HTTP.

Domain code and handlers raise `Refusal`; the HTTP layer (problems.py) maps it to RFC 9457 problem details with
`type = urn:lantern:problem:<reason>`; a consumer treats it as the event's poison or as a no-op, as it decides.
"""

from enum import Enum
from typing import Any, TypeVar

T = TypeVar("T")


class Kind(str, Enum):
    NOT_FOUND = "not_found"  # 404
    CONFLICT = "conflict"  # 409: the request is well formed but the current state refuses it
    INVALID = "invalid"  # 422: a field's value is unacceptable
    FORBIDDEN = "forbidden"  # 403: the caller may not do this to this thing


class Refusal(Exception):
    """A refused request: a snake_case `reason`, a human `detail`, a `kind`, and the `field` when one is to blame."""

    def __init__(self, kind: Kind, reason: str, detail: str, *, field: str | None = None, **extra: Any) -> None:
        super().__init__(detail)
        if not reason.replace("_", "").isalnum() or reason != reason.lower():
            raise ValueError(f"refusal reasons are snake_case, not {reason!r}")
        self.kind = kind
        self.reason = reason
        self.detail = detail
        self.field = field
        self.extra = extra

    def __repr__(self) -> str:
        return f"Refusal({self.kind.value}, {self.reason!r}, {self.detail!r}, field={self.field!r})"


def not_found(what: str, ident: object, *, reason: str = "not_found") -> Refusal:
    return Refusal(Kind.NOT_FOUND, reason, f"No {what} {ident}.")


def present(value: T | None, what: str, ident: object) -> T:
    """`value`, which a lookup found; a row that vanished (say, under a lock taken after it was first read) is
    not found, like one that never was."""
    if value is None:
        raise not_found(what, ident)
    return value


def conflict(reason: str, detail: str, *, field: str | None = None, **extra: Any) -> Refusal:
    return Refusal(Kind.CONFLICT, reason, detail, field=field, **extra)


def invalid(field: str, message: str, *, reason: str = "validation") -> Refusal:
    return Refusal(Kind.INVALID, reason, message, field=field)


def forbidden(reason: str, detail: str) -> Refusal:
    return Refusal(Kind.FORBIDDEN, reason, detail)
