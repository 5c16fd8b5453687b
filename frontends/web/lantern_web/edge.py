"""The edge, through the typed client generated from its public OpenAPI (edge_api/): the only API this app calls.

`Edge.call(operation, **arguments)` runs one generated operation with the reader's bearer token and returns the
parsed answer; a problem answer raises `EdgeProblem` (with the fields it names), an edge that cannot be reached or
says a service is unavailable raises `EdgeDown` (the friendly 503 page).
"""

import json
import uuid
from types import ModuleType
from typing import Any, cast

import httpx
from starlette.requests import Request

from .edge_api.client import AuthenticatedClient, Client


class EdgeProblem(Exception):
    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(f"{status} {body.get('title', '')}")
        self.status = status
        self.body = body

    @property
    def reason(self) -> str:
        """The problem's machine-readable reason (the last part of its `type`), e.g. `wrong_card_or_pin`."""
        kind = str(self.body.get("type", ""))
        return str(self.body.get("reason") or kind.rstrip("/").rsplit("/", 1)[-1])

    @property
    def fields(self) -> list[str]:
        """The request fields the problem names (`body.email` and `email` both name `email`)."""
        named = [str(e.get("field") or "") for e in self.body.get("errors") or [] if isinstance(e, dict)]
        named += [str(self.body["field"])] if self.body.get("field") else []
        return [n.rsplit(".", 1)[-1] for n in named if n]


class EdgeDown(EdgeProblem):
    pass


class _Shared(httpx.AsyncBaseTransport):
    """The app's one pool, lent to each request's client: closing that client leaves the pool open."""

    def __init__(self, pool: httpx.AsyncHTTPTransport) -> None:
        self.pool = pool

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.pool.handle_async_request(request)


class EdgeConnection:
    """One connection pool to the edge for the whole app; a client per request carries that reader's token."""

    def __init__(self, base_url: str, timeout_s: float) -> None:
        self.base_url = base_url
        self.timeout = httpx.Timeout(timeout_s)
        self.transport = httpx.AsyncHTTPTransport(retries=1, limits=httpx.Limits(max_connections=50))
        self.lent = _Shared(self.transport)

    def client(self, token: str | None) -> AuthenticatedClient:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        http = httpx.AsyncClient(base_url=self.base_url, transport=self.lent, timeout=self.timeout,
                                 headers=headers)
        generated = Client(base_url=self.base_url).set_async_httpx_client(http)
        # Public operations take the same client; without a token it simply sends no Authorization header.
        return cast(AuthenticatedClient, generated)

    async def close(self) -> None:
        await self.transport.aclose()


class Edge:
    def __init__(self, connection: EdgeConnection, token: str | None) -> None:
        self.connection = connection
        self.token = token

    async def call(self, operation: ModuleType, **arguments: Any) -> Any:
        client = self.connection.client(self.token)
        http = client.get_async_httpx_client()
        if operation.__name__.rsplit(".", 1)[-1].startswith(("post_", "put_", "patch_", "delete_")):
            http.headers["Idempotency-Key"] = str(uuid.uuid4())
        try:
            answer = await operation.asyncio_detailed(client=client, **arguments)
        except (httpx.TransportError, httpx.TimeoutException) as exc:
            raise EdgeDown(503, {"title": "edge unreachable", "detail": type(exc).__name__}) from exc
        finally:
            await http.aclose()
        status = int(answer.status_code)
        if status >= 400:
            try:
                body = json.loads(answer.content or b"{}")
            except ValueError:
                body = {}
            body = body if isinstance(body, dict) else {}
            raise (EdgeDown if status in {502, 503, 504} else EdgeProblem)(status, body)
        return answer.parsed


def edge_for(request: Request) -> Edge:
    """The edge as the signed-in reader (their token from the session), or anonymously."""
    token = request.session.get("auth", {}).get("access_token")
    return Edge(request.app.state.edge, token)
