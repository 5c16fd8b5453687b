"""Registration service wiring: the one place that builds the runtime and hands each part what it needs."""

from datetime import timedelta
from pathlib import Path

from fastapi import FastAPI

from lantern_shared.clock import Clock
from lantern_shared.jobs import PeriodicJob
from lantern_shared.metrics import Metrics
from lantern_shared.runtime import Runtime
from lantern_shared.service import create_service_app
from lantern_shared.uow import unit_of_work_factory

from . import api, consumers
from .deps import Deps
from .events import PUBLISHED
from .privacy import PERSONAL_DATA
from .handlers import attendance, sessions
from .metrics import OutreachMetrics
from .settings import RegistrationSettings

MIGRATIONS = Path(__file__).parent / "migrations"


def create_app(settings: RegistrationSettings) -> FastAPI:
    metrics = Metrics()
    runtime = Runtime(settings, metrics, published=PUBLISHED, personal=PERSONAL_DATA)
    deps = Deps(
        runtime, settings, Clock(), OutreachMetrics(metrics.registry),
        uow=unit_of_work_factory(lambda: runtime.pool, runtime.outbox),
        points_per_session=settings.points_per_session, check_in_opens_before_s=settings.check_in_opens_before_s,
    )
    runtime.subscriptions = consumers.subscriptions(deps)
    scan_retention = timedelta(days=settings.scan_retention_days)
    runtime.jobs = [
        PeriodicJob("complete-ended-sessions", settings.session_completion_interval_s,
                    lambda _pool: sessions.complete_ended_sessions(deps)),
        PeriodicJob("seat-gauges", settings.seat_gauges_interval_s, lambda _pool: sessions.refresh_seat_gauges(deps)),
        PeriodicJob("forget-old-scans", 6 * 3600, lambda _pool: attendance.forget_old_scans(deps, scan_retention)),
    ]
    return create_service_app(runtime, title="Lantern registration (internal)", internal=api.ROUTERS, deps=deps,
                              clock=deps.clock)
