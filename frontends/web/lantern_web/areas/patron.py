"""The patron's own pages under /my: registrations and waitlists, loans and holds, messages, preferences, the
feedback survey, their data and the deletion of their account. Every call is the patron's own, as themselves."""

import json
from typing import Annotated, Any
from uuid import UUID

from fastapi import Form
from starlette.requests import Request
from starlette.responses import Response

from .. import i18n
from ..catalog import programs_by_id, session_view
from ..edge import EdgeProblem
from ..edge_api.api.holds import post_holds
from ..edge_api.api.me import get_me_holds, get_me_inbox, get_me_loans, get_me_preferences, get_me_registrations
from ..edge_api.api.me import put_me_preferences
from ..edge_api.api.patrons import delete_patrons_patron_id, get_patrons_patron_id, patch_patrons_patron_id
from ..edge_api.api.registrations import post_registrations_registration_id_cancellation as cancel_registration
from ..edge_api.api.sessions import get_sessions_session_id, post_sessions_session_id_feedback
from ..edge_api.api.sessions import post_sessions_session_id_registrations as register_for_session
from ..edge_api.models import FeedbackForm, NewHold, PatronChanges, Preferences, QuietHours, RegistrationRequest
from ..i18n import _
from ..pages import area_router, flash, redirect, render
from ..qr import check_in_code
from ..signin import EdgeAsReader

router = area_router("patron", role="patron")
DEVICE_KINDS = {"laptop": i18n.lazy("Laptop"), "chromebook": i18n.lazy("Chromebook"), "tablet": i18n.lazy("Tablet"),
                "hotspot": i18n.lazy("Wi-Fi hotspot"), "training_kit": i18n.lazy("Training kit")}
CHANNELS = {"email": i18n.lazy("Email"), "sms": i18n.lazy("Text message"), "in_app": i18n.lazy("Messages on this site")}
SURVEY = {"knowledge": i18n.lazy("I learned something new"),
          "confidence": i18n.lazy("I feel more confident about what I learned"),
          "application": i18n.lazy("I intend to apply what I learned"),
          "awareness": i18n.lazy("I am more aware of what the library offers")}

SAVED = i18n.lazy("Your preferences are saved.")


def _patron_id(request: Request) -> str:
    return str(request.session["auth"]["patron_id"])


@router.get("/my", name="my_registrations")
async def my_registrations(request: Request, edge: EdgeAsReader) -> Response:
    page = await edge.call(get_me_registrations, limit=100)
    current = [(r, await edge.call(get_sessions_session_id, session_id=r.session_id))
               for r in page.items if str(r.status) != "cancelled"]
    programs = await programs_by_id(request, edge, {str(s.program_id) for _r, s in current})
    rows = [{"registration": r, "session": session_view(s, programs.get(str(s.program_id)))} for r, s in current]
    for row in rows:  # a seat to take: the code the kiosk at the door reads (a registration's id, as the roster has it)
        if str(row["registration"].status) == "confirmed" and row["session"]["open"]:
            row["code"] = check_in_code(str(row["registration"].id), _("Check-in code"))
    rows.sort(key=lambda row: row["session"]["starts_at"])
    return render(request, "patron/registrations.html", rows=rows)


@router.post("/my/registrations")
async def register(request: Request, edge: EdgeAsReader, session_id: Annotated[UUID, Form()]) -> Response:
    registration = await edge.call(register_for_session, session_id=session_id,
                                   body=RegistrationRequest(patron_id=UUID(_patron_id(request))))
    if str(registration.status) == "waitlisted":
        flash(request, _("You are on the waitlist, number %(position)s. We will tell you if a seat opens.")
              % {"position": registration.waitlist_position}, "info")
    else:
        flash(request, _("You are registered. See you there!"))
    return redirect("/my")


@router.post("/my/registrations/{registration_id}/cancel")
async def cancel(request: Request, registration_id: UUID, edge: EdgeAsReader) -> Response:
    await edge.call(cancel_registration, registration_id=registration_id)
    flash(request, _("Your registration is cancelled."))
    return redirect("/my")


@router.get("/my/loans", name="my_loans")
async def my_loans(request: Request, edge: EdgeAsReader) -> Response:
    loans = await edge.call(get_me_loans, limit=100)
    holds = await edge.call(get_me_holds, limit=100)
    return render(request, "patron/loans.html", loans=[loan for loan in loans.items if not loan.returned_at],
                  holds=[h for h in holds.items if str(h.status) in {"waiting", "ready"}], kinds=DEVICE_KINDS,
                  errors=request.session.pop("hold_errors", {}))


@router.post("/my/holds")
async def place_hold(request: Request, edge: EdgeAsReader, device_kind: Annotated[str, Form()] = "") -> Response:
    if device_kind not in DEVICE_KINDS:
        request.session["hold_errors"] = {"device_kind": _("Choose a kind of device.")}
        return redirect("/my/loans")
    try:
        await edge.call(post_holds, body=NewHold(borrower_id=UUID(_patron_id(request)), device_kind=device_kind))  # type: ignore[arg-type]  # checked against DEVICE_KINDS above
    except EdgeProblem as problem:
        if problem.status not in {409, 422}:
            raise
        request.session["hold_errors"] = {"device_kind": _("A hold cannot be placed now. Ask at the library.")}
        return redirect("/my/loans")
    flash(request, _("Your hold is placed. We will tell you when a device is ready."))
    return redirect("/my/loans")


@router.get("/my/messages", name="my_messages")
async def my_messages(request: Request, edge: EdgeAsReader) -> Response:
    inbox = await edge.call(get_me_inbox, limit=50)
    return render(request, "patron/messages.html", messages=sorted(inbox.items, key=lambda m: m.seq, reverse=True))


@router.get("/my/preferences", name="my_preferences")
async def my_preferences(request: Request, edge: EdgeAsReader) -> Response:
    patron = await edge.call(get_patrons_patron_id, patron_id=UUID(_patron_id(request)))
    preferences = await edge.call(get_me_preferences)
    return render(request, "patron/preferences.html", patron=patron, preferences=preferences, channels=CHANNELS)


@router.post("/my/preferences")
async def save_preferences(request: Request, edge: EdgeAsReader, language: Annotated[str, Form()] = "en",
                           channels: Annotated[list[str] | None, Form()] = None,
                           quiet_start: Annotated[str, Form()] = "", quiet_end: Annotated[str, Form()] = "") -> Response:
    chosen = [c for c in channels or [] if c in CHANNELS]
    errors = {}
    if not chosen:
        errors["channels"] = _("Choose at least one way to hear from us.")
    if bool(quiet_start) != bool(quiet_end):
        errors["quiet_start"] = _("Give both the start and the end of your quiet hours, or neither.")
    if errors or i18n.match(language) is None:
        patron = await edge.call(get_patrons_patron_id, patron_id=UUID(_patron_id(request)))
        preferences = await edge.call(get_me_preferences)
        return render(request, "patron/preferences.html", status=422, patron=patron, preferences=preferences,
                      channels=CHANNELS, errors=errors)
    await edge.call(patch_patrons_patron_id, patron_id=UUID(_patron_id(request)),
                    body=PatronChanges.from_dict({"preferred_language": language}))
    quiet = QuietHours(start=quiet_start, end=quiet_end) if quiet_start else None
    await edge.call(put_me_preferences, body=Preferences(channels=chosen, quiet_hours=quiet,  # type: ignore[arg-type]  # filtered to CHANNELS above
                                                         quiet_hours_enabled=quiet is not None))
    request.session["lang"] = i18n.match(language)
    request.session["lang_chosen"] = True
    flash(request, i18n.translations(str(i18n.match(language))).ugettext(SAVED))  # in the language just chosen
    return redirect("/my/preferences")


@router.get("/my/feedback/{session_id}", name="my_feedback")
async def feedback_form(request: Request, session_id: UUID, edge: EdgeAsReader) -> Response:
    session = await edge.call(get_sessions_session_id, session_id=session_id)
    programs = await programs_by_id(request, edge, {str(session.program_id)})
    return render(request, "patron/feedback.html", session=session_view(session, programs.get(str(session.program_id))),
                  questions=SURVEY)


@router.post("/my/feedback/{session_id}")
async def give_feedback(request: Request, session_id: UUID, edge: EdgeAsReader) -> Response:
    form = await request.form()
    answers: dict[str, Any] = {"patron_id": _patron_id(request)}
    errors = {}
    for question in SURVEY:
        value = str(form.get(question, ""))
        if value not in {"1", "2", "3", "4", "5"}:
            errors[question] = _("Choose an answer.")
        else:
            answers[question] = int(value)
    for text in ("liked_most", "could_be_better"):
        if str(form.get(text, "")).strip():
            answers[text] = str(form.get(text))[:2000]
    if not errors:
        try:
            await edge.call(post_sessions_session_id_feedback, session_id=session_id, body=FeedbackForm.from_dict(answers))
            flash(request, _("Thank you for your feedback."))
            return redirect("/my")
        except EdgeProblem as problem:
            if problem.status not in {409, 422}:
                raise
            errors["knowledge"] = _("Feedback can be given once, after a session you attended.")
    session = await edge.call(get_sessions_session_id, session_id=session_id)
    programs = await programs_by_id(request, edge, {str(session.program_id)})
    return render(request, "patron/feedback.html", status=422, questions=SURVEY, errors=errors, answers=form,
                  session=session_view(session, programs.get(str(session.program_id))))


@router.get("/my/data", name="my_data")
async def my_data(request: Request) -> Response:
    return render(request, "patron/data.html")


@router.get("/my/data.json", name="my_data_download")
async def download_my_data(request: Request, edge: EdgeAsReader) -> Response:
    """Everything Lantern holds about the patron that the edge shows them, as one JSON file."""
    patron_id = UUID(_patron_id(request))
    parts = {"patron": await edge.call(get_patrons_patron_id, patron_id=patron_id),
             "registrations": (await edge.call(get_me_registrations, limit=200)).items,
             "loans": (await edge.call(get_me_loans, limit=200)).items,
             "holds": (await edge.call(get_me_holds, limit=200)).items,
             "messages": (await edge.call(get_me_inbox, limit=200)).items,
             "preferences": await edge.call(get_me_preferences)}
    document = {k: [i.to_dict() for i in v] if isinstance(v, list) else v.to_dict() for k, v in parts.items()}
    return Response(json.dumps(document, indent=2, ensure_ascii=False, default=str), media_type="application/json",
                    headers={"Content-Disposition": 'attachment; filename="my-lantern-data.json"',
                             "Cache-Control": "no-store"})


@router.post("/my/erase")
async def erase_me(request: Request, edge: EdgeAsReader, confirm: Annotated[str, Form()] = "") -> Response:
    if confirm != "yes":
        return render(request, "patron/data.html", status=422,
                      errors={"confirm": _("Tick the box to confirm that you want your account deleted.")})
    await edge.call(delete_patrons_patron_id, patron_id=UUID(_patron_id(request)))
    request.session.pop("auth", None)
    request.session["_rotate"] = True
    flash(request, _("Your account and your personal data are deleted. Thank you for using the library's programs."))
    return redirect("/")
