"""Sign-in routes answered by the edge itself: patrons with card + PIN, token refresh, sign-out, the edge's JWKS.

Staff and partner contacts sign in at the library's identity provider (the web app runs that flow); these routes
need no bearer token.
"""

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from lantern_shared.models import RequestModel
from lantern_shared.problems import Problem, problem_response

from . import patron_signin
from .patron_signin import CatalogueUnreachable, EnrolmentFailed, LockedOut, PatronSignIn, WrongCredentials

router = APIRouter(prefix="/api/v1/auth", tags=["sign-in"])

_WRONG = "The card number or PIN is not right."


def _problems(**described: str) -> dict:
    """Documented problem answers (the public document's Problem schema), e.g. _problems(s401="Wrong card")."""
    return {int(status[1:]): {"description": text, "content": {
        "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
        for status, text in described.items()}


_INVALID = "Invalid request (each field named)"
_MALFORMED = "Malformed request (the body is not JSON)"


class CardSignIn(RequestModel):
    card_number: str = Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9\- ]+$",
                             json_schema_extra={"writeOnly": True})
    pin: str = Field(min_length=1, max_length=64, pattern=r"^[^|\r\n]+$", json_schema_extra={"writeOnly": True})


class RefreshRequest(RequestModel):
    refresh_token: str = Field(min_length=16, max_length=200)


class PatronTokens(BaseModel):
    access_token: str
    token_type: str = "Bearer"
    expires_in: int
    refresh_token: str
    patron_id: str
    enrolled: bool = False


def _deps(request: Request) -> PatronSignIn:
    return request.app.state.patron_signin


def _problem(exc: Exception) -> Problem:
    if isinstance(exc, WrongCredentials):
        return Problem(401, "Unauthorized", _WRONG, type="urn:lantern:problem:wrong_card_or_pin",
                       reason="wrong_card_or_pin")
    if isinstance(exc, LockedOut):
        problem = Problem(429, "Too many attempts", "Too many wrong PINs: try again later, or ask the library.",
                          type="urn:lantern:problem:signin_locked", reason="signin_locked",
                          retry_after_s=exc.retry_after_s)
        return problem
    if isinstance(exc, CatalogueUnreachable):
        return Problem(503, "Service unavailable", "The library's catalogue cannot be reached; please try again soon.",
                       type="urn:lantern:problem:catalogue_unreachable", reason="catalogue_unreachable")
    return Problem(502, "Bad gateway", "You are signed in at the library, but Lantern could not enrol you; "
                   "please try again.", type="urn:lantern:problem:enrolment_failed", reason="enrolment_failed")


def _tokens(session: patron_signin.Session) -> PatronTokens:
    return PatronTokens(access_token=session.access_token, expires_in=session.expires_in,
                        refresh_token=session.refresh_token, patron_id=str(session.patron_id),
                        enrolled=session.enrolled)


@router.post("/patron/sign-in", summary="A patron signs in with library card number and PIN", response_model=PatronTokens,
             responses=_problems(s401="Wrong card number or PIN (the same answer for an unknown card)",
                                 s403="Card blocked or expired (reason card_blocked / card_expired)",
                                 s409="The library has no email or phone for this card (contact_point_needed)",
                                 s400=_MALFORMED, s422=_INVALID, s429="Locked for a while after wrong PINs (Retry-After)",
                                 s502="Signed in at the library, but enrolment in Lantern failed",
                                 s503="The library's catalogue cannot be reached"))
async def patron_sign_in(body: CardSignIn, request: Request) -> PatronTokens | Response:
    address = request.client.host if request.client else "unknown"
    try:
        return _tokens(await patron_signin.sign_in(_deps(request), body.card_number, body.pin, address))
    except (WrongCredentials, LockedOut, CatalogueUnreachable, EnrolmentFailed) as exc:
        response = problem_response(_problem(exc), request)
        if isinstance(exc, LockedOut):
            response.headers["Retry-After"] = str(exc.retry_after_s)
        return response


@router.post("/patron/refresh", summary="A new patron access token for a refresh token (which is then spent)",
             response_model=PatronTokens,
             responses=_problems(s400=_MALFORMED, s401="The refresh token is expired, spent or signed out",
                                 s422=_INVALID))
async def patron_refresh(body: RefreshRequest, request: Request) -> PatronTokens:
    try:
        return _tokens(await patron_signin.refresh(_deps(request), body.refresh_token))
    except WrongCredentials:
        raise Problem(401, "Unauthorized", "The refresh token is not valid (expired, spent or signed out).",
                      type="urn:lantern:problem:unauthorized") from None


@router.post("/patron/sign-out", status_code=204, summary="Sign out: the refresh token is revoked",
             responses=_problems(s400=_MALFORMED, s422=_INVALID))
async def patron_sign_out(body: RefreshRequest, request: Request) -> Response:
    await patron_signin.sign_out(_deps(request), body.refresh_token)
    return Response(status_code=204)


@router.get("/jwks.json", summary="The keys patron tokens are signed with (JWKS)")
async def jwks(request: Request) -> dict:
    return _deps(request).keys.jwks()
