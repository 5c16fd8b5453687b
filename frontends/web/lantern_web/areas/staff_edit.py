"""Staff pages that change what exists: a program (titles, descriptions, languages) and a session (when, where,
seats, languages, equipment), each a form prefilled from the edge and saved with the edge's PATCH."""

from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response

from .. import i18n
from ..edge import EdgeProblem
from ..edge_api.api.programs import get_programs_program_id, patch_programs_program_id
from ..edge_api.api.sessions import get_sessions_session_id, patch_sessions_session_id
from ..edge_api.models.program_changes import ProgramChanges
from ..edge_api.models.session_changes import SessionChanges
from ..pages import redirect, render
from ..signin import EdgeAsReader
from ..catalog import programs_by_id
from .public import KINDS
from .staff import DEVICE_KINDS, TITLE_LANGUAGES, router
from .staff_sessions import SESSION_FIELDS, _form_page, _session_details



def _beside(named: list[str], known: set[str], default: str) -> dict[str, str]:
    """The edge's refusal beside the form fields it names (the edge's names mapped to the form's), else `default`."""
    fields = [name for name in named if name in known] or [default]
    return {name: i18n.gettext("Check this field: the library's system did not accept it.") for name in fields}


# ---- programs ----


def _program_edit_page(request: Request, program: Any, status: int = 200, **context: Any) -> Response:
    return render(request, "staff/program_edit.html", status=status, program=program, kinds=KINDS,
                  title_languages=TITLE_LANGUAGES, **context)


def _descriptions(program: Any) -> dict[str, str]:
    return dict(program.descriptions.additional_properties) if program.descriptions else {}


@router.get("/staff/programs/{program_id}/edit", name="staff_program_edit")
async def edit_program(request: Request, program_id: UUID, edge: EdgeAsReader) -> Response:
    program = await edge.call(get_programs_program_id, program_id=program_id)
    titles = program.titles.additional_properties
    chosen = {"languages": list(program.languages), **{f"title_{tag}": titles.get(tag, "") for tag in TITLE_LANGUAGES},
              **{f"description_{tag}": text for tag, text in _descriptions(program).items()}}
    return _program_edit_page(request, program, chosen=chosen, with_descriptions=bool(_descriptions(program)))


@router.post("/staff/programs/{program_id}", name="staff_program_update")
async def update_program(request: Request, program_id: UUID, edge: EdgeAsReader) -> Response:
    program = await edge.call(get_programs_program_id, program_id=program_id)
    form = await request.form()
    with_descriptions = bool(_descriptions(program))
    titles = {tag: str(form.get(f"title_{tag}", "")).strip() for tag in TITLE_LANGUAGES}
    titles = {tag: text for tag, text in titles.items() if text}
    descriptions = {tag: str(form.get(f"description_{tag}", "")).strip() for tag in TITLE_LANGUAGES}
    descriptions = {tag: text for tag, text in descriptions.items() if text}
    languages = [str(v) for v in form.getlist("languages") if str(v) in TITLE_LANGUAGES]
    chosen = {"languages": languages, **{f"title_{tag}": text for tag, text in titles.items()},
              **{f"description_{tag}": text for tag, text in descriptions.items()}}
    errors: dict[str, str] = {}
    if "en" not in titles:
        errors["title_en"] = i18n.gettext("Enter the title in English.")
    if not languages:
        errors["languages"] = i18n.gettext("Choose at least one language.")
    if errors:
        return _program_edit_page(request, program, 422, chosen=chosen, errors=errors,
                                  with_descriptions=with_descriptions)
    changes: dict[str, Any] = {"titles": titles, "languages": languages}
    if with_descriptions:
        changes["descriptions"] = descriptions
    try:
        await edge.call(patch_programs_program_id, program_id=program_id, body=ProgramChanges.from_dict(changes))
    except EdgeProblem as problem:
        if problem.status not in (400, 422):
            raise
        known = {f"{field}_{t}" for t in TITLE_LANGUAGES for field in ("title", "description")} | {"languages"}
        named = [f"title_{name.rsplit('.', 1)[-1]}" if name.startswith("titles") else name for name in problem.fields]
        return _program_edit_page(request, program, 422, chosen=chosen, with_descriptions=with_descriptions,
                                  errors=_beside(named, known, "title_en"))
    request.app.state.programs_cache = None
    return redirect("/staff/programs")


# ---- sessions ----


def _session_chosen(session: Any) -> dict[str, Any]:
    try:
        zone = ZoneInfo(str(session.timezone))
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    starts, ends = session.starts_at.astimezone(zone), session.ends_at.astimezone(zone)
    needed = session.devices_needed.additional_properties if session.devices_needed else {}
    return {"program_id": str(session.program_id), "date": starts.date().isoformat(),
            "starts": starts.strftime("%H:%M"), "ends": ends.strftime("%H:%M"), "timezone": str(session.timezone),
            "place": session.place.name, "capacity": str(session.capacity), "languages": list(session.languages),
            **{f"devices_{kind}": str(needed.get(kind, "")) for kind in DEVICE_KINDS}}


async def _session_edit_page(request: Request, edge: Any, session: Any, status: int = 200,
                             **context: Any) -> Response:
    return _form_page(request, await programs_by_id(request, edge), status, editing=session, **context)


@router.get("/staff/sessions/{session_id}/edit", name="staff_session_edit")
async def edit_session(request: Request, session_id: UUID, edge: EdgeAsReader) -> Response:
    session = await edge.call(get_sessions_session_id, session_id=session_id)
    return await _session_edit_page(request, edge, session, chosen=_session_chosen(session))


@router.post("/staff/sessions/{session_id}", name="staff_session_update")
async def update_session(request: Request, session_id: UUID, edge: EdgeAsReader) -> Response:
    session = await edge.call(get_sessions_session_id, session_id=session_id)
    posted = await request.form()
    form = FormData([(k, v) for k, v in posted.multi_items() if k != "program_id"]
                    + [("program_id", str(session.program_id))])
    chosen, errors, details = _session_details(form)
    if details is None:
        return await _session_edit_page(request, edge, session, 422, chosen=chosen, errors=errors)
    changes = {k: v for k, v in details.to_dict().items() if k != "program_id"}
    changes["place"] = {**session.place.to_dict(), "name": chosen["place"]}  # keep its kind and address
    try:
        await edge.call(patch_sessions_session_id, session_id=session_id, body=SessionChanges.from_dict(changes))
    except EdgeProblem as problem:
        if problem.status not in (400, 409, 422):
            raise
        if problem.reason == "capacity_below_confirmed":
            confirmed = int(problem.body.get("confirmed") or session.confirmed or 0)
            errors = {"capacity": i18n.ngettext(
                "%(num)s seat is already taken: enter %(num)s or more.",
                "%(num)s seats are already taken: enter %(num)s or more.", confirmed) % {"num": confirmed}}
        else:
            names = {"starts_at": "date", "ends_at": "ends", "devices_needed": "devices_laptop"}
            errors = _beside([names.get(name, name) for name in problem.fields], SESSION_FIELDS, "capacity")
        return await _session_edit_page(request, edge, session, 422, chosen=chosen, errors=errors)
    return redirect(f"/staff/sessions/{session_id}")
