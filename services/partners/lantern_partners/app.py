"""Partners service wiring: partner records, agreements, the referral directory, referrals and distribution lists."""

from pathlib import Path

from fastapi import FastAPI

from lantern_shared.jobs import PeriodicJob
from lantern_shared.metrics import Metrics
from lantern_shared.runtime import Runtime
from lantern_shared.service import create_service_app

from . import api, handlers, reports
from .clock import Clock
from .consumers import subscriptions
from .events import PUBLISHED
from .metrics import PartnerMetrics
from .settings import PartnersSettings

MIGRATIONS = Path(__file__).parent / "migrations"


def create_app(settings: PartnersSettings) -> FastAPI:
    metrics = Metrics()
    partner_metrics = PartnerMetrics(metrics.registry)
    clock = Clock(settings.timezone)
    runtime = Runtime(settings, metrics, subscriptions=subscriptions(partner_metrics), published=PUBLISHED)

    async def end_agreements(pool) -> int:
        return await handlers.end_run_out_agreements(pool, runtime.outbox, clock.today())

    async def gauges(pool) -> None:
        await reports.refresh_gauges(pool, partner_metrics, today=clock.today(),
                                     verification_period_days=settings.verification_period_days)

    runtime.jobs = [
        PeriodicJob("partners-agreements-ended", settings.agreement_scan_interval_s, end_agreements),
        PeriodicJob("partners-gauges", settings.gauges_interval_s, gauges),
    ]
    app = create_service_app(
        runtime, title="Lantern partners (internal)", routers=[api.router(settings.internal_token.get_secret_value())]
    )
    app.state.clock = clock
    app.state.partner_metrics = partner_metrics
    return app
