"""Services run in-process against the real broker and database of the test stack."""

import contextlib
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from tests.support import settings_for


@contextlib.asynccontextmanager
async def running_service(stack, service: str, **overrides: object) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    module = __import__(f"lantern_{service}.app", fromlist=["create_app"])
    settings = settings_for(stack, service, **overrides)
    app = module.create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        headers = {"X-Lantern-Internal-Token": settings.internal_token.get_secret_value()}
        async with httpx.AsyncClient(transport=transport, base_url=f"http://{service}", headers=headers) as client:
            yield app, client


@pytest.fixture
async def devices(stack):
    """The devices service with its consumers running, its metrics at `app.state.runtime.metrics`."""
    async with running_service(stack, "devices") as (app, client):
        await _consuming(app)
        yield app, client


async def _consuming(app: FastAPI) -> None:
    from tests.support import eventually

    async def ready() -> bool:
        return (await app.state.runtime.readiness())["kafka"]

    await eventually(ready, timeout=60, what="the consumers to join their groups")
