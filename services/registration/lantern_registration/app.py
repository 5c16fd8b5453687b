"""Registration service wiring."""

from pathlib import Path

from fastapi import FastAPI

from lantern_shared.metrics import Metrics
from lantern_shared.runtime import Runtime
from lantern_shared.service import create_service_app

from . import api
from .events import PUBLISHED
from .settings import RegistrationSettings

MIGRATIONS = Path(__file__).parent / "migrations"


def create_app(settings: RegistrationSettings) -> FastAPI:
    runtime = Runtime(settings, Metrics(), published=PUBLISHED)
    return create_service_app(
        runtime, title="Lantern registration (internal)", routers=[api.router(settings.internal_token.get_secret_value())]
    )
