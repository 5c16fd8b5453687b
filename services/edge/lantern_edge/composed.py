"""Routes the edge answers itself: who the caller is, and the patron summary that fans out to three services."""

import asyncio
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request

from lantern_shared.problems import Problem

from .policy import EDGE_ROUTES
from .routes import authorize

_RULES = {(r.method, r.path): r for r in EDGE_ROUTES}

# What a patron summary gathers, from whom. Each part is optional: a service that is down is named as missing.
SUMMARY_PARTS: dict[str, tuple[str, str]] = {
    "patron": ("registration", "/internal/v1/patrons/{patron_id}"),
    "registrations": ("registration", "/internal/v1/registrations?patron_id={patron_id}&limit=20"),
    "loans": ("devices", "/internal/v1/loans?borrower_id={patron_id}&limit=20"),
    "inbox": ("notifications", "/internal/v1/recipients/{patron_id}/inbox?limit=5"),
}


def composed_router() -> APIRouter:
    router = APIRouter(prefix="/api/v1")

    @router.get("/me", summary=_RULES[("GET", "/me")].summary)
    async def me(request: Request) -> dict[str, Any]:
        principal = authorize(request.app, request, _RULES[("GET", "/me")])
        return principal.model_dump(mode="json")

    @router.get("/patrons/{patron_id}/summary", summary=_RULES[("GET", "/patrons/{patron_id}/summary")].summary)
    async def summary(patron_id: str, request: Request) -> dict[str, Any]:
        rule = _RULES[("GET", "/patrons/{patron_id}/summary")]
        principal = authorize(request.app, request, rule)
        if principal.bound_id is not None and principal.bound_id != patron_id:
            raise Problem(403, "Forbidden", "This belongs to another patron.", type="urn:lantern:problem:forbidden")
        upstreams = request.app.state.upstreams
        timeout = request.app.state.settings.summary_timeout_s

        async def part(service: str, template: str) -> tuple[int, Any]:
            path, _, query = template.format(patron_id=quote(patron_id, safe="")).partition("?")
            params = [tuple(p.split("=", 1)) for p in query.split("&") if p]
            answer = await upstreams.request(service, "GET", path, query=params, timeout=timeout)
            return answer.status_code, answer.json() if answer.content else None

        names = list(SUMMARY_PARTS)
        results = await asyncio.gather(*(part(*SUMMARY_PARTS[n]) for n in names), return_exceptions=True)
        body: dict[str, Any] = {"patron_id": patron_id, "missing": []}
        for name, result in zip(names, results, strict=True):
            if isinstance(result, BaseException) or result[0] >= 500:
                body[name] = None
                body["missing"].append({"part": name, "service": SUMMARY_PARTS[name][0], "reason": "unavailable"})
            elif result[0] == 404 and name == "patron":
                raise Problem(404, "Not found", f"No patron {patron_id}.")
            elif result[0] >= 400:
                body[name] = None
                body["missing"].append({"part": name, "service": SUMMARY_PARTS[name][0], "reason": f"status {result[0]}"})
            else:
                body[name] = result[1]
        body["complete"] = not body["missing"]
        return body

    return router
