"""The app factory every service uses: one FastAPI app with the runtime in its lifespan."""

import contextlib
import logging
from collections.abc import AsyncIterator, Sequence
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Depends, FastAPI
from pydantic import AwareDatetime, BaseModel

from .clock import Clock
from .jobs import PeriodicJob
from .personal import PersonalData, apply_retention, export_patron, retention_days
from .http import NO_OTEL, install_observability, internal_credential, internal_router, operations_router, request_guard
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

    app = FastAPI(title=title, version=version, lifespan=lifespan, dependencies=[Depends(request_guard)],
                  telemetry=NO_OTEL)
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
    if runtime.personal is not None:
        app.include_router(privacy_router(runtime, runtime.personal), prefix="/internal/v1", dependencies=guard)
        schedule = retention_days(runtime.settings.retention_days)
        service_clock = clock or Clock()
        runtime.jobs.append(PeriodicJob(
            "retention", runtime.settings.retention_interval_s,
            lambda pool: apply_retention(pool, runtime.personal, service_clock, schedule),  # type: ignore[arg-type]  # checked not None above
        ))
    if clock is not None and runtime.settings.test_clock:
        app.include_router(test_clock_router(clock, runtime.settings.internal_token.get_secret_value()))
    return app


def privacy_router(runtime: Runtime, personal: PersonalData) -> APIRouter:
    """GET /internal/v1/privacy/patrons/{id}: everything this service holds about a patron (the edge's export)."""
    router = APIRouter(tags=["privacy"])

    @router.get("/privacy/patrons/{patron_id}", summary="Everything this service holds about a patron")
    async def export(patron_id: UUID) -> dict[str, Any]:
        return await export_patron(runtime.pool, personal, patron_id)

    return router


class ClockSetting(BaseModel):
    now: AwareDatetime


def test_clock_router(clock: Clock, internal_token: str) -> APIRouter:
    """PUT /internal/v1/test/clock {"now": ...}: the service's clock jumps there and runs on from it."""
    router = internal_router(internal_token, tags=["test clock"])

    @router.put("/test/clock", include_in_schema=False)
    async def set_clock(setting: ClockSetting) -> dict[str, str]:
        clock.set(setting.now)
        log.warning("test clock moved", extra={"offset_s": clock.offset.total_seconds()})
        return {"now": clock().isoformat()}

    return router
