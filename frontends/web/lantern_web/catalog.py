"""Programs and sessions as pages show them: titles in the reader's language, seats, status (shared by the areas)."""

import time
from typing import Any

from starlette.requests import Request

from . import i18n
from .edge import Edge
from .edge_api.api.programs import get_programs
from .edge_api.types import UNSET

PROGRAMS_TTL_S = 60.0
UPCOMING = {"scheduled", "equipment_pending", "ready", "equipment_shortfall"}


async def programs_by_id(request: Request, edge: Edge, needed: set[str] | None = None) -> dict[str, Any]:
    """Every program, by id: public and slow to change, so kept for a minute (titles in every language); read
    afresh when a session names a program the copy does not have yet (one created since)."""
    cached = getattr(request.app.state, "programs_cache", None)
    if cached and cached[0] > time.monotonic() and not (needed or set()) - set(cached[1]):
        return dict(cached[1])
    found: dict[str, Any] = {}
    cursor: Any = UNSET
    for _page in range(20):
        page = await edge.call(get_programs, limit=200, cursor=cursor)
        found |= {str(p.id): p for p in page.items}
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    request.app.state.programs_cache = (time.monotonic() + PROGRAMS_TTL_S, found)
    return found


def session_view(session: Any, program: Any) -> dict[str, Any]:
    titles = program.titles.additional_properties if program else {}
    fallback = program.fallback_language if program else None
    return {
        "id": str(session.id), "title": i18n.localized(titles, fallback), "title_lang": i18n.localized_lang(titles, fallback),
        "kind": program.kind if program else "", "starts_at": session.starts_at, "ends_at": session.ends_at,
        "place": session.place.name, "address": session.place.address or "", "languages": session.languages,
        "seats_left": session.seats_left, "capacity": session.capacity, "status": str(session.status),
        "waitlisted": session.waitlisted or 0, "program": program, "open": str(session.status) in UPCOMING,
    }
