"""The staff console: the dashboard and programs (sessions, rosters, the lending desk and partners are in staff_*.py).

Every staff module adds its pages to this module's `router`, so the whole console shares one role check and one tag.
"""

import asyncio
import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import Response

from .. import i18n
from ..edge import EdgeProblem
from ..edge_api.api.deliveries import get_deliveries
from ..edge_api.api.devices import get_devices
from ..edge_api.api.loans import get_loans
from ..edge_api.api.programs import post_programs
from ..edge_api.api.sessions import get_sessions
from ..edge_api.models.program_details import ProgramDetails
from ..pages import area_router, redirect, render
from ..signin import EdgeAsReader
from ..catalog import programs_by_id, session_view
from .public import KINDS

router = area_router("staff", role="staff")
DEVICE_KINDS = {"laptop": i18n.lazy("Laptops"), "chromebook": i18n.lazy("Chromebooks"), "tablet": i18n.lazy("Tablets"),
                "hotspot": i18n.lazy("Hotspots"), "training_kit": i18n.lazy("Training kits")}
SESSION_STATUS = {"scheduled": i18n.lazy("Scheduled"), "equipment_pending": i18n.lazy("Equipment being reserved"),
                  "ready": i18n.lazy("Equipment reserved"), "equipment_shortfall": i18n.lazy("Equipment short"),
                  "cancelled": i18n.lazy("Cancelled"), "completed": i18n.lazy("Completed")}
TITLE_LANGUAGES = ("en", "es", "vi", "zh-Hans", "ru")


def problem_fields(problem: EdgeProblem, known: set[str], default: str) -> dict[str, str]:
    """The edge's refusal, beside the fields it names (in the reader's language), else beside `default`."""
    named = [name for name in problem.fields if name in known] or [default]
    return {name: i18n.gettext("Check this field: the library's system did not accept it.") for name in named}


@router.get("/staff", name="staff_dashboard")
async def dashboard(request: Request, edge: EdgeAsReader) -> Response:
    now = dt.datetime.now(ZoneInfo(i18n.current_timezone.get()))  # "today" is the library's day, not UTC's
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    today, upcoming, overdue, quarantined, failed, programs = await asyncio.gather(
        edge.call(get_sessions, from_=midnight, to=midnight + dt.timedelta(days=1), limit=200),
        edge.call(get_sessions, from_=now, limit=200),
        edge.call(get_loans, status="overdue", limit=50),
        edge.call(get_devices, state="quarantined", limit=50),
        edge.call(get_deliveries, status="failed", limit=20),
        programs_by_id(request, edge))
    views = [session_view(s, programs.get(str(s.program_id))) for s in today.items if str(s.status) != "cancelled"]
    full = [session_view(s, programs.get(str(s.program_id))) for s in upcoming.items
            if str(s.status) != "cancelled" and (s.seats_left <= 0 or (s.waitlisted or 0) > 0)]
    return render(request, "staff/dashboard.html", today=views, full=full, overdue=overdue.items,
                  quarantined=quarantined.items, failed=failed.items, statuses=SESSION_STATUS)


@router.get("/staff/programs", name="staff_programs")
async def programs_page(request: Request, edge: EdgeAsReader) -> Response:
    programs = await programs_by_id(request, edge)
    return render(request, "staff/programs.html", programs=sorted(programs.values(), key=lambda p: p.created_at,
                                                                   reverse=True), kinds=KINDS)


def _program_form(request: Request, status: int = 200, **context: Any) -> Response:
    return render(request, "staff/program_new.html", status=status, kinds=KINDS, title_languages=TITLE_LANGUAGES,
                  **context)


@router.get("/staff/programs/new", name="staff_program_new")
async def new_program(request: Request) -> Response:
    return _program_form(request, chosen={"kind": "digital_literacy_workshop", "languages": ["en"]})


@router.post("/staff/programs", name="staff_program_create")
async def create_program(request: Request, edge: EdgeAsReader) -> Response:
    form = await request.form()
    titles = {tag: str(form.get(f"title_{tag}", "")).strip() for tag in TITLE_LANGUAGES}
    titles = {tag: text for tag, text in titles.items() if text}
    languages = [str(v) for v in form.getlist("languages") if str(v) in TITLE_LANGUAGES] or ["en"]
    kind = str(form.get("kind", ""))
    chosen = {"kind": kind, "languages": languages, "branch": str(form.get("branch", "")).strip(),
              **{f"title_{tag}": text for tag, text in titles.items()}}
    errors: dict[str, str] = {}
    if "en" not in titles:
        errors["title_en"] = i18n.gettext("Enter the title in English.")
    if kind not in KINDS:
        errors["kind"] = i18n.gettext("Choose a kind of program.")
    if not chosen["branch"]:
        errors["branch"] = i18n.gettext("Enter the branch that runs the program.")
    if errors:
        return _program_form(request, 422, chosen=chosen, errors=errors)
    details = ProgramDetails.from_dict({"kind": kind, "titles": titles, "fallback_language": "en",
                                        "languages": languages, "host": {"kind": "branch", "branch": chosen["branch"]}})
    try:
        program = await edge.call(post_programs, body=details)
    except EdgeProblem as problem:
        if problem.status != 422:
            raise
        known = {f"title_{t}" for t in TITLE_LANGUAGES} | {"kind", "branch"}
        return _program_form(request, 422, chosen=chosen, errors=problem_fields(problem, known, "title_en"))
    request.app.state.programs_cache = None
    return redirect(f"/staff/sessions/new?program_id={program.id}")
