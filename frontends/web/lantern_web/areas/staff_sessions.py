"""Staff pages for sessions: scheduling one (with the equipment it needs), its page, cancelling it, and its roster
with check-in, no-shows and walk-ins (htmx swaps one roster row; every form also works as a plain POST)."""

import asyncio
import datetime as dt
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from starlette.requests import Request
from starlette.responses import Response

from .. import i18n
from ..edge import Edge, EdgeProblem
from ..edge_api.api.patrons import get_patrons, get_patrons_patron_id
from ..edge_api.api.registrations import get_registrations, post_registrations_registration_id_cancellation
from ..edge_api.api.sessions import (
    get_sessions_session_id, get_sessions_session_id_attendance, post_sessions, post_sessions_session_id_cancellation,
    post_sessions_session_id_check_ins, post_sessions_session_id_registrations,
)
from ..edge_api.models.cancellation_request import CancellationRequest
from ..edge_api.models.check_in import CheckIn
from ..edge_api.models.registration_request import RegistrationRequest
from ..edge_api.models.session_cancellation import SessionCancellation
from ..edge_api.models.session_details import SessionDetails
from ..pages import redirect, render
from ..signin import EdgeAsReader
from ..catalog import programs_by_id, session_view
from .staff import DEVICE_KINDS, SESSION_STATUS, TITLE_LANGUAGES, problem_fields, router

SESSION_FIELDS = {"program_id", "date", "starts", "ends", "timezone", "place", "capacity", "languages",
                  *(f"devices_{kind}" for kind in DEVICE_KINDS)}


def _form_page(request: Request, programs: dict[str, Any], status: int = 200, **context: Any) -> Response:
    return render(request, "staff/session_new.html", status=status, programs=programs, device_kinds=DEVICE_KINDS,
                  title_languages=TITLE_LANGUAGES, **context)


@router.get("/staff/sessions/new", name="staff_session_new")
async def new_session(request: Request, edge: EdgeAsReader) -> Response:
    programs = await programs_by_id(request, edge)
    chosen = {"program_id": request.query_params.get("program_id", ""), "timezone": "America/Los_Angeles",
              "capacity": "12", "languages": ["en"]}
    return _form_page(request, programs, chosen=chosen)


def _moment(day: str, clock: str, zone: ZoneInfo) -> dt.datetime | None:
    try:
        return dt.datetime.combine(dt.date.fromisoformat(day), dt.time.fromisoformat(clock), zone)
    except ValueError:
        return None


def _session_details(form: Any) -> tuple[dict[str, Any], dict[str, str], SessionDetails | None]:
    chosen: dict[str, Any] = {name: str(form.get(name, "")).strip() for name in SESSION_FIELDS - {"languages"}}
    chosen["languages"] = [str(v) for v in form.getlist("languages")] or ["en"]
    errors: dict[str, str] = {}
    try:
        zone = ZoneInfo(chosen["timezone"] or "America/Los_Angeles")
    except (ZoneInfoNotFoundError, ValueError):
        zone, errors["timezone"] = ZoneInfo("UTC"), i18n.gettext("Enter a time zone like America/Los_Angeles.")
    starts, ends = _moment(chosen["date"], chosen["starts"], zone), _moment(chosen["date"], chosen["ends"], zone)
    if starts is None:
        errors["date"] = i18n.gettext("Enter a date and a start time.")
    if ends is None or (starts and ends <= starts):
        errors["ends"] = i18n.gettext("Enter an end time after the start.")
    if not chosen["program_id"]:
        errors["program_id"] = i18n.gettext("Choose a program.")
    if not chosen["place"]:
        errors["place"] = i18n.gettext("Enter where the session takes place.")
    if not chosen["capacity"].isdigit() or int(chosen["capacity"]) < 1:
        errors["capacity"] = i18n.gettext("Enter a number of seats, 1 or more.")
    needed: dict[str, int] = {}
    for kind in DEVICE_KINDS:
        count = chosen[f"devices_{kind}"]
        if count and (not count.isdigit() or int(count) > 500):
            errors[f"devices_{kind}"] = i18n.gettext("Enter a number from 0 to 500.")
        elif count and int(count) > 0:
            needed[kind] = int(count)
    if errors or starts is None or ends is None:
        return chosen, errors, None
    return chosen, {}, SessionDetails.from_dict({
        "program_id": chosen["program_id"], "starts_at": starts.isoformat(), "ends_at": ends.isoformat(),
        "timezone": chosen["timezone"] or "America/Los_Angeles", "place": {"kind": "branch", "name": chosen["place"]},
        "capacity": int(chosen["capacity"]), "languages": chosen["languages"], "devices_needed": needed})


@router.post("/staff/sessions", name="staff_session_create")
async def create_session(request: Request, edge: EdgeAsReader) -> Response:
    chosen, errors, details = _session_details(await request.form())
    if details is None:
        return _form_page(request, await programs_by_id(request, edge), 422, chosen=chosen, errors=errors)
    try:
        session = await edge.call(post_sessions, body=details)
    except EdgeProblem as problem:
        if problem.status != 422:
            raise
        return _form_page(request, await programs_by_id(request, edge), 422, chosen=chosen,
                          errors=problem_fields(problem, SESSION_FIELDS, "date"))
    return redirect(f"/staff/sessions/{session.id}")


@router.get("/staff/sessions/{session_id}", name="staff_session")
async def session_page(request: Request, session_id: UUID, edge: EdgeAsReader) -> Response:
    session = await edge.call(get_sessions_session_id, session_id=session_id)
    programs = await programs_by_id(request, edge)
    return render(request, "staff/session.html", session=session, view=session_view(session, programs.get(
        str(session.program_id))), statuses=SESSION_STATUS, device_kinds=DEVICE_KINDS,
        missing=session.devices_missing.additional_properties if session.devices_missing else {},
        needed=session.devices_needed.additional_properties if session.devices_needed else {})


@router.post("/staff/sessions/{session_id}/cancellation", name="staff_session_cancel")
async def cancel_session(request: Request, session_id: UUID, edge: EdgeAsReader) -> Response:
    reason = str((await request.form()).get("reason", "")).strip()
    if not reason:
        session = await edge.call(get_sessions_session_id, session_id=session_id)
        programs = await programs_by_id(request, edge)
        return render(request, "staff/session.html", status=422, session=session, statuses=SESSION_STATUS,
                      view=session_view(session, programs.get(str(session.program_id))), device_kinds=DEVICE_KINDS,
                      missing={}, needed={}, errors={"reason": i18n.gettext("Say why the session is cancelled.")})
    await edge.call(post_sessions_session_id_cancellation, session_id=session_id,
                    body=SessionCancellation(reason=reason[:300]))
    return redirect(f"/staff/sessions/{session_id}")


async def patron_names(edge: Edge, patron_ids: set[str]) -> dict[str, str]:
    """Names of the patrons on a roster (an erased or unknown patron shows as a dash)."""
    async def name(patron_id: str) -> tuple[str, str]:
        try:
            return patron_id, str((await edge.call(get_patrons_patron_id, patron_id=UUID(patron_id))).name)
        except EdgeProblem:
            return patron_id, "—"
    return dict(await asyncio.gather(*(name(p) for p in patron_ids)))


async def roster_rows(edge: Edge, session_id: UUID) -> list[dict[str, Any]]:
    registrations, attendance = await asyncio.gather(
        edge.call(get_registrations, session_id=session_id, limit=200),
        edge.call(get_sessions_session_id_attendance, session_id=session_id))
    present = {str(a.patron_id): a for a in attendance}
    people = [r for r in registrations.items if str(r.status) != "cancelled"]
    names = await patron_names(edge, {str(r.patron_id) for r in people} | set(present))
    rows = [{"patron_id": str(r.patron_id), "registration_id": str(r.id), "name": names[str(r.patron_id)], "status": str(r.status),
             "position": r.waitlist_position, "no_show": str(r.attendance) == "no_show",
             "checked_in": present.get(str(r.patron_id))} for r in people]
    registered = {row["patron_id"] for row in rows}
    rows += [{"patron_id": pid, "registration_id": None, "name": names[pid], "status": "walk_in", "position": None, "no_show": False,
              "checked_in": record} for pid, record in present.items() if pid not in registered]
    return sorted(rows, key=lambda row: (row["status"] == "waitlisted", row["name"].casefold()))


async def _roster(request: Request, session_id: UUID, edge: Edge, status: int = 200, **context: Any) -> Response:
    session = await edge.call(get_sessions_session_id, session_id=session_id)
    programs = await programs_by_id(request, edge)
    rows = await roster_rows(edge, session_id)
    return render(request, "staff/roster.html", status=status, session=session, rows=rows,
                  view=session_view(session, programs.get(str(session.program_id))),
                  checked_in=sum(1 for row in rows if row["checked_in"]), **context)


@router.get("/staff/sessions/{session_id}/roster", name="staff_roster")
async def roster(request: Request, session_id: UUID, edge: EdgeAsReader) -> Response:
    return await _roster(request, session_id, edge)


@router.post("/staff/sessions/{session_id}/check-ins", name="staff_check_in")
async def check_in(request: Request, session_id: UUID, edge: EdgeAsReader) -> Response:
    patron_id = str((await request.form()).get("patron_id", ""))
    try:
        await edge.call(post_sessions_session_id_check_ins, session_id=session_id,
                        body=CheckIn(patron_id=UUID(patron_id)))
    except (EdgeProblem, ValueError) as refused:
        reason = refused.reason if isinstance(refused, EdgeProblem) else "no_such_patron"
        return await _roster(request, session_id, edge, 409, refusal=reason)
    if request.headers.get("HX-Request"):
        row = next(r for r in await roster_rows(edge, session_id) if r["patron_id"] == patron_id)
        return render(request, "staff/roster_row.html", row=row, session_id=str(session_id))
    return redirect(f"/staff/sessions/{session_id}/roster")


@router.post("/staff/sessions/{session_id}/walk-ins", name="staff_walk_in")
async def walk_in(request: Request, session_id: UUID, edge: EdgeAsReader) -> Response:
    card = str((await request.form()).get("card_number", "")).strip()
    found = await edge.call(get_patrons, library_card_number=card, limit=1) if card else None
    if not found or not found.items:
        return await _roster(request, session_id, edge, 422, card_number=card,
                             errors={"card_number": i18n.gettext("No patron has this library card number.")})
    patron_id = found.items[0].id
    try:
        await edge.call(post_sessions_session_id_registrations, session_id=session_id,
                        body=RegistrationRequest(patron_id=patron_id))
    except EdgeProblem as problem:
        if problem.status != 409:  # already registered: a walk-in who had booked is simply checked in
            raise
    await edge.call(post_sessions_session_id_check_ins, session_id=session_id, body=CheckIn(patron_id=patron_id))
    return redirect(f"/staff/sessions/{session_id}/roster")


@router.post("/staff/sessions/{session_id}/registrations/{registration_id}/cancellation",
             name="staff_cancel_registration")
async def cancel_registration(session_id: UUID, registration_id: UUID,
                              edge: EdgeAsReader) -> Response:
    """Staff cancel a registration (the patron is told; the first on the waitlist is promoted)."""
    await edge.call(post_registrations_registration_id_cancellation, registration_id=registration_id,
                    body=CancellationRequest.from_dict({"by": "staff"}))
    return redirect(f"/staff/sessions/{session_id}/roster")
