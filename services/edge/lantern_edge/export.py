"""The right of access: GET /api/v1/patrons/{patron_id}/export gathers everything Lantern holds about a patron, from
every service and the edge itself, as one JSON document naming the service and table each part came from.

Unlike the summary, an export is all or nothing: a service that cannot answer makes it a 503 naming that service,
never a document that silently leaves something out.
"""

import asyncio
import datetime as dt
import uuid
from typing import Any

import asyncpg
from fastapi import APIRouter, Request

from lantern_shared.personal import export_patron
from lantern_shared.problems import Problem

from .policy import EDGE_ROUTES
from .privacy import PERSONAL_DATA
from .routes import authorize

EXPORT_PATH = "/patrons/{patron_id}/export"
SERVICES = ("registration", "devices", "partners", "notifications")
_RULE = next(r for r in EDGE_ROUTES if (r.method, r.path) == ("GET", EXPORT_PATH))


async def _replays_about(pool: asyncpg.Pool, patron_id: uuid.UUID) -> list[dict[str, Any]]:
    """The stored first responses that name the patron (the rows erasure deletes), their bodies as text."""
    async with pool.acquire() as conn:
        rows = await conn.fetch(
            """SELECT principal, key, method, path, status, created_at, body FROM idempotency_keys
               WHERE position(convert_to($1, 'UTF8') IN coalesce(body, ''::bytea)) > 0 OR principal = 'patron:' || $1""",
            str(patron_id),
        )
    return [{**dict(r), "created_at": r["created_at"].isoformat(),
             "body": bytes(r["body"]).decode(errors="replace") if r["body"] is not None else None} for r in rows]


def export_router() -> APIRouter:
    router = APIRouter(prefix="/api/v1")

    @router.get(EXPORT_PATH, summary=_RULE.summary)
    async def export(patron_id: uuid.UUID, request: Request) -> dict[str, Any]:
        principal = authorize(request.app, request, _RULE)
        if principal.bound_id is not None and principal.bound_id != str(patron_id):
            raise Problem(403, "Forbidden", "This belongs to another patron.", type="urn:lantern:problem:forbidden")
        upstreams = request.app.state.upstreams
        timeout = request.app.state.settings.summary_timeout_s * 4

        async def part(service: str) -> tuple[int, Any]:
            answer = await upstreams.request(service, "GET", f"/internal/v1/privacy/patrons/{patron_id}",
                                             timeout=timeout)
            return answer.status_code, answer.json() if answer.content else None

        results = await asyncio.gather(*(part(s) for s in SERVICES), return_exceptions=True)
        unavailable = [s for s, r in zip(SERVICES, results, strict=True)
                       if isinstance(r, BaseException) or r[0] != 200]
        if unavailable:
            raise Problem(503, "Export unavailable",
                          f"Not every service could answer ({', '.join(unavailable)}); try again shortly.",
                          type="urn:lantern:problem:export-incomplete")
        parts = [r[1] for r in results if not isinstance(r, BaseException)]
        own = await export_patron(request.app.state.pool, PERSONAL_DATA, patron_id)
        own["tables"]["idempotency_keys"] = await _replays_about(request.app.state.pool, patron_id)
        parts.append(own)
        if not any(rows for p in parts for rows in p["tables"].values()):
            raise Problem(404, "Not found", f"Lantern holds nothing about patron {patron_id}.")
        return {"patron_id": str(patron_id), "exported_at": dt.datetime.now(dt.UTC).isoformat(),
                "services": parts}

    return router
