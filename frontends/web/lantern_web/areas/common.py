"""What every area shares: the language picker and the health checks."""

from urllib.parse import quote

import httpx
from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from .. import i18n
from ..pages import redirect, safe_next

router = APIRouter(tags=["common"], include_in_schema=False)


@router.get("/language/{language}", name="choose_language")
async def choose_language(request: Request, language: str) -> Response:
    """The language picker: a plain link per language (works without script); the choice is kept in the session."""
    target = safe_next(request.query_params.get("next"))
    if language in i18n.LANGUAGES:
        request.session["lang"] = language
        request.session["lang_chosen"] = True
    return redirect(target)


@router.get("/health/live")
async def live() -> Response:
    return JSONResponse({"status": "live"})


@router.get("/health/ready")
async def ready(request: Request) -> Response:
    edge = request.app.state.settings.edge_url
    try:
        async with httpx.AsyncClient(timeout=3) as http:
            answer = await http.get(f"{edge}/health/live")
        up = answer.status_code == 200
    except httpx.HTTPError:
        up = False
    return JSONResponse({"status": "ready" if up else "degraded", "checks": {"edge": up}}, status_code=200 if up else 503)


def language_link(language: str, here: str) -> str:
    return f"/language/{language}?next={quote(here, safe='')}"
