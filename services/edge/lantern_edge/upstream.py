"""Calls from the edge to the services' internal APIs: pooled connections, timeouts, the internal credential.

aiohttp rather than httpx: the edge is a proxy, and its client is most of its CPU per request; aiohttp's client
costs a fraction of httpx's on the same calls (keep-alive pools per service, no per-request async-library probe).
"""

import asyncio
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import aiohttp
from fastapi import Response
from yarl import URL

from lantern_shared import tracing
from lantern_shared.http import CORRELATION_HEADER, INTERNAL_TOKEN_HEADER
from lantern_shared.logging import current_correlation_id
from lantern_shared.problems import PROBLEM_JSON, Problem

ACTOR_HEADER = "X-Lantern-Actor"
_FORWARDED_RESPONSE_HEADERS = ("content-type", "location", "retry-after")
_SAFE_METHODS = {"GET", "HEAD"}


_UNKNOWN = "The request may or may not have taken effect: look it up before sending it again under a new key."


class OutcomeUnknown(Problem):
    """The request reached the service and no answer came back: it may have been applied. An Idempotency-Key
    keeps this answer, so a retry under the same key is told the same instead of applying the request twice."""


@dataclass(frozen=True)
class Answer:
    """A service's answer, read whole (internal answers are small and bounded by the services' page limits)."""

    status_code: int
    headers: Mapping[str, str]  # case-insensitive (aiohttp's)
    content: bytes

    def json(self) -> Any:
        return json.loads(self.content)


class Upstreams:
    """Each service at one address or several (comma-separated: its instances). Several are taken in turn, one
    request each; a request that could not reach an instance (refused, no connection in time: it never arrived, so
    even a write is safe to send again) goes to the next. Behind a Kubernetes Service there is one address."""

    def __init__(self, urls: dict[str, str], internal_token: str, timeout_s: float) -> None:
        self._urls = {name: [URL(u.strip().rstrip("/")) for u in url.split(",") if u.strip()] for name, url in urls.items()}
        self._turn = dict.fromkeys(self._urls, 0)
        self._token = internal_token
        self._timeout = aiohttp.ClientTimeout(total=timeout_s, connect=2.0)
        self._sessions: dict[str, aiohttp.ClientSession] = {}

    def _session(self, service: str) -> aiohttp.ClientSession:
        # Made on first use, inside the running event loop (aiohttp binds a session to its loop).
        session = self._sessions.get(service)
        if session is None or session.closed:
            session = self._sessions[service] = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=100, keepalive_timeout=30),
                timeout=self._timeout,
                headers={INTERNAL_TOKEN_HEADER: self._token},
                auto_decompress=False,
                skip_auto_headers=("User-Agent",),
            )
        return session

    def _instances(self, service: str) -> list[URL]:
        """The service's instances, starting with the one whose turn it is."""
        urls = self._urls[service]
        if len(urls) == 1:
            return urls
        turn = self._turn[service] = (self._turn[service] + 1) % len(urls)
        return urls[turn:] + urls[:turn]

    @staticmethod
    def _url(base: URL, path: str) -> URL:
        # The path's parameters are already percent-encoded by the caller: keep them exactly as they are.
        return URL(str(base) + path, encoded=True)

    async def request(
        self, service: str, method: str, path: str, *, query: list[tuple[str, str]] | None = None,
        body: bytes | None = None, actor: str | None = None, timeout: float | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Answer:
        session = self._session(service)
        headers = {CORRELATION_HEADER: current_correlation_id(), "content-type": "application/json", **(headers or {})}
        if actor:
            headers[ACTOR_HEADER] = actor
        if traceparent := tracing.current_traceparent():  # the service's span continues the edge's trace
            headers[tracing.TRACEPARENT] = traceparent
        instances = self._instances(service)
        # Only an explicit timeout is passed: aiohttp reads `timeout=None` as "no limit at all".
        limit: dict[str, Any] = {"timeout": aiohttp.ClientTimeout(total=timeout, connect=2.0)} if timeout is not None else {}
        attempts = 2 if method in _SAFE_METHODS else 1  # only reads are retried once answered wrong: a write may have happened
        unreached = 0  # a request that never reached an instance is sent to the next one, a write too
        attempt = 0
        while True:
            url = self._url(instances[unreached % len(instances)], path)
            try:
                async with session.request(method, url, params=query or None, data=body, headers=headers,
                                           **limit) as answer:
                    return Answer(answer.status, answer.headers, await answer.read())
            except (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError) as exc:  # never reached it
                unreached += 1
                if unreached < len(instances):
                    continue
                if attempt + 1 < attempts:
                    attempt += 1
                    await asyncio.sleep(0.1)
                    continue
                raise Problem(503, "Service unavailable", f"The {service} service cannot be reached.") from exc
            except TimeoutError as exc:  # sent, and no answer in time
                if attempt + 1 < attempts:
                    attempt += 1
                    continue
                raise OutcomeUnknown(504, "Upstream timeout", f"The {service} service did not answer in time. "
                                     f"{_UNKNOWN if method not in _SAFE_METHODS else ''}".strip()) from exc
            except aiohttp.ClientError as exc:  # the connection broke while the request was out
                if attempt + 1 < attempts:
                    attempt += 1
                    await asyncio.sleep(0.1)
                    continue
                raise OutcomeUnknown(502, "Bad gateway", f"The connection to the {service} service was lost. "
                                     f"{_UNKNOWN if method not in _SAFE_METHODS else ''}".strip()) from exc

    async def forward(self, service: str, method: str, path: str, *, instance: str | None = None,
                      **kwargs: Any) -> Response:
        """Send the request on and hand back the service's answer, problem details included, as it came, except
        that a problem's `instance` names the public path it was called on (`instance`), not the internal one."""
        upstream = await self.request(service, method, path, **kwargs)
        if upstream.status_code == 401:
            # The edge's own credential was refused: a deployment fault, not the caller's.
            raise Problem(502, "Bad gateway", f"The {service} service refused the edge's credential.")
        headers = {name: value for name in _FORWARDED_RESPONSE_HEADERS if (value := upstream.headers.get(name)) is not None}
        content = upstream.content
        if instance and upstream.headers.get("content-type", "").startswith(PROBLEM_JSON):
            content = _public_instance(content, instance)
        return Response(content, status_code=upstream.status_code, headers=headers)

    async def fetch_json(self, service: str, path: str) -> Any:
        """Read a resource the edge needs for a decision; a missing one is the caller's 404."""
        upstream = await self.request(service, "GET", path)
        if upstream.status_code == 404:
            raise Problem(404, "Not found", "No such resource.")
        if upstream.status_code == 422:
            raise _callers_mistake(upstream)
        if upstream.status_code >= 400:
            raise Problem(502, "Bad gateway", f"The {service} service could not answer ({upstream.status_code}).")
        return upstream.json()

    async def ready(self) -> dict[str, bool]:
        """Each service: is at least one of its instances alive?"""
        async def probe(name: str, base: URL) -> bool:
            try:
                async with self._session(name).get(self._url(base, "/health/live"),
                                                   timeout=aiohttp.ClientTimeout(total=2.0)) as answer:
                    return answer.status == 200
            except (aiohttp.ClientError, TimeoutError):
                return False

        async def service(name: str) -> tuple[str, bool]:
            return name, any(await asyncio.gather(*(probe(name, base) for base in self._urls[name])))

        return dict(await asyncio.gather(*(service(n) for n in self._urls)))

    async def close(self) -> None:
        sessions, self._sessions = list(self._sessions.values()), {}
        await asyncio.gather(*(s.close() for s in sessions))


def _callers_mistake(upstream: Answer) -> Problem:
    """The lookup refused the caller's own input (a malformed id in the path): the caller's 422, fields named."""
    try:
        body = upstream.json()
    except ValueError:
        body = {}
    extra = {"errors": body["errors"]} if isinstance(body, dict) and isinstance(body.get("errors"), list) else {}
    return Problem(422, "Invalid request", body.get("detail") if isinstance(body, dict) else None,
                   type="urn:lantern:problem:validation", **extra)


def _public_instance(content: bytes, instance: str) -> bytes:
    try:
        problem = json.loads(content)
    except ValueError:
        return content
    if not isinstance(problem, dict) or "instance" not in problem:
        return content
    problem["instance"] = instance
    return json.dumps(problem).encode()
