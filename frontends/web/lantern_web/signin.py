"""Signing in and out: patrons by card + PIN or an emailed code (the edge's /api/v1/auth routes), staff and partner
contacts at the library's identity provider (authorization code flow with PKCE, server-side, through authlib)."""

import base64
import json
import time
from typing import Annotated, Any

import httpx
from authlib.integrations.starlette_client import OAuth, OAuthError
from fastapi import APIRouter, Depends, Form
from starlette.requests import Request
from starlette.responses import Response

from . import i18n
from .edge import Edge, EdgeDown, EdgeProblem
from .edge_api.api.me import get_me_preferences
from .edge_api.api.patrons import get_patrons_patron_id
from .edge_api.api.sign_in import (guest_code_api_v1_auth_guest_code_post as guest_code,
                                   guest_sign_in_api_v1_auth_guest_sign_in_post as guest_sign_in,
                                   patron_refresh_api_v1_auth_patron_refresh_post as patron_refresh,
                                   patron_sign_in_api_v1_auth_patron_sign_in_post as patron_sign_in,
                                   patron_sign_out_api_v1_auth_patron_sign_out_post as patron_sign_out)
from .edge_api.models import CardSignIn, GuestCodeRequest, GuestSignIn, RefreshRequest
from .i18n import _
from .pages import check_csrf, redirect, render, safe_next

router = APIRouter(tags=["public"], dependencies=[Depends(check_csrf)], include_in_schema=False)
REFRESH_MARGIN_S = 60
STAFF_HOME = {"staff": "/staff", "admin": "/staff", "partner": "/partner"}


def oauth_client(issuer_discovery: str | None, client_id: str, client_secret: str | None) -> Any:
    if not issuer_discovery:
        return None
    oauth = OAuth()
    oauth.register("idp", client_id=client_id, client_secret=client_secret, server_metadata_url=issuer_discovery,
                   client_kwargs={"scope": "openid profile", "code_challenge_method": "S256"})
    return oauth.idp


def _edge(request: Request, token: str | None = None) -> Edge:
    return Edge(request.app.state.edge, token)


async def fresh_edge(request: Request) -> Edge:
    """The edge as the signed-in reader, their access token refreshed first when it is about to expire."""
    auth = request.session.get("auth")
    if not auth:
        return _edge(request)
    if auth.get("expires_at", 0) - REFRESH_MARGIN_S < time.time():
        try:
            await _refresh(request, auth)
        except EdgeDown:
            raise
        except (EdgeProblem, OAuthError):
            request.session.pop("auth", None)
            request.session["_rotate"] = True
            return _edge(request)
    return _edge(request, request.session["auth"]["access_token"])


EdgeAsReader = Annotated[Edge, Depends(fresh_edge)]


async def _refresh(request: Request, auth: dict[str, Any]) -> None:
    if auth["kind"] == "oidc":
        token = await _idp_call(request, "token_endpoint", grant_type="refresh_token",
                                refresh_token=auth["refresh_token"])
        auth |= {"access_token": token["access_token"], "refresh_token": token.get("refresh_token", auth["refresh_token"]),
                 "expires_at": time.time() + int(token.get("expires_in", 300))}
    else:
        pair = await _edge(request).call(patron_refresh, body=RefreshRequest(refresh_token=auth["refresh_token"]))
        auth |= {"access_token": pair.access_token, "refresh_token": pair.refresh_token,
                 "expires_at": time.time() + pair.expires_in}
    request.session["auth"] = dict(auth)


async def _idp_call(request: Request, endpoint: str, **form: str) -> dict[str, Any]:
    """A back-channel call to the IdP with this app's client credentials (refresh, end the IdP's session)."""
    idp = request.app.state.idp
    metadata = await idp.load_server_metadata()
    async with httpx.AsyncClient(timeout=10) as http:
        answer = await http.post(metadata[endpoint], data=form, auth=(idp.client_id, idp.client_secret or ""))
    if answer.status_code >= 400:
        raise OAuthError(error=f"idp_{answer.status_code}")
    return dict(answer.json()) if answer.content else {}


def _claims(token: str) -> dict[str, Any]:
    """A token's claims, read (not verified: the edge verifies every call) to choose the navigation."""
    try:
        payload = token.split(".")[1]
        return dict(json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))))
    except (IndexError, ValueError):
        return {}


async def _signed_in_patron(request: Request, pair: Any) -> Response:
    auth = {"kind": "patron", "role": "patron", "access_token": pair.access_token, "refresh_token": pair.refresh_token,
            "expires_at": time.time() + pair.expires_in, "patron_id": pair.patron_id, "name": ""}
    edge = _edge(request, pair.access_token)
    patron = await edge.call(get_patrons_patron_id, patron_id=pair.patron_id)
    auth["name"] = patron.name
    if not request.session.get("lang_chosen"):
        preferred = i18n.match(str(patron.preferred_language or ""))
        if preferred:
            request.session["lang"] = preferred
    try:
        preferences = await edge.call(get_me_preferences)
        timezone = getattr(preferences, "timezone", None)
        if isinstance(timezone, str):
            request.session["tz"] = timezone
    except EdgeProblem:
        pass  # a patron with no preferences yet reads times in the library's zone
    request.session["auth"] = auth
    request.session["_rotate"] = True
    return redirect(safe_next(request.query_params.get("next"), "/my"))


MESSAGES = {
    "wrong_card_or_pin": i18n.lazy("That card number and PIN do not match. Check both and try again."),
    "signin_locked": i18n.lazy("Too many tries. Wait 15 minutes, then try again."),
    "card_blocked": i18n.lazy("This card is blocked. Please contact the library."),
    "card_expired": i18n.lazy("This card has expired. Please renew it at the library."),
    "contact_point_needed": i18n.lazy("The library has no email or phone for this card. Please add one at the library."),
    "catalogue_unreachable": i18n.lazy("The library catalogue is not answering. Try again in a few minutes."),
    "wrong_email_or_code": i18n.lazy("That code is wrong or has expired. Ask for a new code."),
}


def _sign_in_page(request: Request, status: int = 200, **context: Any) -> Response:
    return render(request, "common/sign_in.html", status=status, staff_sign_in=request.app.state.idp is not None,
                  next=safe_next(request.query_params.get("next"), ""), **context)


@router.get("/sign-in", name="sign_in")
async def sign_in_page(request: Request) -> Response:
    return _sign_in_page(request)


@router.post("/sign-in/card")
async def sign_in_with_card(request: Request, card_number: Annotated[str, Form()] = "",
                            pin: Annotated[str, Form()] = "") -> Response:
    errors = {}
    if not card_number.strip():
        errors["card_number"] = _("Enter your library card number.")
    if not pin.strip():
        errors["pin"] = _("Enter your PIN.")
    if errors:
        return _sign_in_page(request, 422, errors=errors, card_number=card_number)
    try:
        pair = await _edge(request).call(patron_sign_in, body=CardSignIn(card_number=card_number.strip(), pin=pin))
    except EdgeProblem as problem:
        if problem.reason not in MESSAGES:
            raise
        return _sign_in_page(request, problem.status, errors={"pin": i18n.gettext(MESSAGES[problem.reason])},
                             card_number=card_number)
    return await _signed_in_patron(request, pair)


@router.get("/sign-in/email", name="sign_in_email")
async def email_code_page(request: Request) -> Response:
    return render(request, "common/sign_in_email.html", step="email", email="")


@router.post("/sign-in/email/code")
async def send_email_code(request: Request, email: Annotated[str, Form()] = "") -> Response:
    try:
        await _edge(request).call(guest_code, body=GuestCodeRequest(email=email.strip(),
                                                                    language=i18n.current_language.get()))
    except EdgeProblem as problem:
        if problem.status != 422:
            raise
        return render(request, "common/sign_in_email.html", status=422, step="email", email=email,
                      errors={"email": _("Enter an email address like name@example.org.")})
    return render(request, "common/sign_in_email.html", step="code", email=email.strip())


@router.post("/sign-in/email")
async def sign_in_with_email_code(request: Request, email: Annotated[str, Form()] = "",
                                  code: Annotated[str, Form()] = "") -> Response:
    try:
        pair = await _edge(request).call(guest_sign_in, body=GuestSignIn(
            email=email.strip(), code=code.strip(), preferred_language=i18n.current_language.get()))
    except EdgeProblem as problem:
        if problem.status not in {401, 422, 429}:
            raise
        message = MESSAGES.get(problem.reason, MESSAGES["wrong_email_or_code"])
        return render(request, "common/sign_in_email.html", status=problem.status, step="code", email=email,
                      errors={"code": i18n.gettext(message)})
    return await _signed_in_patron(request, pair)


@router.get("/sign-in/staff", name="sign_in_staff")
async def sign_in_at_idp(request: Request) -> Response:
    idp = request.app.state.idp
    if idp is None:
        return _sign_in_page(request, 404)
    request.session["after_sign_in"] = safe_next(request.query_params.get("next"), "")
    redirect_uri = f"{request.app.state.settings.public_url.rstrip('/')}/auth/callback"
    return await idp.authorize_redirect(request, redirect_uri)


@router.get("/auth/callback")
async def idp_callback(request: Request) -> Response:
    idp = request.app.state.idp
    try:
        token = await idp.authorize_access_token(request)
    except OAuthError:
        return _sign_in_page(request, 400, idp_error=True)
    claims = _claims(token["access_token"])
    roles = set((claims.get("realm_access") or {}).get("roles") or [])
    role = next((r for r in ("admin", "staff", "partner") if r in roles), None)
    if role is None:
        return _sign_in_page(request, 403, idp_error=True)
    userinfo = token.get("userinfo") or {}
    request.session["auth"] = {
        "kind": "oidc", "role": role, "access_token": token["access_token"], "refresh_token": token.get("refresh_token"),
        "id_token": token.get("id_token"), "expires_at": time.time() + int(token.get("expires_in", 300)),
        "name": userinfo.get("name") or userinfo.get("preferred_username") or "", "partner_id": claims.get("partner_id")}
    request.session["_rotate"] = True
    return redirect(request.session.pop("after_sign_in", "") or STAFF_HOME[role])


@router.post("/sign-out", name="sign_out")
async def sign_out(request: Request) -> Response:
    auth = request.session.pop("auth", None) or {}
    request.session["_rotate"] = True
    try:
        if auth.get("kind") == "patron" and auth.get("refresh_token"):
            await _edge(request).call(patron_sign_out, body=RefreshRequest(refresh_token=auth["refresh_token"]))
        elif auth.get("kind") == "oidc" and auth.get("refresh_token") and request.app.state.idp is not None:
            await _idp_call(request, "end_session_endpoint", refresh_token=auth["refresh_token"])
    except (EdgeProblem, OAuthError, httpx.HTTPError):
        pass  # signed out here either way; the token left behind expires on its own
    return redirect("/?signed_out=1")
