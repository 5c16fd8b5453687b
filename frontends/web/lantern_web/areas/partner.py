"""The partner portal under /partner: a partner contact's own organization — its loans, agreements, the referrals
it received (recording their outcome) and its directory record. The edge confines every call to that organization."""

from typing import Annotated
from uuid import UUID

from fastapi import Form
from starlette.requests import Request
from starlette.responses import Response

from .. import i18n
from ..edge import EdgeProblem
from ..edge_api.api.me import get_me_agreements, get_me_loans, get_me_referrals
from ..edge_api.api.partners import get_partners_partner_id
from ..edge_api.api.referrals import post_referrals_referral_id_outcome as record_outcome
from ..edge_api.models import OutcomeRequest
from ..i18n import _
from ..pages import area_router, flash, redirect, render
from ..signin import EdgeAsReader

router = area_router("partner", role="partner")
DEVICE_KINDS = {"laptop": i18n.lazy("Laptop"), "chromebook": i18n.lazy("Chromebook"), "tablet": i18n.lazy("Tablet"),
                "hotspot": i18n.lazy("Wi-Fi hotspot"), "training_kit": i18n.lazy("Training kit")}
OUTCOMES = {"pending": i18n.lazy("Waiting for your reply"), "contacted": i18n.lazy("Contacted"),
            "served": i18n.lazy("Served"), "declined": i18n.lazy("Declined")}
STATUSES = {"prospect": i18n.lazy("Prospective partner"), "active": i18n.lazy("Active partner"),
            "lapsed": i18n.lazy("Lapsed partnership")}
AGREEMENT_KINDS = {"expertise": i18n.lazy("Expertise"), "in_kind": i18n.lazy("In-kind support"),
                   "programming": i18n.lazy("Programming"), "workspace": i18n.lazy("Workspace"),
                   "device_loans": i18n.lazy("Device loans"),
                   "mobile_training": i18n.lazy("Mobile training"), "joint_grant": i18n.lazy("Joint grant")}


def _partner_id(request: Request) -> str:
    return str(request.session["auth"].get("partner_id") or "")


@router.get("/partner", name="partner_home")
async def our_organization(request: Request, edge: EdgeAsReader) -> Response:
    organization = None
    try:
        organization = await edge.call(get_partners_partner_id, partner_id=UUID(_partner_id(request)))
    except (EdgeProblem, ValueError) as problem:  # ValueError: an account bound to no organization id
        if isinstance(problem, EdgeProblem) and problem.status not in {403, 404}:
            raise
    return render(request, "partner/organization.html", organization=organization, statuses=STATUSES)


@router.get("/partner/loans", name="partner_loans")
async def our_loans(request: Request, edge: EdgeAsReader) -> Response:
    loans = await edge.call(get_me_loans, limit=200)
    current = sorted((loan for loan in loans.items if not loan.returned_at), key=lambda loan: loan.due_at)
    returned = [loan for loan in loans.items if loan.returned_at]
    return render(request, "partner/loans.html", loans=current, returned=returned, kinds=DEVICE_KINDS)


@router.get("/partner/agreements", name="partner_agreements")
async def our_agreements(request: Request, edge: EdgeAsReader) -> Response:
    agreements = await edge.call(get_me_agreements, limit=200)
    return render(request, "partner/agreements.html", agreements=agreements.items, kinds=AGREEMENT_KINDS)


@router.get("/partner/referrals", name="partner_referrals")
async def our_referrals(request: Request, edge: EdgeAsReader) -> Response:
    referrals = await edge.call(get_me_referrals, limit=200)
    rows = sorted(referrals.items, key=lambda r: (str(r.outcome) != "pending", r.created_at), reverse=False)
    return render(request, "partner/referrals.html", referrals=rows, outcomes=OUTCOMES,
                  errors=request.session.pop("outcome_errors", {}))


@router.post("/partner/referrals/{referral_id}/outcome")
async def save_outcome(request: Request, referral_id: UUID, edge: EdgeAsReader,
                       outcome: Annotated[str, Form()] = "", note: Annotated[str, Form()] = "") -> Response:
    field = f"outcome-{referral_id}"
    if outcome not in {"contacted", "served", "declined"}:
        request.session["outcome_errors"] = {field: _("Choose what happened.")}
        return redirect(f"/partner/referrals#{field}")
    if len(note) > 2000:
        request.session["outcome_errors"] = {f"note-{referral_id}": _("Keep the note under 2,000 characters.")}
        return redirect(f"/partner/referrals#{field}")
    await edge.call(record_outcome, referral_id=referral_id,
                    body=OutcomeRequest(outcome=outcome, note=note.strip() or None))  # type: ignore[arg-type]  # checked against the three outcomes above
    flash(request, _("The outcome is recorded. Thank you."))
    return redirect("/partner/referrals")
