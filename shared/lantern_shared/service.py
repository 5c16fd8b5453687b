"""The app factory every service uses: one FastAPI app with the runtime in its lifespan."""

import contextlib
import logging
from collections.abc import AsyncIterator, Sequence

from fastapi import APIRouter, Depends, FastAPI
from pydantic import AwareDatetime, BaseModel

from .clock import Clock
from .http import install_observability, internal_credential, internal_router, operations_router, request_guard
from .problems import install_problem_handlers
from .runtime import Runtime


log = logging.getLogger(__name__)


def create_service_app(runtime: Runtime, *, title: str, routers: Sequence[APIRouter] = (), version: str = "0.1.0",
                       internal: Sequence[APIRouter] = (), deps: object = None, clock: Clock | None = None) -> FastAPI:
    """`internal` are the service's module-level routers, mounted under /internal/v1 behind the internal credential;
    `deps` is the service's one dependency object (reached by routes through `request.app.state.deps`);
    with `clock` and the `test_clock` setting on, PUT /internal/v1/test/clock moves that clock (tests, demos)."""
    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        async with runtime.running():
            yield

    app = FastAPI(title=title, version=version, lifespan=lifespan, dependencies=[Depends(request_guard)])
    app.state.runtime = runtime
    install_problem_handlers(app)
    install_observability(app, runtime.metrics)
    app.include_router(operations_router(runtime.metrics, runtime.readiness))

    @app.get("/asyncapi.json", include_in_schema=False)
    async def asyncapi() -> dict:
        return runtime.asyncapi()

    app.state.deps = deps
    for router in routers:
        app.include_router(router)
    guard = [Depends(internal_credential(runtime.settings.internal_token.get_secret_value()))]
    for router in internal:
        app.include_router(router, prefix="/internal/v1", dependencies=guard)
    if clock is not None and runtime.settings.test_clock:
        app.include_router(_test_clock_router(clock, runtime.settings.internal_token.get_secret_value()))
    return app


class ClockSetting(BaseModel):
    now: AwareDatetime


def _test_clock_router(clock: Clock, internal_token: str) -> APIRouter:
    """PUT /internal/v1/test/clock {"now": ...}: the service's clock jumps there and runs on from it."""
    router = internal_router(internal_token, tags=["test clock"])

    @router.put("/test/clock", include_in_schema=False)
    async def set_clock(setting: ClockSetting) -> dict[str, str]:
        clock.set(setting.now)
        log.warning("test clock moved", extra={"offset_s": clock.offset.total_seconds()})
        return {"now": clock().isoformat()}

    return router
