"""Pages for anyone, signed in or not: the calendar of upcoming sessions, a session's page, the referral directory."""

import datetime as dt
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import Response

from .. import i18n
from ..catalog import UPCOMING, programs_by_id, session_view
from ..edge import EdgeProblem
from ..edge_api.api.directory import get_directory_needs, get_directory_services
from ..edge_api.api.sessions import get_sessions, get_sessions_session_id
from ..edge_api.types import UNSET
from ..pages import area_router, render
from ..signin import EdgeAsReader

router = area_router("public")
PAGE = 100
KINDS = {"digital_literacy_workshop": i18n.lazy("Workshop"), "job_skills_training": i18n.lazy("Training"),
         "outreach_visit": i18n.lazy("Outreach visit"), "mentorship": i18n.lazy("Mentorship"),
         "class": i18n.lazy("Class")}
AUDIENCES = {"ages_0_5": i18n.lazy("Ages 0–5"), "ages_6_11": i18n.lazy("Ages 6–11"), "ages_12_18": i18n.lazy("Teens"),
             "adults": i18n.lazy("Adults"), "general_interest": i18n.lazy("Everyone")}


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


@router.get("/", name="calendar")
async def calendar(request: Request, edge: EdgeAsReader) -> Response:
    query = request.query_params
    kind, language, place, audience = (query.get(k, "") for k in ("kind", "language", "place", "audience"))
    day = _day(query.get("date"))
    errors = {"date": i18n.gettext("Enter a date like 2026-12-31.")} if query.get("date") and day is None else {}
    zone = ZoneInfo(i18n.current_timezone.get())  # a day is the reader's day, not UTC's
    starts = dt.datetime.combine(day, dt.time(), zone) if day else dt.datetime.now(dt.UTC)
    page = await edge.call(get_sessions, from_=starts, limit=200,
                           to=starts + dt.timedelta(days=1) if day else UNSET,
                           language=language or UNSET, cursor=query.get("cursor") or UNSET)
    programs = await programs_by_id(request, edge, {str(s.program_id) for s in page.items})
    sessions = []
    for session in page.items:
        if str(session.status) not in UPCOMING:
            continue
        program = programs.get(str(session.program_id))
        if kind and (program is None or program.kind != kind):
            continue
        if audience and (program is None or str(program.age_group) != audience):
            continue
        if place and session.place.name != place:
            continue
        sessions.append(session_view(session, program))
    places = sorted({s.place.name for s in page.items})
    languages = sorted({tag for p in programs.values() for tag in p.languages} | {"en", "es", "vi", "zh-Hans", "ru"})
    return render(request, "public/calendar.html", sessions=sessions[:PAGE], next_cursor=page.next_cursor,
                  kinds=KINDS, audiences=AUDIENCES, places=places, languages=languages, errors=errors,
                  chosen={"kind": kind, "language": language, "place": place, "audience": audience,
                          "date": query.get("date", "")})


@router.get("/sessions/{session_id}", name="session_page")
async def session_page(request: Request, session_id: UUID, edge: EdgeAsReader) -> Response:
    session = await edge.call(get_sessions_session_id, session_id=session_id)
    programs = await programs_by_id(request, edge, {str(session.program_id)})
    view = session_view(session, programs.get(str(session.program_id)))
    program = view["program"]
    descriptions = program.descriptions.additional_properties if program and program.descriptions else {}
    view["description"] = i18n.localized(descriptions, program.fallback_language if program else None)
    view["description_lang"] = i18n.localized_lang(descriptions, program.fallback_language if program else None)
    return render(request, "public/session.html", session=view)


@router.get("/directory", name="directory")
async def directory(request: Request, edge: EdgeAsReader) -> Response:
    query = request.query_params
    need, language, postal_code = query.get("need", ""), query.get("language", ""), query.get("postal_code", "")
    needs = await edge.call(get_directory_needs)
    hits: list[Any] = []
    errors: dict[str, str] = {}
    searched = bool(need or language or postal_code)
    if searched:
        try:
            found = await edge.call(get_directory_services, need=[need] if need else UNSET,
                                    language=language or UNSET, postal_code=postal_code or UNSET, limit=50)
            hits = list(found.items)
        except EdgeProblem as problem:
            if problem.status != 422:
                raise
            errors = {field: i18n.gettext("Check this field.") for field in problem.fields or ["postal_code"]}
            if "postal_code" in errors:
                errors["postal_code"] = i18n.gettext("Enter a 5-digit ZIP code.")
    return render(request, "public/directory.html", needs=needs, hits=hits, searched=searched, errors=errors,
                  chosen={"need": need, "language": language, "postal_code": postal_code},
                  languages=list(i18n.LANGUAGES))
