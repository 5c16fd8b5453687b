"""Staff messages under /staff/messages: distribution lists of partner organizations, broadcasts to a list composed
in several languages (each contact reads the one they prefer, else the fallback), and the delivery log with retry."""

from typing import Annotated
from uuid import UUID

from fastapi import Form
from starlette.requests import Request
from starlette.responses import Response

from .. import i18n
from ..edge import EdgeProblem
from ..edge_api.api.deliveries import get_deliveries, post_deliveries_delivery_id_retry
from ..edge_api.api.distribution_lists import get_distribution_lists, get_distribution_lists_list_id
from ..edge_api.api.distribution_lists import post_distribution_lists, post_distribution_lists_list_id_broadcasts
from ..edge_api.api.distribution_lists import put_distribution_lists_list_id_members_partner_id as add_member
from ..edge_api.api.partners import get_partners
from ..edge_api.models import BroadcastMessage, NewList
from ..i18n import _
from ..pages import flash, redirect, render
from ..signin import EdgeAsReader
from .staff import router

STATUSES = {"scheduled": i18n.lazy("Scheduled"), "sending": i18n.lazy("Sending"), "sent": i18n.lazy("Sent"),
            "failed": i18n.lazy("Failed"), "suppressed": i18n.lazy("Not sent (the person's choice)"),
            "cancelled": i18n.lazy("Cancelled")}


@router.get("/staff/messages", name="staff_messages")
async def lists(request: Request, edge: EdgeAsReader) -> Response:
    found = await edge.call(get_distribution_lists, limit=100)
    return render(request, "messages/lists.html", lists=found.items, errors=request.session.pop("list_errors", {}))


@router.post("/staff/messages/lists")
async def create_list(request: Request, edge: EdgeAsReader, name: Annotated[str, Form()] = "",
                      description: Annotated[str, Form()] = "") -> Response:
    if not name.strip() or len(name) > 200:
        request.session["list_errors"] = {"name": _("Give the list a name (up to 200 characters).")}
        return redirect("/staff/messages")
    made = await edge.call(post_distribution_lists, body=NewList(name=name.strip(), description=description.strip()))
    return redirect(f"/staff/messages/lists/{made.id}")


async def _list_page(request: Request, edge: EdgeAsReader, list_id: UUID, status: int = 200,
                     errors: dict[str, str] | None = None, sent: dict[str, str] | None = None) -> Response:
    found = await edge.call(get_distribution_lists_list_id, list_id=list_id)
    partners = await edge.call(get_partners, limit=200)
    members = {str(m.partner_id) for m in found.members}
    return render(request, "messages/list.html", status=status, found=found, errors=errors or {}, sent=sent or {},
                  candidates=[p for p in partners.items if str(p.id) not in members])


@router.get("/staff/messages/lists/{list_id}", name="staff_list")
async def show_list(request: Request, list_id: UUID, edge: EdgeAsReader) -> Response:
    return await _list_page(request, edge, list_id)


@router.post("/staff/messages/lists/{list_id}/members")
async def add_to_list(request: Request, list_id: UUID, edge: EdgeAsReader,
                      partner_id: Annotated[str, Form()] = "") -> Response:
    try:
        await edge.call(add_member, list_id=list_id, partner_id=UUID(partner_id))
    except ValueError:
        return await _list_page(request, edge, list_id, 422, {"partner_id": _("Choose an organization.")})
    flash(request, _("The organization is on the list."))
    return redirect(f"/staff/messages/lists/{list_id}")


@router.post("/staff/messages/lists/{list_id}/broadcasts")
async def broadcast(request: Request, list_id: UUID, edge: EdgeAsReader) -> Response:
    form = await request.form()
    sent = {k: str(v) for k, v in form.items() if k != "csrf_token"}
    subject, body, errors = {}, {}, {}
    for language in i18n.LANGUAGES:
        title, text = sent.get(f"subject-{language}", "").strip(), sent.get(f"body-{language}", "").strip()
        if bool(title) != bool(text):
            errors[f"body-{language}" if title else f"subject-{language}"] = _("Give both a subject and a message in this language, or neither.")
        elif title:
            subject[language], body[language] = title, text
    fallback = sent.get("fallback_language", "")
    if not subject and not errors:
        errors["subject-en"] = _("Write the message in at least one language.")
    elif fallback not in subject and not errors:
        errors["fallback_language"] = _("Choose a language you wrote the message in.")
    if errors:
        return await _list_page(request, edge, list_id, 422, errors, sent)
    try:
        receipt = await edge.call(post_distribution_lists_list_id_broadcasts, list_id=list_id, body=BroadcastMessage.from_dict(
            {"subject": subject, "body": body, "fallback_language": fallback, "category": "broadcast"}))
    except EdgeProblem as problem:
        if problem.status != 422:
            raise
        return await _list_page(request, edge, list_id, 422, {"subject-en": _("The message could not be sent as written.")}, sent)
    flash(request, i18n.ngettext("Sent to %(num)s contact.", "Sent to %(num)s contacts.", len(receipt.contact_ids))
          % {"num": len(receipt.contact_ids)})
    return redirect(f"/staff/messages/lists/{list_id}")


@router.get("/staff/messages/deliveries", name="staff_deliveries")
async def deliveries(request: Request, edge: EdgeAsReader) -> Response:
    status = request.query_params.get("status", "")
    log = await edge.call(get_deliveries, limit=100, **({"status": status} if status in STATUSES else {}))
    return render(request, "messages/deliveries.html", deliveries=log.items, chosen=status, statuses=STATUSES)


@router.post("/staff/messages/deliveries/{delivery_id}/retry")
async def retry(request: Request, delivery_id: UUID, edge: EdgeAsReader) -> Response:
    await edge.call(post_deliveries_delivery_id_retry, delivery_id=delivery_id)
    flash(request, _("The message will be sent again."))
    return redirect("/staff/messages/deliveries?status=failed")
