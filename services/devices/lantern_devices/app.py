"""Devices service wiring: the runtime, its scheduled jobs, the metrics and the internal API."""

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import AwareDatetime, BaseModel

from lantern_shared.http import internal_router
from lantern_shared.jobs import PeriodicJob
from lantern_shared.metrics import Metrics
from lantern_shared.problems import Problem, problem_response
from lantern_shared.runtime import Runtime
from lantern_shared.service import create_service_app

from . import api, handlers
from .consumers import subscriptions
from .domain import DomainError
from .events import PUBLISHED
from .metrics import DevicesMetrics
from .settings import DevicesSettings

MIGRATIONS = Path(__file__).parent / "migrations"

_TITLES = {404: "Not found", 409: "Conflict", 422: "Invalid request"}


def utc_now() -> datetime:
    return datetime.now(UTC)


def create_app(settings: DevicesSettings) -> FastAPI:
    policy = settings.policy()
    metrics = Metrics()
    devices_metrics = DevicesMetrics(metrics.registry)
    runtime = Runtime(settings, metrics, subscriptions=subscriptions(policy), published=PUBLISHED)
    app = create_service_app(
        runtime, title="Lantern devices (internal)", routers=[api.router(settings.internal_token.get_secret_value())]
    )
    app.state.policy = policy
    app.state.clock = utc_now  # tests set their own clock here
    app.state.devices_metrics = devices_metrics
    if settings.test_clock:
        app.include_router(_test_clock_router(app, settings.internal_token.get_secret_value()))

    def now() -> datetime:
        return app.state.clock()

    async def loan_notices(pool: asyncpg.Pool) -> None:
        await handlers.send_loan_notices(pool, runtime.outbox, app.state.policy, now())

    async def hold_expiry(pool: asyncpg.Pool) -> None:
        await handlers.expire_pickups(pool, runtime.outbox, app.state.policy, now())

    async def anonymize(pool: asyncpg.Pool) -> None:
        await handlers.anonymize_loans(pool, app.state.policy, now())

    async def reservations(pool: asyncpg.Pool) -> None:
        await handlers.recheck_reservations(pool, runtime.outbox, now())

    async def gauges(pool: asyncpg.Pool) -> None:
        await devices_metrics.refresh(pool, now())

    runtime.jobs.extend([
        PeriodicJob("devices-loan-notices", settings.loan_notices_interval_s, loan_notices),
        PeriodicJob("devices-hold-expiry", settings.hold_expiry_interval_s, hold_expiry),
        PeriodicJob("devices-anonymize-loans", settings.anonymize_interval_s, anonymize),
        PeriodicJob("devices-recheck-reservations", settings.reservations_recheck_interval_s, reservations),
    ])
    # Every instance serves /metrics, so every instance refreshes its gauges (a PeriodicJob runs on one instance only).
    _alongside(app, lambda: _every(settings.gauges_interval_s, lambda: gauges(runtime.pool)))

    @app.exception_handler(DomainError)
    async def _refused(request: Request, exc: DomainError) -> JSONResponse:
        extra: dict = {"reason": exc.reason}
        if isinstance(exc, handlers.Shortfall):
            extra |= {"requested": exc.requested, "missing": exc.missing}
        if exc.status == 422:
            extra |= {"type": "urn:lantern:problem:validation",
                      "errors": [{"field": exc.field or "body", "message": exc.message}]}
        problem = Problem(exc.status, _TITLES.get(exc.status, "Error"), exc.message, **extra)
        return problem_response(problem, request)

    return app


log = logging.getLogger(__name__)


class ClockSetting(BaseModel):
    now: AwareDatetime


def _test_clock_router(app: FastAPI, internal_token: str) -> APIRouter:
    """PUT /internal/v1/test/clock {"now": ...}: the service's clock jumps there and runs on from it."""
    router = internal_router(internal_token, tags=["test clock"])

    @router.put("/test/clock", include_in_schema=False)
    async def set_clock(setting: ClockSetting) -> dict[str, str]:
        offset = setting.now - utc_now()
        app.state.clock = lambda: utc_now() + offset
        log.warning("test clock moved", extra={"offset_s": offset.total_seconds()})
        return {"now": app.state.clock().isoformat()}

    return router


def _alongside(app: FastAPI, task: Callable[[], Awaitable[None]]) -> None:
    """Run `task` for as long as the app runs, inside the service's own lifespan (after the runtime has started)."""
    inner = app.router.lifespan_context

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with inner(app):
            running = asyncio.create_task(task())
            try:
                yield
            finally:
                running.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await running

    app.router.lifespan_context = lifespan


async def _every(interval_s: float, work: Callable[[], Awaitable[None]]) -> None:
    while True:
        try:
            await work()
        except Exception as exc:  # noqa: BLE001 - gauges are refreshed again next round
            log.warning("refreshing device gauges failed (%s)", type(exc).__name__)
        await asyncio.sleep(interval_s)
