"""Edge wiring: the one HTTP door for frontends."""

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

from fastapi import Depends, FastAPI, Request, Response

from lantern_shared.db import create_pool, ping
from lantern_shared.http import install_observability, operations_router, request_guard
from lantern_shared.metrics import Metrics
from lantern_shared.problems import Problem, install_problem_handlers, problem_response

from .auth import Authenticator
from .composed import composed_router
from .idempotency import IdempotencyKeys
from .openapi import build_openapi
from .routes import forwarding_router
from .settings import EdgeSettings
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
        purge = asyncio.create_task(_purge_forever(app.state.idempotency))
        try:
            yield
        finally:
            purge.cancel()
            await upstreams.close()
            await pool.close()

    app = FastAPI(
        title="Lantern API", version="0.1.0", lifespan=lifespan, description=DESCRIPTION,
        docs_url="/api/docs", openapi_url="/api/v1/openapi.json", redoc_url=None,
        dependencies=[Depends(request_guard)],
    )
    app.state.settings = settings
    app.state.upstreams = upstreams
    app.state.authenticator = Authenticator(settings)
    install_problem_handlers(app)

    @app.middleware("http")
    async def _limit_body(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > settings.max_body_bytes:
            return problem_response(Problem(413, "Payload too large", f"At most {settings.max_body_bytes} bytes."), request)
        return await call_next(request)

    install_observability(app, metrics)

    async def readiness() -> dict[str, bool]:
        return {"database": await ping(app.state.pool), **await upstreams.ready()}

    app.include_router(operations_router(metrics, readiness))
    app.include_router(composed_router())
    app.include_router(forwarding_router())
    app.openapi = lambda: app.openapi_schema or _cache(app)  # type: ignore[method-assign]
    return app


def _cache(app: FastAPI) -> dict:
    app.openapi_schema = build_openapi(app)
    return app.openapi_schema


async def _purge_forever(keys: IdempotencyKeys) -> None:
    while True:
        await asyncio.sleep(600)
        try:
            await keys.purge()
        except Exception:  # noqa: BLE001 - the next round tries again
            log.warning("could not purge expired idempotency keys")
