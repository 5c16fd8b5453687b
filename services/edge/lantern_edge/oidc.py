"""An OpenID Connect issuer's signing keys, read from its discovery document and JWKS and kept.

Keys are fetched before a token needs them (at start-up, every `max_age`, and once when a token names an unknown
`kid`, at most every `min_refresh_interval`), so checking a token never waits on the network inside a route. When
the identity provider cannot be reached the keys already read keep verifying.
"""

import asyncio
import logging
import time
from typing import Any

import aiohttp
import jwt

log = logging.getLogger(__name__)


class JwksCache:
    def __init__(self, issuer: str, discovery_url: str, *, min_refresh_interval_s: float = 10.0,
                 max_age_s: float = 3600.0, timeout_s: float = 5.0) -> None:
        self.issuer = issuer
        self.discovery_url = discovery_url
        self.min_refresh_interval_s = min_refresh_interval_s
        self.max_age_s = max_age_s
        self.timeout_s = timeout_s
        self.jwks_uri: str | None = None
        self.keys: dict[str | None, Any] = {}
        self._read_at = 0.0  # when the keys were last read
        self._tried_at = -1e9  # when a read was last attempted
        self._lock: asyncio.Lock | None = None

    def key(self, kid: str | None) -> Any | None:
        if kid is None and len(self.keys) == 1:
            return next(iter(self.keys.values()))
        return self.keys.get(kid)

    def stale(self) -> bool:
        return time.monotonic() - self._read_at > self.max_age_s

    async def ensure(self, kid: str | None) -> None:
        """Have the key `kid` if the issuer publishes it: a read when it is unknown (throttled) or the keys are old."""
        if self.key(kid) is not None and not self.stale():
            return
        if time.monotonic() - self._tried_at < self.min_refresh_interval_s:
            return
        self._lock = self._lock or asyncio.Lock()
        async with self._lock:
            if self.key(kid) is not None and not self.stale():
                return
            if time.monotonic() - self._tried_at < self.min_refresh_interval_s:
                return
            await self.refresh()

    async def refresh(self) -> bool:
        self._tried_at = time.monotonic()
        try:
            async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout_s),
                                             raise_for_status=True) as client:
                if self.jwks_uri is None:
                    async with client.get(self.discovery_url) as answer:
                        discovery = await answer.json(content_type=None)
                    if discovery.get("issuer") != self.issuer:
                        log.error("discovery document names another issuer", extra={
                            "expected": self.issuer, "found": discovery.get("issuer")})
                        return False
                    self.jwks_uri = discovery["jwks_uri"]
                async with client.get(self.jwks_uri) as answer:
                    jwks = await answer.json(content_type=None)
            keyset = jwt.PyJWKSet.from_dict(jwks)
        except (aiohttp.ClientError, TimeoutError, ValueError, KeyError, TypeError, jwt.PyJWTError) as exc:
            log.warning("could not read the issuer's keys; the keys already read stay in use",
                        extra={"issuer": self.issuer, "error": type(exc).__name__, "keys_kept": len(self.keys)})
            return False
        self.keys = {key.key_id: key for key in keyset.keys if getattr(key, "public_key_use", "sig") in (None, "sig")}
        self._read_at = time.monotonic()
        log.info("issuer keys read", extra={"issuer": self.issuer, "keys": len(self.keys)})
        return True


class KeyPrefetch:
    """ASGI middleware: before a request's route checks its bearer token, have the signing key it names."""

    def __init__(self, app: Any, authenticator: Any) -> None:
        self.app = app
        self.authenticator = authenticator

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            for name, value in scope["headers"]:
                if name == b"authorization":
                    scheme, _, token = value.decode("latin-1").partition(" ")
                    if scheme.lower() == "bearer" and token:
                        await self.authenticator.prepare(token.strip())
                    break
        await self.app(scope, receive, send)
