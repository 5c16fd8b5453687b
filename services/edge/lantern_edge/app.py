"""Edge wiring: the one HTTP door for frontends."""

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from starlette.types import ASGIApp, Receive, Scope, Send

from lantern_shared.db import create_pool, ping
from lantern_shared.jobs import PeriodicJob, run_periodically
from lantern_shared.http import NO_OTEL, install_observability, operations_router, request_guard
from lantern_shared.metrics import Metrics
from lantern_shared.problems import Problem, install_problem_handlers, problem_response

from lantern_shared.clock import Clock
from lantern_shared.service import test_clock_router

from . import guest_signin, signin
from .auth import Authenticator
from .composed import composed_router
from .export import export_router
from .headers import docs_router, with_security_headers
from .idempotency import IdempotencyKeys
from .oidc import KeyPrefetch
from .patron_signin import PatronSignIn
from .openapi import build_openapi
from .routes import forwarding_router
from .settings import EdgeSettings
from .sip2 import Sip2Client
from .tokens import PatronKeys
from .upstream import Upstreams

MIGRATIONS = Path(__file__).parent / "migrations"
log = logging.getLogger(__name__)

DESCRIPTION = """The one HTTP API of Lantern for staff consoles, patron self-service, partner portals and kiosks.

Every call needs `Authorization: Bearer <JWT>` with a role: `admin`, `staff`, `partner` (bound to one
organization) or `patron` (bound to one patron). Errors are RFC 9457 problem details naming each field at fault;
bodies are JSON (`application/json`): a body that does not parse is a 400, one in another content type a 415,
refused by the edge itself, which forwards only JSON. A POST may carry an
`Idempotency-Key`: a retry with the same key returns the first response and creates nothing new. Lists take
`limit` and `cursor` and answer `{"items": [...], "next_cursor": ...}`."""


def create_app(settings: EdgeSettings) -> FastAPI:
    metrics = Metrics()
    upstreams = Upstreams(settings.upstreams, settings.internal_token.get_secret_value(), settings.upstream_timeout_s)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        pool = await create_pool(settings.dsn, min_size=settings.db_pool_min, max_size=settings.db_pool_max)
        app.state.pool = pool
        app.state.idempotency = IdempotencyKeys(pool, settings.idempotency_ttl_s)
        app.state.patron_signin.pool = pool
        purge = asyncio.create_task(run_periodically(
            _purge_job(app.state.idempotency, app.state.patron_signin), pool,
            on_error=lambda name: metrics.job_failures.labels(name).inc()))
        keys = asyncio.create_task(authenticator.refresh_keys())  # an IdP still starting is read again on demand
        try:
            yield
        finally:
            purge.cancel()
            keys.cancel()
            if ils is not None:
                await ils.close()
            await upstreams.close()
            await pool.close()

    app = FastAPI(
        title="Lantern API", version="0.1.0", lifespan=lifespan, description=DESCRIPTION,
        docs_url=None, openapi_url="/api/v1/openapi.json", redoc_url=None, telemetry=NO_OTEL,
        dependencies=[Depends(request_guard)],
    )
    app.state.settings = settings
    app.state.upstreams = upstreams
    patron_keys = PatronKeys(settings.patron_issuer, settings.jwt_audience, settings.patron_token_ttl_s,
                             settings.patron_signing_key.get_secret_value() if settings.patron_signing_key else None)
    authenticator = app.state.authenticator = Authenticator(settings, patron_keys)
    ils = Sip2Client(
        settings.sip2_host, settings.sip2_port, timeout_s=settings.sip2_timeout_s, login_user=settings.sip2_login_user,
        login_password=settings.sip2_login_password.get_secret_value() if settings.sip2_login_password else None,
        location=settings.sip2_location, institution=settings.sip2_institution,
        language_field=settings.sip2_language_field,
    ) if settings.sip2_host else None
    clock = Clock()
    app.state.patron_signin = PatronSignIn(settings, None, ils, patron_keys, upstreams, clock)
    install_problem_handlers(app)

    app.add_middleware(_LimitBody, limit=settings.max_body_bytes)
    install_observability(app, metrics)
    app.add_middleware(KeyPrefetch, authenticator=authenticator)
    with_security_headers(app, settings.hsts_seconds)

    async def readiness() -> dict[str, bool]:
        return {"database": await ping(app.state.pool), **await upstreams.ready()}

    app.include_router(operations_router(metrics, readiness))
    app.include_router(signin.router)
    app.include_router(docs_router("/api/v1/openapi.json", "Lantern API"))
    if settings.test_clock:
        app.include_router(test_clock_router(clock, settings.internal_token.get_secret_value()))
    app.include_router(composed_router())
    app.include_router(export_router())
    app.include_router(forwarding_router())
    app.openapi = lambda: app.openapi_schema or _cache(app)  # type: ignore[method-assign]  # FastAPI documents replacing app.openapi
    return app


class _LimitBody:
    """A declared body over the limit is refused before it is read. A plain ASGI middleware: Starlette's
    `@app.middleware("http")` runs every request through an extra task and memory streams."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            for name, value in scope["headers"]:
                if name == b"content-length":
                    if value.isdigit() and int(value) > self.limit:
                        problem = Problem(413, "Payload too large", f"At most {self.limit} bytes.")
                        await problem_response(problem, Request(scope))(scope, receive, send)
                        return
                    break
        await self.app(scope, receive, send)


def _cache(app: FastAPI) -> dict:
    app.openapi_schema = build_openapi(app)
    return app.openapi_schema


def _purge_job(keys: IdempotencyKeys, patron_signin: PatronSignIn) -> PeriodicJob:
    """Expired idempotency keys and guest codes go every ten minutes, purged by one edge instance at a time."""
    async def purge(_pool: object) -> None:
        await keys.purge()
        await guest_signin.purge(patron_signin)

    return PeriodicJob("edge-purge-expired", 600, purge)
