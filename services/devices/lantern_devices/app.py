"""Devices service wiring."""

from pathlib import Path

from fastapi import FastAPI

from lantern_shared.metrics import Metrics
from lantern_shared.runtime import Runtime
from lantern_shared.service import create_service_app

from . import api
from .consumers import subscriptions
from .settings import DevicesSettings

MIGRATIONS = Path(__file__).parent / "migrations"


def create_app(settings: DevicesSettings) -> FastAPI:
    runtime = Runtime(settings, Metrics(), subscriptions=subscriptions())
    return create_service_app(
        runtime, title="Lantern devices (internal)", routers=[api.router(settings.internal_token.get_secret_value())]
    )
