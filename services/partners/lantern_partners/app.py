"""Partners service wiring: partner records, agreements, the referral directory, referrals and distribution lists."""

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
from .handlers import agreements, directory, reports
from .privacy import PERSONAL_DATA
from .metrics import PartnerMetrics
from .settings import PartnersSettings

MIGRATIONS = Path(__file__).parent / "migrations"


def create_app(settings: PartnersSettings) -> FastAPI:
    metrics = Metrics()
    runtime = Runtime(settings, metrics, published=PUBLISHED, personal=PERSONAL_DATA)
    deps = Deps(runtime=runtime, settings=settings, clock=Clock(), metrics=PartnerMetrics(metrics.registry),
                uow=unit_of_work_factory(lambda: runtime.pool, runtime.outbox))
    runtime.subscriptions = consumers.subscriptions(deps)
    runtime.jobs = [
        PeriodicJob("partners-agreements-ended", settings.agreement_scan_interval_s, lambda _pool: agreements.end_run_out(deps)),
        PeriodicJob("partners-gauges", settings.gauges_interval_s, lambda _pool: reports.refresh_gauges(deps)),
        PeriodicJob("partners-directory-backfill", settings.directory_backfill_interval_s,
                    lambda _pool: directory.backfill(deps)),
    ]
    return create_service_app(runtime, title="Lantern partners (internal)", internal=api.ROUTERS, deps=deps,
                              clock=deps.clock)
