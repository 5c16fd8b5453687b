"""The check-in kiosk: a session's page for a tablet at the door. Scan a library card or the check-in code from
My registrations (a scanner types it and presses Enter) or tap a name. Its script (static/kiosk/) queues scans in IndexedDB while the
network is down and sends them when it is back; each scan carries a nonce that becomes the Idempotency-Key, so a
scan sent twice is counted once."""

import re
from pathlib import Path
from uuid import UUID

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response

from .. import i18n
from ..edge import Edge, EdgeProblem
from ..edge_api.api.patrons import get_patrons
from ..edge_api.api.sessions import get_sessions_session_id, post_sessions_session_id_check_ins
from ..edge_api.models.check_in import CheckIn
from ..edge_api.types import UNSET
from ..pages import area_router, redirect, render
from ..signin import EdgeAsReader
from ..catalog import programs_by_id, session_view
from .staff_sessions import roster_rows

router = area_router("kiosk", role="kiosk")
worker = APIRouter(include_in_schema=False)
SERVICE_WORKER = Path(__file__).parent.parent / "static" / "kiosk" / "service-worker.js"
NONCE = re.compile(r"^[A-Za-z0-9_-]{8,100}$")
OUTCOMES = {"checked_in": i18n.lazy("Welcome, %(name)s! You are checked in."),
            "unknown": i18n.lazy("We could not find that card or code. Please ask a librarian."),
            "refused": i18n.lazy("Check-in is not open for this session. Please ask a librarian.")}


@worker.get("/kiosk/service-worker.js")
async def service_worker() -> Response:
    """Served under /kiosk/ so its scope covers the kiosk's pages (a worker controls only pages below its path)."""
    return FileResponse(SERVICE_WORKER, media_type="text/javascript", headers={"Cache-Control": "no-cache"})


@router.get("/kiosk/sessions/{session_id}", name="kiosk")
async def kiosk(request: Request, session_id: UUID, edge: EdgeAsReader) -> Response:
    session = await edge.call(get_sessions_session_id, session_id=session_id)
    programs = await programs_by_id(request, edge)
    rows = [row for row in await roster_rows(edge, session_id) if row["status"] == "confirmed"]
    shown = request.session.pop("kiosk_outcome", None) or {}
    outcome = OUTCOMES.get(shown.get("outcome", ""))
    message = i18n.gettext(outcome) % {"name": shown.get("name", "")} if outcome else ""
    return render(request, "kiosk/session.html", session=session, rows=rows, message=message,
                  view=session_view(session, programs.get(str(session.program_id))))


def first_name(name: str) -> str:
    """Only a first name on the kiosk's screen, which everyone in the queue can read."""
    return name.split()[0] if name.strip() else "—"


async def _patron_for(edge: Edge, session_id: UUID, code: str) -> tuple[UUID, str] | None:
    """A code is a library card number, or a patron's or a registration's id (the check-in code on My registrations)."""
    try:
        wanted = str(UUID(code.strip()))
    except ValueError:
        found = await edge.call(get_patrons, library_card_number=code.strip(), limit=1) if code.strip() else None
        return (found.items[0].id, str(found.items[0].name)) if found and found.items else None
    for row in await roster_rows(edge, session_id):
        if wanted in {row["patron_id"], row.get("registration_id")}:
            return UUID(row["patron_id"]), row["name"]
    return None


@router.post("/kiosk/sessions/{session_id}/check-ins", name="kiosk_check_in")
async def kiosk_check_in(request: Request, session_id: UUID, edge: EdgeAsReader) -> Response:
    form = await request.form()
    nonce = str(form.get("nonce", ""))
    found = await _patron_for(edge, session_id, str(form.get("code") or form.get("patron_id") or ""))
    outcome, name = "unknown", ""
    if found is not None:
        patron_id, name = found
        try:
            await edge.call(post_sessions_session_id_check_ins, session_id=session_id, body=CheckIn(patron_id=patron_id),
                            idempotency_key=f"kiosk-{nonce}" if NONCE.match(nonce) else UNSET)
            outcome = "checked_in"
        except EdgeProblem as problem:
            if problem.status not in {409, 422}:
                raise
            outcome = "refused"
    name = first_name(name)
    if "application/json" in request.headers.get("accept", ""):
        return JSONResponse({"outcome": outcome, "message": i18n.gettext(OUTCOMES[outcome]) % {"name": name}},
                            status_code=200)
    # kept in the session, not the address: a name has no place in URLs and access logs
    request.session["kiosk_outcome"] = {"outcome": outcome, "name": name if outcome == "checked_in" else ""}
    return redirect(f"/kiosk/sessions/{session_id}")
