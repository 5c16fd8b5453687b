"""The app factory every service uses: one FastAPI app with the runtime in its lifespan."""

import contextlib
from collections.abc import AsyncIterator

from fastapi import APIRouter, FastAPI

from .http import install_observability, operations_router
from .problems import install_problem_handlers
from .runtime import Runtime


def create_service_app(runtime: Runtime, *, title: str, routers: list[APIRouter], version: str = "0.1.0") -> FastAPI:
    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with runtime.running():
            yield

    app = FastAPI(title=title, version=version, lifespan=lifespan)
    app.state.runtime = runtime
    install_problem_handlers(app)
    install_observability(app, runtime.metrics)
    app.include_router(operations_router(runtime.metrics, runtime.readiness))

    @app.get("/asyncapi.json", include_in_schema=False)
    async def asyncapi() -> dict:
        return runtime.asyncapi()

    for router in routers:
        app.include_router(router)
    return app
