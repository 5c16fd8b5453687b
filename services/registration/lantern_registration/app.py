"""Registration service wiring: the one place that builds the runtime and hands each part what it needs."""

from datetime import timedelta
from pathlib import Path

from fastapi import FastAPI

from lantern_shared.jobs import PeriodicJob
from lantern_shared.metrics import Metrics
from lantern_shared.runtime import Runtime
from lantern_shared.service import create_service_app

from . import api, consumers
from .events import PUBLISHED
from .handlers import attendance, sessions
from .handlers.wiring import Outreach
from .metrics import OutreachMetrics
from .settings import RegistrationSettings

MIGRATIONS = Path(__file__).parent / "migrations"


def create_app(settings: RegistrationSettings) -> FastAPI:
    metrics = Metrics()
    runtime = Runtime(settings, metrics, published=PUBLISHED)
    out = Outreach(
        runtime, OutreachMetrics(metrics.registry), points_per_session=settings.points_per_session,
        check_in_opens_before_s=settings.check_in_opens_before_s,
    )
    runtime.subscriptions = consumers.subscriptions(out)
    runtime.jobs = [
        PeriodicJob("complete-ended-sessions", settings.session_completion_interval_s,
                    lambda pool: sessions.complete_ended_sessions(out)),
        PeriodicJob("seat-gauges", settings.seat_gauges_interval_s, lambda pool: sessions.refresh_seat_gauges(out)),
        PeriodicJob("forget-old-scans", 6 * 3600,
                    lambda pool: attendance.forget_old_scans(out, timedelta(days=settings.scan_retention_days))),
    ]
    app = create_service_app(
        runtime, title="Lantern registration (internal)", routers=[api.router(settings.internal_token.get_secret_value())]
    )
    app.state.outreach = out
    return app
