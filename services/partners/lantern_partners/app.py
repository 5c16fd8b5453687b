"""Partners service wiring. Partner records, agreements and referrals arrive with their own issue."""

from pathlib import Path

from fastapi import FastAPI

from lantern_shared.metrics import Metrics
from lantern_shared.runtime import Runtime
from lantern_shared.service import create_service_app

from .settings import PartnersSettings

MIGRATIONS = Path(__file__).parent / "migrations"


def create_app(settings: PartnersSettings) -> FastAPI:
    runtime = Runtime(settings, Metrics())
    return create_service_app(runtime, title="Lantern partners (internal)", routers=[])
