"""What every service's HTTP side shares: correlation ids, request metrics, health, metrics and internal auth."""

import hmac
import time
import uuid
from collections.abc import Awaitable, Callable

from fastapi import APIRouter, Depends, FastAPI, Header, Request, Response
from fastapi.responses import JSONResponse
from fastapi.telemetry import TelemetryConfig
from opentelemetry.trace import SpanKind
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from . import tracing
from .logging import correlation_id
from .metrics import Metrics
from .problems import Problem, is_json, unsupported_media_type
from .refusals import invalid

CORRELATION_HEADER = "X-Correlation-ID"
INTERNAL_TOKEN_HEADER = "X-Lantern-Internal-Token"
ACTOR_HEADER = "X-Lantern-Actor"  # who acts, as the edge names them (e.g. "staff:librarian"), for audit trails

ReadinessCheck = Callable[[], Awaitable[dict[str, bool]]]

# FastAPI's native OpenTelemetry, off: Lantern's metrics are Prometheus (`install_observability`) and no OTel
# provider is configured, yet with it on every request asks the OTel API for three global providers, each an
# `os.environ` lookup (a sixth of the edge's CPU per request in the profile).
NO_OTEL: TelemetryConfig = {"tracing": False, "metrics": False, "logs": False}


def install_observability(app: FastAPI, metrics: Metrics) -> None:
    app.add_middleware(_Observe, metrics=metrics)


class _Observe:
    """Correlation id in and out, request count and duration by route template.

    A plain ASGI middleware: Starlette's `@app.middleware("http")` runs every request through an extra task and
    memory streams, a cost paid on every call of every service."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cid = Headers(scope=scope).get(CORRELATION_HEADER) or str(uuid.uuid4())
        token = correlation_id.set(cid)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[CORRELATION_HEADER] = cid
            await send(message)

        try:
            if tracing.active():
                await self._traced(scope, receive, send_with_id)
            else:
                await self.app(scope, receive, send_with_id)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            method = scope["method"]
            self.metrics.http_requests.labels(method, template, str(status)).inc()
            self.metrics.http_duration.labels(method, template).observe(time.perf_counter() - started)
            correlation_id.reset(token)


    async def _traced(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The request as a SERVER span, continuing the caller's trace (its `traceparent` header) if it sent one."""
        parent = Headers(scope=scope).get(tracing.TRACEPARENT)
        with tracing.span(scope["method"], kind=SpanKind.SERVER, parent=parent, component="http") as current:
            await self.app(scope, receive, send)
            if current is not None:
                template = getattr(scope.get("route"), "path", None) or "unmatched"
                current.update_name(f"{scope['method']} {template}")
                current.set_attribute("http.route", template)


def operations_router(metrics: Metrics, readiness: ReadinessCheck) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/health/live")
    async def live() -> dict[str, str]:
        return {"status": "ok"}

    @router.get("/health/ready")
    async def ready() -> JSONResponse:
        checks = await readiness()
        for name, up in checks.items():
            metrics.ready.labels(name).set(1 if up else 0)
        ok = all(checks.values())
        return JSONResponse({"status": "ok" if ok else "unavailable", "checks": checks}, status_code=200 if ok else 503)

    @router.get("/metrics")
    async def prometheus() -> Response:
        return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)

    return router


def internal_credential(expected: str) -> Callable[..., Awaitable[None]]:
    """A dependency that admits only callers holding the internal credential (the edge)."""

    async def check(token: str | None = Header(default=None, alias=INTERNAL_TOKEN_HEADER)) -> None:
        if token is None or not hmac.compare_digest(token.encode(), expected.encode()):
            raise Problem(401, "Unauthorized", "This is an internal API; it answers only the Lantern edge.")

    return check


def internal_router(expected_token: str, **kwargs) -> APIRouter:
    return APIRouter(prefix="/internal/v1", dependencies=[Depends(internal_credential(expected_token))], **kwargs)


async def actor(x_lantern_actor: str = Header("unspecified", alias=ACTOR_HEADER, max_length=200)) -> str:
    """The acting person the edge names; internal callers other than the edge are "unspecified"."""
    return x_lantern_actor


async def request_guard(request: Request) -> None:
    """What every route refuses before its own checks run (an app-wide dependency of every service and the edge):
    a NUL character in a path or query parameter (named: PostgreSQL cannot store it, and the route's own types
    would pass it on), and a body in another content type than JSON on a route that reads a JSON body."""
    for name, value in [*request.path_params.items(), *request.query_params.multi_items()]:
        if "\x00" in name or "\x00" in value:
            raise invalid(name.replace("\x00", ""), "may not contain NUL (\\u0000) characters")
    route = request.scope.get("route")
    if getattr(route, "body_field", None) is not None and not is_json(request.headers.get("content-type")):
        if await request.body():
            raise unsupported_media_type(request.headers.get("content-type"))
