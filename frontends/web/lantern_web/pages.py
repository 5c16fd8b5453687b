"""What every page shares: the Jinja environment, `render`, CSRF, the signed-in reader, field errors.

An area's module (areas/public.py, areas/patron.py, …) makes its router with `area_router("patron")`, renders its
templates from templates/<area>/ and marks its messages with `_` from i18n. See frontends/web/README.md.
"""

import secrets
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Depends
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse

from . import i18n

TEMPLATES = Path(__file__).parent / "templates"
AREAS = ("public", "patron", "staff", "partner", "kiosk")


class SignInRequired(Exception):
    """The page needs a signed-in reader of another role: off to the sign-in page, then back."""

    def __init__(self, role: str) -> None:
        super().__init__(role)
        self.role = role


class CsrfRefused(Exception):
    pass


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                      extensions=["jinja2.ext.i18n"], trim_blocks=True, lstrip_blocks=True)
    env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)  # type: ignore[attr-defined]  # added by the i18n extension
    env.globals |= {
        "format_datetime": i18n.format_datetime, "format_date": i18n.format_date, "format_time": i18n.format_time,
        "format_number": i18n.format_number, "language_name": i18n.language_name, "localized": i18n.localized,
        "localized_lang": i18n.localized_lang, "LANGUAGES": i18n.LANGUAGES,
    }
    return env


def reader(request: Request) -> dict[str, Any]:
    """Who is signed in: {"role": "patron"|"staff"|"admin"|"partner", "name": …} or {} for anyone."""
    auth = request.scope.get("session", {}).get("auth") or {}
    return {k: v for k, v in auth.items() if k in {"role", "name", "patron_id", "partner_id", "kind"}}


def csrf_token(request: Request) -> str:
    session = request.scope.setdefault("session", {})
    token = session.get("csrf")
    if not token:
        token = session["csrf"] = secrets.token_urlsafe(24)
    return str(token)


async def check_csrf(request: Request) -> None:
    """Every form POST carries the session's token (SameSite=Lax already keeps other sites' forms out)."""
    if request.method in {"GET", "HEAD", "OPTIONS"}:
        return
    form = await request.form()
    sent = form.get("csrf_token")
    expected = request.session.get("csrf")
    if not expected or not isinstance(sent, str) or not secrets.compare_digest(sent, str(expected)):
        raise CsrfRefused()


def area_router(area: str, *, role: str | None = None) -> APIRouter:
    """The router of one area: its routes carry the area's tag (the axe test signs in for it) and check CSRF."""
    dependencies = [Depends(check_csrf)]
    if role is not None:
        dependencies.append(Depends(requires(role)))
    return APIRouter(tags=[area], dependencies=dependencies, include_in_schema=False)


ROLE_ADMITS = {"patron": {"patron"}, "staff": {"staff", "admin"}, "partner": {"partner"},
               "kiosk": {"staff", "admin"}}


def requires(role: str) -> Callable[[Request], Awaitable[None]]:
    async def signed_in(request: Request) -> None:
        if reader(request).get("role") not in ROLE_ADMITS[role]:
            raise SignInRequired(role)

    return signed_in


def safe_next(target: str | None, default: str = "/") -> str:
    """Only a path on this site (never `//elsewhere` or `https://elsewhere`) to go back to after signing in."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target or urlsplit(target).netloc:
        return default
    return target


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    env: Environment = request.app.state.templates
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    page = env.get_template(template).render(
        request=request, lang=i18n.current_language.get(), me=reader(request), csrf_token=csrf_token(request),
        here=here, here_quoted=quote(here, safe=""), errors=context.pop("errors", {}),
        flash=request.scope.get("session", {}).pop("flash", None), **context)
    return HTMLResponse(page, status_code=status, headers={"Cache-Control": "no-store"} if reader(request) else None)


def flash(request: Request, text: str, kind: str = "success") -> None:
    """A one-time notice on the next page (already in the reader's language)."""
    request.session["flash"] = {"text": text, "kind": kind}


def redirect(path: str) -> RedirectResponse:
    return RedirectResponse(path, status_code=303)
