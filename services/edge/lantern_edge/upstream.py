"""Calls from the edge to the services' internal APIs: pooled connections, timeouts, the internal credential."""

import asyncio
from typing import Any

import httpx
from fastapi import Response

from lantern_shared.http import CORRELATION_HEADER, INTERNAL_TOKEN_HEADER
from lantern_shared.logging import current_correlation_id
from lantern_shared.problems import Problem

ACTOR_HEADER = "X-Lantern-Actor"
_FORWARDED_RESPONSE_HEADERS = ("content-type", "location", "retry-after")
_SAFE_METHODS = {"GET", "HEAD"}


class Upstreams:
    def __init__(self, urls: dict[str, str], internal_token: str, timeout_s: float) -> None:
        self._clients = {
            name: httpx.AsyncClient(
                base_url=url,
                timeout=httpx.Timeout(timeout_s, connect=2.0),
                limits=httpx.Limits(max_connections=100, max_keepalive_connections=20),
                headers={INTERNAL_TOKEN_HEADER: internal_token},
            )
            for name, url in urls.items()
        }

    async def request(
        self, service: str, method: str, path: str, *, query: list[tuple[str, str]] | None = None,
        body: bytes | None = None, actor: str | None = None, timeout: float | None = None,
    ) -> httpx.Response:
        client = self._clients[service]
        headers = {CORRELATION_HEADER: current_correlation_id(), "content-type": "application/json"}
        if actor:
            headers[ACTOR_HEADER] = actor
        attempts = 2 if method in _SAFE_METHODS else 1  # only reads are retried: a write may have happened
        for attempt in range(attempts):
            try:
                return await client.request(
                    method, path, params=query, content=body, headers=headers,
                    timeout=timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT,
                )
            except httpx.TimeoutException as exc:
                if attempt + 1 < attempts:
                    continue
                raise Problem(504, "Upstream timeout", f"The {service} service did not answer in time.") from exc
            except httpx.TransportError as exc:
                if attempt + 1 < attempts:
                    await asyncio.sleep(0.1)
                    continue
                raise Problem(503, "Service unavailable", f"The {service} service cannot be reached.") from exc
        raise AssertionError("unreachable")

    async def forward(self, service: str, method: str, path: str, **kwargs: Any) -> Response:
        """Send the request on and hand back the service's answer, problem details included, as it came."""
        upstream = await self.request(service, method, path, **kwargs)
        if upstream.status_code == 401:
            # The edge's own credential was refused: a deployment fault, not the caller's.
            raise Problem(502, "Bad gateway", f"The {service} service refused the edge's credential.")
        headers = {k: v for k, v in upstream.headers.items() if k.lower() in _FORWARDED_RESPONSE_HEADERS}
        return Response(upstream.content, status_code=upstream.status_code, headers=headers)

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
        async def probe(name: str, client: httpx.AsyncClient) -> tuple[str, bool]:
            try:
                answer = await client.get("/health/live", timeout=2.0)
                return name, answer.status_code == 200
            except httpx.HTTPError:
                return name, False

        return dict(await asyncio.gather(*(probe(n, c) for n, c in self._clients.items())))

    async def close(self) -> None:
        await asyncio.gather(*(c.aclose() for c in self._clients.values()))


def _callers_mistake(upstream: httpx.Response) -> Problem:
    """The lookup refused the caller's own input (a malformed id in the path): the caller's 422, fields named."""
    try:
        body = upstream.json()
    except ValueError:
        body = {}
    extra = {"errors": body["errors"]} if isinstance(body, dict) and isinstance(body.get("errors"), list) else {}
    return Problem(422, "Invalid request", body.get("detail") if isinstance(body, dict) else None,
                   type="urn:lantern:problem:validation", **extra)
