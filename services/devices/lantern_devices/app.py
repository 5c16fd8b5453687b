"""Devices service wiring: the runtime, its scheduled jobs, the metrics and the internal API."""

from pathlib import Path

import asyncpg
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
from .handlers import holds, lending, offers, reservations
from .metrics import DevicesMetrics
from .settings import DevicesSettings

MIGRATIONS = Path(__file__).parent / "migrations"


def create_app(settings: DevicesSettings) -> FastAPI:
    metrics = Metrics()
    runtime = Runtime(settings, metrics, published=PUBLISHED, personal=PERSONAL_DATA)
    deps = Deps(runtime=runtime, settings=settings, clock=Clock(), metrics=DevicesMetrics(metrics.registry),
                uow=unit_of_work_factory(lambda: runtime.pool, runtime.outbox), policy=settings.policy())
    runtime.subscriptions = consumers.subscriptions(deps)
    runtime.jobs = jobs(deps)
    return create_service_app(runtime, title="Lantern devices (internal)", internal=api.ROUTERS, deps=deps,
                              clock=deps.clock)


def jobs(deps: Deps) -> list[PeriodicJob]:
    s = deps.settings

    async def loan_notices(_: asyncpg.Pool) -> None:
        await lending.send_loan_notices(deps, deps.clock())

    async def hold_expiry(_: asyncpg.Pool) -> None:
        await holds.expire_pickups(deps, deps.clock())

    async def offer_lapses(_: asyncpg.Pool) -> None:
        await offers.lapse_offers(deps, deps.clock())

    async def anonymize(_: asyncpg.Pool) -> None:
        await lending.anonymize_loans(deps, deps.clock())

    async def recheck(_: asyncpg.Pool) -> None:
        await reservations.recheck_reservations(deps, deps.clock())

    async def gauges(pool: asyncpg.Pool) -> None:
        await deps.metrics.refresh(pool, deps.clock())

    return [
        PeriodicJob("devices-loan-notices", s.loan_notices_interval_s, loan_notices),
        PeriodicJob("devices-hold-expiry", s.hold_expiry_interval_s, hold_expiry),
        PeriodicJob("devices-offer-lapses", s.offer_lapse_interval_s, offer_lapses),
        PeriodicJob("devices-anonymize-loans", s.anonymize_interval_s, anonymize),
        PeriodicJob("devices-recheck-reservations", s.reservations_recheck_interval_s, recheck),
        # Every instance serves /metrics, so every instance refreshes its own gauges.
        PeriodicJob("devices-gauges", s.gauges_interval_s, gauges, per_instance=True),
    ]
