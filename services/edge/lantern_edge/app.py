"""Edge wiring: the one HTTP door for frontends."""

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable

from fastapi import FastAPI, Request, Response

from lantern_shared.http import install_observability, operations_router
from lantern_shared.metrics import Metrics
from lantern_shared.problems import Problem, install_problem_handlers, problem_response

from . import api
from .settings import EdgeSettings
from .upstream import Upstreams


def create_app(settings: EdgeSettings) -> FastAPI:
    metrics = Metrics()
    upstreams = Upstreams(settings.upstreams, settings.internal_token.get_secret_value(), settings.upstream_timeout_s)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        await upstreams.close()

    app = FastAPI(
        title="Lantern API", version="0.1.0", lifespan=lifespan,
        description="The one HTTP API of Lantern for staff consoles, patron self-service, partner portals and kiosks.",
        docs_url="/api/docs", openapi_url="/api/v1/openapi.json", redoc_url=None,
    )
    app.state.upstreams = upstreams
    install_problem_handlers(app)

    @app.middleware("http")
    async def _limit_body(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > settings.max_body_bytes:
            return problem_response(Problem(413, "Payload too large", f"At most {settings.max_body_bytes} bytes."), request)
        return await call_next(request)

    install_observability(app, metrics)
    app.include_router(operations_router(metrics, upstreams.ready))
    app.include_router(api.router())
    return app
