"""Bearer JWTs: who is calling, with which role, bound to which patron or partner organization.

Several issuers are trusted at once, each by its `iss`: the library's OpenID Connect identity provider(s) (staff,
admins, partner contacts; keys from their JWKS), the edge's own patron tokens (patrons signed in with card + PIN),
and, only when `dev_tokens` is switched on, HS256 tokens signed with the local stack's shared secret.
"""

import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from enum import StrEnum
from typing import Any

import jwt
from fastapi import Request
from pydantic import BaseModel

from lantern_shared.problems import Problem

from .oidc import JwksCache
from .settings import EdgeSettings, TrustedIssuer
from .tokens import PatronKeys


class Role(StrEnum):
    ADMIN = "admin"
    STAFF = "staff"
    PARTNER = "partner"  # bound to one partner organization
    PATRON = "patron"  # bound to one patron


_RANK = (Role.ADMIN, Role.STAFF, Role.PARTNER)  # a person holding several IdP roles acts with the strongest


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


def _forbidden(detail: str) -> Problem:
    return Problem(403, "Forbidden", detail, type="urn:lantern:problem:forbidden")


class Issuer:
    """One trusted issuer: how its keys are found and how its claims become a Principal."""

    def __init__(self, name: str, audience: str, algorithms: list[str], key: Callable[[str | None], Any],
                 principal: Callable[[dict], Principal], keys: JwksCache | None = None) -> None:
        self.name, self.audience, self.algorithms = name, audience, algorithms
        self.key, self.principal, self.keys = key, principal, keys


def _claim(claims: dict, path: str) -> Any:
    value: Any = claims
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _bound(principal: Principal) -> Principal:
    if principal.role is Role.PATRON and principal.patron_id is None:
        raise _unauthorized("A patron token must name its patron (patron_id).")
    if principal.role is Role.PARTNER and principal.partner_id is None:
        raise _unauthorized("A partner token must name its organization (partner_id).")
    return principal


def _lantern_claims(claims: dict) -> Principal:
    """Tokens Lantern signs itself (patron tokens, development tokens) carry `role` and the binding directly."""
    try:
        return Principal(subject=claims["sub"], role=claims.get("role"), patron_id=claims.get("patron_id"),
                         partner_id=claims.get("partner_id"))
    except ValueError as exc:
        raise _unauthorized("The token carries no valid role.") from exc


def oidc_issuer(config: TrustedIssuer, settings: EdgeSettings) -> Issuer:
    keys = JwksCache(config.issuer, config.discovery, min_refresh_interval_s=settings.jwks_min_refresh_interval_s,
                     max_age_s=settings.jwks_max_age_s)

    def principal(claims: dict) -> Principal:
        granted = _claim(claims, config.roles_claim)
        granted = [granted] if isinstance(granted, str) else granted if isinstance(granted, list) else []
        roles = {config.role_map[name] for name in granted if isinstance(name, str) and name in config.role_map}
        role = next((r for r in _RANK if r.value in roles), None)
        if role is None:
            raise _forbidden("You are signed in, but your account has no Lantern role; ask the library for one.")
        partner = _claim(claims, config.partner_claim) if role is Role.PARTNER else None
        partner = partner[0] if isinstance(partner, list) and partner else partner
        try:
            return _bound(Principal(subject=claims["sub"], role=role, partner_id=partner))
        except ValueError as exc:
            raise _forbidden("The organization this account is bound to is not a valid id.") from exc

    def key(kid: str | None) -> Any:
        found = keys.key(kid)
        if found is None:
            raise _unauthorized("The token is signed with a key its issuer does not publish.")
        return found

    return Issuer(config.issuer, config.audience, list(config.algorithms), key, principal, keys)


def patron_issuer(patron_keys: PatronKeys) -> Issuer:
    def principal(claims: dict) -> Principal:
        found = _lantern_claims(claims)
        if found.role is not Role.PATRON:  # the edge signs patron tokens only: anything else is forged
            raise _unauthorized("The token carries no valid role.")
        return _bound(found)

    def key(kid: str | None) -> Any:
        found = patron_keys.public_key(kid)
        if found is None:
            raise _unauthorized("The token is signed with a key its issuer does not publish.")
        return found

    return Issuer(patron_keys.issuer, patron_keys.audience, ["ES256"], key, principal)


def development_issuer(settings: EdgeSettings) -> Issuer:
    secret = settings.jwt_secret.get_secret_value()  # type: ignore[union-attr]  # checked by the settings
    return Issuer(settings.jwt_issuer, settings.jwt_audience, ["HS256"], lambda _kid: secret,
                  lambda claims: _bound(_lantern_claims(claims)))


class Authenticator:
    """Verifies bearer tokens from every trusted issuer. A token verified once is remembered until it expires (a
    bounded memory, oldest out): the signature check is most of the edge's CPU per request, and a session's token
    comes back on every call. Refusals are never remembered."""

    def __init__(self, settings: EdgeSettings, patron_keys: PatronKeys | None = None, remembered: int = 10_000) -> None:
        self.leeway = settings.jwt_leeway_s
        self._remembered = remembered
        self._verified: OrderedDict[str, tuple[Principal, float]] = OrderedDict()  # token -> (principal, valid until)
        issuers = [oidc_issuer(config, settings) for config in settings.oidc_issuers]
        if patron_keys is not None:
            issuers.append(patron_issuer(patron_keys))
        if settings.dev_tokens:
            issuers.append(development_issuer(settings))
        self.issuers = {issuer.name: issuer for issuer in issuers}

    def _issuer(self, token: str) -> tuple[Issuer, dict]:
        try:
            header = jwt.get_unverified_header(token)
            unverified = jwt.decode(token, options={"verify_signature": False})
        except jwt.PyJWTError as exc:
            raise _unauthorized("The token is not valid.") from exc
        claimed = unverified.get("iss")
        issuer = self.issuers.get(claimed) if isinstance(claimed, str) else None
        if issuer is None:
            raise _unauthorized("The token was not issued by a trusted issuer.")
        return issuer, header

    async def prepare(self, token: str) -> None:
        """Have the key a token names, reading its issuer's JWKS again when the key is new (see oidc.KeyPrefetch).
        A token verified before and not expired needs no key: nothing to decode (it was ~6% of the edge's CPU)."""
        known = self._verified.get(token)
        if known is not None and time.time() < known[1]:
            return
        try:
            issuer, header = self._issuer(token)
        except Problem:
            return
        if issuer.keys is not None:
            await issuer.keys.ensure(header.get("kid"))

    async def refresh_keys(self) -> None:
        for issuer in self.issuers.values():
            if issuer.keys is not None:
                await issuer.keys.refresh()

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
        issuer, header = self._issuer(token)
        if header.get("alg") not in issuer.algorithms:
            raise _unauthorized("The token is not valid.")
        try:
            claims = jwt.decode(
                token, issuer.key(header.get("kid")), algorithms=issuer.algorithms, audience=issuer.audience,
                issuer=issuer.name, leeway=self.leeway, options={"require": ["exp", "sub", "iss", "aud"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise _unauthorized("The token has expired.") from exc
        except jwt.ImmatureSignatureError as exc:
            raise _unauthorized("The token is not valid yet.") from exc
        except jwt.InvalidAudienceError as exc:
            raise _unauthorized("The token is not meant for this API (audience).") from exc
        except jwt.InvalidIssuerError as exc:
            raise _unauthorized("The token was not issued by a trusted issuer.") from exc
        except jwt.PyJWTError as exc:
            raise _unauthorized("The token is not valid.") from exc
        return issuer.principal(claims), float(claims["exp"])

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
    """A development token (accepted only where `dev_tokens` is on); real ones come from sign-in."""
    now = int(time.time())
    claims = {"sub": subject, "role": str(role), "iss": issuer, "aud": audience, "iat": now, "exp": now + ttl_s}
    if patron_id:
        claims["patron_id"] = str(patron_id)
    if partner_id:
        claims["partner_id"] = str(partner_id)
    return jwt.encode(claims, secret, algorithm=algorithm)
