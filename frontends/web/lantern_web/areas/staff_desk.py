"""The lending desk (check out by asset tag, return with the kit checklist, confirm the wipe, renew), the inventory
and the holds queue. The desk works on one device at a time, found by the asset tag a person reads off its label."""

import asyncio
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response

from .. import i18n
from ..edge import Edge, EdgeProblem
from ..edge_api.api.devices import get_devices, post_devices_device_id_wipe
from ..edge_api.api.holds import get_holds
from ..edge_api.api.loans import get_loans, post_loans, post_loans_loan_id_renew, post_loans_loan_id_return
from ..edge_api.api.patrons import get_patrons
from ..edge_api.models.new_loan import NewLoan
from ..edge_api.models.return_ import Return
from ..edge_api.types import UNSET
from ..pages import redirect, render
from ..signin import EdgeAsReader
from .staff import DEVICE_KINDS, router

DEVICE_STATES = {"available": i18n.lazy("Available"), "on_loan": i18n.lazy("On loan"),
                 "reserved": i18n.lazy("Reserved for a session"), "quarantined": i18n.lazy("Waiting for its wipe"),
                 "in_maintenance": i18n.lazy("In maintenance"), "lost": i18n.lazy("Lost"),
                 "retired": i18n.lazy("Retired")}
DONE = {"checked_out": i18n.lazy("Checked out."), "returned": i18n.lazy("Returned. Wipe it before it is lent again."),
        "wiped": i18n.lazy("Wipe confirmed: it can be lent again."), "renewed": i18n.lazy("Renewed.")}
REFUSED = {"borrower_blocked": i18n.lazy("This patron cannot borrow right now."),
           "device_unavailable": i18n.lazy("This device cannot be lent right now."),
           "renewal_limit_reached": i18n.lazy("This loan cannot be renewed again.")}
REFUSED_OTHERWISE = i18n.lazy("The library's system refused this: %(reason)s")
CONDITIONS = {"good": i18n.lazy("Good"), "worn": i18n.lazy("Worn"), "damaged": i18n.lazy("Damaged")}


async def device_by_tag(edge: Edge, asset_tag: str) -> Any | None:
    found = await edge.call(get_devices, asset_tag=asset_tag, limit=1) if asset_tag else None
    return found.items[0] if found and found.items else None


def _desk(asset_tag: str, **more: str) -> Response:
    return redirect("/staff/desk?" + urlencode({"asset_tag": asset_tag, **more}))


@router.get("/staff/desk", name="staff_desk")
async def desk_page(request: Request, edge: EdgeAsReader) -> Response:
    return await desk(request, edge)


async def desk(request: Request, edge: Edge, status: int = 200, **context: Any) -> Response:
    asset_tag = (context.pop("asset_tag", None) or request.query_params.get("asset_tag", "")).strip()
    device = await device_by_tag(edge, asset_tag)
    loan = None
    if device is not None and str(device.state) == "on_loan":
        loans = await edge.call(get_loans, device_id=device.id, status="open", limit=1)
        loan = loans.items[0] if loans.items else None
    errors = context.pop("errors", {})
    if asset_tag and device is None and not errors:
        errors = {"asset_tag": i18n.gettext("No device has this asset tag.")}
    done = DONE.get(request.query_params.get("done", ""))
    return render(request, "staff/desk.html", status=status, asset_tag=asset_tag, device=device, loan=loan,
                  states=DEVICE_STATES, kinds=DEVICE_KINDS, conditions=CONDITIONS, errors=errors,
                  done=i18n.gettext(done) if done else "", **context)


def _refusal(problem: EdgeProblem) -> str:
    return i18n.gettext(REFUSED.get(problem.reason, REFUSED_OTHERWISE)) % {"reason": problem.reason}


@router.post("/staff/desk/checkout", name="staff_desk_checkout")
async def checkout(request: Request, edge: EdgeAsReader) -> Response:
    form = await request.form()
    asset_tag, card = str(form.get("asset_tag", "")).strip(), str(form.get("card_number", "")).strip()
    device, patrons = await asyncio.gather(device_by_tag(edge, asset_tag),
                                           edge.call(get_patrons, library_card_number=card, limit=1) if card else
                                           asyncio.sleep(0, None))
    if device is None or not patrons or not patrons.items:
        errors = {} if device else {"asset_tag": i18n.gettext("No device has this asset tag.")}
        if not patrons or not patrons.items:
            errors["card_number"] = i18n.gettext("No patron has this library card number.")
        return await desk(request, edge, 422, asset_tag=asset_tag, card_number=card, errors=errors)
    try:
        await edge.call(post_loans, body=NewLoan(borrower_id=patrons.items[0].id, device_id=device.id))
    except EdgeProblem as problem:
        if problem.status not in {409, 422}:
            raise
        return await desk(request, edge, 409, asset_tag=asset_tag, card_number=card,
                          errors={"card_number": _refusal(problem)})
    return _desk(asset_tag, done="checked_out")


@router.post("/staff/desk/return", name="staff_desk_return")
async def return_device(request: Request, edge: EdgeAsReader) -> Response:
    form = await request.form()
    asset_tag = str(form.get("asset_tag", "")).strip()
    device = await device_by_tag(edge, asset_tag)
    loans = await edge.call(get_loans, device_id=device.id, status="open", limit=1) if device else None
    if device is None or not loans or not loans.items:
        return _desk(asset_tag)
    present = {str(item) for item in form.getlist("present")}
    missing = [item.item for item in device.contents if item.item not in present]
    condition = str(form.get("condition", "good"))
    await edge.call(post_loans_loan_id_return, loan_id=loans.items[0].id, body=Return.from_dict(
        {"condition": condition if condition in CONDITIONS else "good", "missing_accessories": missing}))
    return _desk(asset_tag, done="returned", **({"missing": ", ".join(missing)} if missing else {}))


@router.post("/staff/desk/wipe", name="staff_desk_wipe")
async def confirm_wipe(request: Request, edge: EdgeAsReader) -> Response:
    asset_tag = str((await request.form()).get("asset_tag", "")).strip()
    device = await device_by_tag(edge, asset_tag)
    if device is not None:
        await edge.call(post_devices_device_id_wipe, device_id=device.id)
    return _desk(asset_tag, done="wiped")


@router.post("/staff/desk/renew", name="staff_desk_renew")
async def renew(request: Request, edge: EdgeAsReader) -> Response:
    asset_tag = str((await request.form()).get("asset_tag", "")).strip()
    device = await device_by_tag(edge, asset_tag)
    loans = await edge.call(get_loans, device_id=device.id, status="open", limit=1) if device else None
    if loans and loans.items:
        try:
            await edge.call(post_loans_loan_id_renew, loan_id=loans.items[0].id)
        except EdgeProblem as problem:
            if problem.status != 409:
                raise
            return await desk(request, edge, 409, asset_tag=asset_tag, refusal=_refusal(problem))
    return _desk(asset_tag, done="renewed")


@router.get("/staff/inventory", name="staff_inventory")
async def inventory(request: Request, edge: EdgeAsReader) -> Response:
    state, kind = request.query_params.get("state", ""), request.query_params.get("kind", "")
    devices = await edge.call(get_devices, state=state if state in DEVICE_STATES else UNSET,
                              kind=kind if kind in DEVICE_KINDS else UNSET, limit=200)
    return render(request, "staff/inventory.html", devices=devices.items, states=DEVICE_STATES, kinds=DEVICE_KINDS,
                  chosen={"state": state, "kind": kind})


@router.get("/staff/holds", name="staff_holds")
async def holds(request: Request, edge: EdgeAsReader) -> Response:
    waiting = await edge.call(get_holds, status="waiting", limit=200)
    return render(request, "staff/holds.html", holds=waiting.items, kinds=DEVICE_KINDS)
