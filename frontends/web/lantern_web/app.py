"""The web app's composition root: `create_app(settings)` wires sessions, the edge client, the IdP and the areas."""

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from urllib.parse import quote, urlsplit

import asyncpg
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import i18n, signin
from .areas import AREA_ROUTERS
from .edge import EdgeConnection, EdgeDown, EdgeProblem
from .pages import CsrfRefused, SignInRequired, environment, redirect, render
from .security import SecurityHeaders
from .sessions import MemoryStore, PostgresStore, SessionMiddleware
from .settings import WebSettings

log = logging.getLogger("lantern.web")
STATIC = __import__("pathlib").Path(__file__).parent / "static"


class ReaderLanguage:
    """Sets the reader's language and time zone for this request (the catalogs and Babel's formatting read them)."""

    def __init__(self, app: ASGIApp, timezone: str) -> None:
        self.app, self.timezone = app, timezone

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        session = scope.get("session") or {}
        accept = dict(scope["headers"]).get(b"accept-language", b"").decode("latin-1")
        language = session.get("lang") or i18n.negotiate(accept)
        tokens = (i18n.current_language.set(language), i18n.current_timezone.set(session.get("tz") or self.timezone))
        try:
            await self.app(scope, receive, send)
        finally:
            i18n.current_language.reset(tokens[0])
            i18n.current_timezone.reset(tokens[1])


class CatchAll:
    """A page that fails shows the error page in the reader's language (inside the session and language layers),
    is logged with its traceback, and goes no further: never a stack trace, never a dropped connection."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception:  # noqa: BLE001 - the last line of defence: every failure becomes the error page
            log.exception("page failed: %s %s", scope.get("method"), scope.get("path"))
            if not started:
                await render(Request(scope), "common/error.html", status=500, reason="failed")(scope, receive, send)


def create_app(settings: WebSettings) -> FastAPI:
    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        pool = None
        if settings.db_password is not None:
            pool = await asyncpg.create_pool(
                host=settings.db_host, port=settings.db_port, database=settings.db_name, user=settings.db_user,
                password=settings.db_password.get_secret_value(), min_size=1, max_size=10)
            await PostgresStore.migrate(pool)
            store.target = PostgresStore(pool)
            purging = asyncio.create_task(_purge_hourly(store.target))
        try:
            yield
        finally:
            if pool is not None:
                purging.cancel()
            await app.state.edge.close()
            if pool is not None:
                await pool.close()

    app = FastAPI(title="Lantern web", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.settings = settings
    app.state.templates = environment()
    app.state.edge = EdgeConnection(settings.edge_url, settings.edge_timeout_s)
    secret = settings.oidc_client_secret.get_secret_value() if settings.oidc_client_secret else None
    app.state.idp = signin.oauth_client(settings.discovery_url, settings.oidc_client_id, secret)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(signin.router)
    for router in AREA_ROUTERS:
        app.include_router(router)
    install_error_pages(app)

    store = _LateStore(MemoryStore())
    app.add_middleware(CatchAll)
    app.add_middleware(ReaderLanguage, timezone=settings.timezone)
    app.add_middleware(SessionMiddleware, store=store, ttl_s=settings.session_ttl_s, secure=settings.secure_cookies)
    app.add_middleware(GZipMiddleware, minimum_size=800)
    idp = urlsplit(settings.oidc_issuer or "")
    app.add_middleware(SecurityHeaders, hsts=settings.secure_cookies,
                       idp_origin=f"{idp.scheme}://{idp.netloc}" if idp.netloc else "")
    return app


async def _purge_hourly(store: PostgresStore) -> None:
    """Expired sessions leave the database (at start, then every hour); a failed purge waits for the next."""
    while True:
        try:
            await store.purge()
        except (OSError, asyncpg.PostgresError):
            log.warning("could not purge expired sessions; trying again in an hour")
        await asyncio.sleep(3600)


class _LateStore:
    """The session store, switched to PostgreSQL once the lifespan has opened the pool."""

    def __init__(self, target: MemoryStore | PostgresStore) -> None:
        self.target = target

    async def load(self, token: str) -> dict | None:
        return await self.target.load(token)

    async def save(self, token: str, data: dict, ttl_s: int) -> None:
        await self.target.save(token, data, ttl_s)

    async def delete(self, token: str) -> None:
        await self.target.delete(token)


def install_error_pages(app: FastAPI) -> None:
    """Every failure is a page in the reader's language saying what to do; never a stack trace."""

    @app.exception_handler(SignInRequired)
    async def sign_in_first(request: Request, exc: SignInRequired) -> Response:
        here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        if exc.role in {"staff", "partner", "kiosk"} and request.app.state.idp is not None:
            return redirect(f"/sign-in/staff?next={quote(here, safe='')}")
        return redirect(f"/sign-in?next={quote(here, safe='')}")

    @app.exception_handler(CsrfRefused)
    async def csrf_refused(request: Request, _exc: CsrfRefused) -> Response:
        return render(request, "common/error.html", status=403, reason="form_expired")

    @app.exception_handler(EdgeDown)
    async def edge_down(request: Request, exc: EdgeDown) -> Response:
        log.warning("edge unavailable: %s %s", exc.status, exc.body.get("title"))
        return render(request, "common/error.html", status=503, reason="unavailable")

    @app.exception_handler(EdgeProblem)
    async def edge_refused(request: Request, exc: EdgeProblem) -> Response:
        if exc.status == 401 and request.session.get("auth"):
            request.session.pop("auth", None)
            request.session["_rotate"] = True
            return redirect(f"/sign-in?next={quote(request.url.path, safe='')}&expired=1")
        reason = {401: "signed_out", 403: "forbidden", 404: "not_found", 409: "conflict"}.get(exc.status, "failed")
        return render(request, "common/error.html", status=exc.status if exc.status < 500 else 502, reason=reason)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        reason = {404: "not_found", 405: "not_found"}.get(exc.status_code, "failed")
        return render(request, "common/error.html", status=exc.status_code, reason=reason)
