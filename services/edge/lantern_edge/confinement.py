"""How a patron or partner caller is confined to what is theirs; staff and admins are not confined."""

import json
import uuid
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import quote

from lantern_shared.problems import Problem

from .auth import Principal
from .upstream import Upstreams


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def not_theirs(principal: Principal) -> Problem:
    whose = "patron" if principal.role == "patron" else "organization"
    return Problem(403, "Forbidden", f"This belongs to another {whose}.", type="urn:lantern:problem:forbidden")


@dataclass
class Call:
    """The request as it will be forwarded; a confinement may check it or narrow it."""

    path_params: dict[str, str]
    query: list[tuple[str, str]]
    body: bytes

    @property
    def encoded_path_params(self) -> dict[str, str]:
        """Path parameters as they go into an internal URL: percent-encoded, so any value stays one segment."""
        return {name: quote(value, safe="") for name, value in self.path_params.items()}


class Confinement(Protocol):
    async def apply(self, principal: Principal, call: Call, upstreams: Upstreams, service: str) -> None: ...

    def describe(self) -> str: ...


@dataclass(frozen=True)
class Unconfined:
    """Open to this role as it is (e.g. the directory of partner services)."""

    async def apply(self, principal: Principal, call: Call, upstreams: Upstreams, service: str) -> None:
        return None

    def describe(self) -> str:
        return "any"


@dataclass(frozen=True)
class OwnPath:
    """A path parameter names the caller's own patron or organization."""

    param: str

    async def apply(self, principal: Principal, call: Call, upstreams: Upstreams, service: str) -> None:
        if call.path_params.get(self.param) != principal.bound_id:
            raise not_theirs(principal)

    def describe(self) -> str:
        return f"own ({self.param})"


@dataclass(frozen=True)
class OwnQuery:
    """A list: the edge sets this filter to the caller's own id. Asking for another's is refused like OwnBody's
    (a malformed id as the caller's 422 naming the parameter), never answered with the caller's own list instead."""

    param: str

    async def apply(self, principal: Principal, call: Call, upstreams: Upstreams, service: str) -> None:
        given = [v for k, v in call.query if k == self.param]
        if given and given != [principal.bound_id]:
            if len(given) > 1 or not _is_uuid(given[0]):
                raise Problem(422, "Invalid request", f"{self.param} must be one id", type="urn:lantern:problem:validation",
                              reason="validation", errors=[{"field": self.param, "message": "must be one UUID"}])
            raise not_theirs(principal)
        call.query = [(k, v) for k, v in call.query if k != self.param] + [(self.param, principal.bound_id or "")]

    def describe(self) -> str:
        return f"own only (filter {self.param})"


@dataclass(frozen=True)
class OwnBody:
    """A create: this body field must be the caller's own id; the edge fills it in when it is missing."""

    field: str

    async def apply(self, principal: Principal, call: Call, upstreams: Upstreams, service: str) -> None:
        try:
            body = json.loads(call.body or b"{}")
        except ValueError:
            return None  # the owning service answers the malformed body with a problem naming it
        if not isinstance(body, dict):
            return None
        given = body.get(self.field)
        if given is None:
            body[self.field] = principal.bound_id
            call.body = json.dumps(body).encode()
        elif str(given) != principal.bound_id:
            raise not_theirs(principal)

    def describe(self) -> str:
        return f"own ({self.field} in body)"


@dataclass(frozen=True)
class OwnResource:
    """Another resource: the edge reads it first and compares one of its fields with the caller's id."""

    internal_path: str  # e.g. /internal/v1/registrations/{registration_id}
    field: str  # dotted, e.g. "patron_id" or "borrower.id"

    async def apply(self, principal: Principal, call: Call, upstreams: Upstreams, service: str) -> None:
        found = await upstreams.fetch_json(service, self.internal_path.format(**call.encoded_path_params))
        value: Any = found
        for part in self.field.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value is None or str(value) != principal.bound_id:
            raise not_theirs(principal)

    def describe(self) -> str:
        return f"own ({self.field} of the resource)"
