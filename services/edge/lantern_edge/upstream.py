"""Calls from the edge to the services' internal APIs: pooled connections, timeouts, the internal credential."""

import asyncio

import httpx
from fastapi import Response

from lantern_shared.http import CORRELATION_HEADER, INTERNAL_TOKEN_HEADER
from lantern_shared.logging import current_correlation_id
from lantern_shared.problems import PROBLEM_JSON, Problem

_FORWARDED_RESPONSE_HEADERS = ("content-type", "location")


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

    async def forward(self, service: str, method: str, path: str, *, body: bytes | None = None) -> Response:
        """Send the request on and hand back the service's answer, problem details included, as it came."""
        client = self._clients[service]
        headers = {CORRELATION_HEADER: current_correlation_id(), "content-type": "application/json"}
        try:
            upstream = await client.request(method, path, content=body, headers=headers)
        except httpx.TimeoutException as exc:
            raise Problem(504, "Upstream timeout", f"The {service} service did not answer in time.") from exc
        except httpx.TransportError as exc:
            raise Problem(503, "Service unavailable", f"The {service} service cannot be reached.") from exc
        headers = {k: v for k, v in upstream.headers.items() if k.lower() in _FORWARDED_RESPONSE_HEADERS}
        if upstream.status_code == 401:
            # The edge's own credential was refused: a deployment fault, not the caller's.
            raise Problem(502, "Bad gateway", f"The {service} service refused the edge's credential.")
        return Response(upstream.content, status_code=upstream.status_code, headers=headers)

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


__all__ = ["PROBLEM_JSON", "Upstreams"]
