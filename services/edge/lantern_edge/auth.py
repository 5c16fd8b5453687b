"""Bearer JWTs: who is calling, with which role, bound to which patron or partner organization."""

import time
import uuid
from collections import OrderedDict
from enum import StrEnum

import jwt
from fastapi import Request
from pydantic import BaseModel

from lantern_shared.problems import Problem

from .settings import EdgeSettings


class Role(StrEnum):
    ADMIN = "admin"
    STAFF = "staff"
    PARTNER = "partner"  # bound to one partner organization
    PATRON = "patron"  # bound to one patron


class Principal(BaseModel):
    subject: str
    role: Role
    patron_id: uuid.UUID | None = None
    partner_id: uuid.UUID | None = None

    @property
    def bound_id(self) -> str | None:
        """The one patron or organization this caller is confined to (None for staff and admins)."""
        if self.role is Role.PATRON:
            return str(self.patron_id)
        if self.role is Role.PARTNER:
            return str(self.partner_id)
        return None


def _unauthorized(detail: str) -> Problem:
    return Problem(401, "Unauthorized", detail, type="urn:lantern:problem:unauthorized")


class Authenticator:
    """Verifies bearer tokens. A token verified once is remembered until it expires (a bounded memory, oldest out):
    the signature check is most of the edge's CPU per request, and a session's token comes back on every call."""

    def __init__(self, settings: EdgeSettings, remembered: int = 10_000) -> None:
        self.algorithm = settings.jwt_algorithm
        self.key = settings.jwt_public_key or settings.jwt_secret.get_secret_value()
        self.issuer = settings.jwt_issuer
        self.audience = settings.jwt_audience
        self.leeway = settings.jwt_leeway_s
        self._remembered = remembered
        self._verified: OrderedDict[str, tuple[Principal, float]] = OrderedDict()  # token -> (principal, valid until)

    def verify(self, token: str) -> Principal:
        known = self._verified.get(token)
        if known is not None:
            principal, valid_until = known
            if time.time() < valid_until:
                self._verified.move_to_end(token)
                return principal
            del self._verified[token]  # expired: verified again below, and refused as expired
        principal, expires = self._verify(token)
        self._verified[token] = (principal, expires + self.leeway)  # as long as PyJWT would accept it
        if len(self._verified) > self._remembered:
            self._verified.popitem(last=False)
        return principal

    def _verify(self, token: str) -> tuple[Principal, float]:
        try:
            claims = jwt.decode(
                token, self.key, algorithms=[self.algorithm], audience=self.audience, issuer=self.issuer,
                leeway=self.leeway, options={"require": ["exp", "sub", "iss", "aud"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise _unauthorized("The token has expired.") from exc
        except jwt.InvalidAudienceError as exc:
            raise _unauthorized("The token is not meant for this API (audience).") from exc
        except jwt.InvalidIssuerError as exc:
            raise _unauthorized("The token was not issued by a trusted issuer.") from exc
        except jwt.PyJWTError as exc:
            raise _unauthorized("The token is not valid.") from exc
        try:
            principal = Principal(
                subject=claims["sub"], role=claims.get("role"),
                patron_id=claims.get("patron_id"), partner_id=claims.get("partner_id"),
            )
        except ValueError as exc:
            raise _unauthorized("The token carries no valid role.") from exc
        if principal.role is Role.PATRON and principal.patron_id is None:
            raise _unauthorized("A patron token must name its patron (patron_id).")
        if principal.role is Role.PARTNER and principal.partner_id is None:
            raise _unauthorized("A partner token must name its organization (partner_id).")
        return principal, float(claims["exp"])

    def from_request(self, request: Request) -> Principal:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise _unauthorized("Send a bearer token: Authorization: Bearer <JWT>.")
        return self.verify(token.strip())


def mint_token(
    secret: str,
    *,
    role: Role | str,
    subject: str,
    patron_id: str | None = None,
    partner_id: str | None = None,
    issuer: str = "lantern",
    audience: str = "lantern-api",
    ttl_s: int = 8 * 3600,
    algorithm: str = "HS256",
) -> str:
    """A token for local use and tests; production tokens come from the library's identity provider."""
    now = int(time.time())
    claims = {"sub": subject, "role": str(role), "iss": issuer, "aud": audience, "iat": now, "exp": now + ttl_s}
    if patron_id:
        claims["patron_id"] = str(patron_id)
    if partner_id:
        claims["partner_id"] = str(partner_id)
    return jwt.encode(claims, secret, algorithm=algorithm)
