"""Sign-in routes answered by the edge itself: patrons with card + PIN, guests with an emailed one-time code, token
refresh, sign-out, the edge's JWKS.

Staff and partner contacts sign in at the library's identity provider (the web app runs that flow); these routes
need no bearer token (a signed-in guest may send theirs with a card to link it).
"""

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, EmailStr, Field

from lantern_shared.fields import LanguageTag
from lantern_shared.models import RequestModel
from lantern_shared.problems import Problem, problem_response

from . import guest_signin, patron_signin
from .auth import Role
from .guest_signin import CodeNotSent, WrongCode
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


class GuestCodeRequest(RequestModel):
    email: EmailStr
    language: LanguageTag = "en"  # the language the email is written in


class GuestSignIn(RequestModel):
    email: EmailStr
    code: str = Field(pattern=r"^[0-9]{6}$", json_schema_extra={"writeOnly": True})
    name: str | None = Field(default=None, min_length=1, max_length=200)  # how the library addresses a new guest
    preferred_language: LanguageTag = "en"


class GuestCodeSent(BaseModel):
    expires_in: int  # seconds the code works for, if one was sent


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
    if isinstance(exc, WrongCode):
        return Problem(401, "Unauthorized", "The email address or code is not right, or the code has expired.",
                       type="urn:lantern:problem:wrong_email_or_code", reason="wrong_email_or_code")
    if isinstance(exc, CodeNotSent):
        return Problem(503, "Service unavailable", "The code could not be sent just now; please try again soon.",
                       type="urn:lantern:problem:code_not_sent", reason="code_not_sent")
    if isinstance(exc, WrongCredentials):
        return Problem(401, "Unauthorized", _WRONG, type="urn:lantern:problem:wrong_card_or_pin",
                       reason="wrong_card_or_pin")
    if isinstance(exc, LockedOut):
        problem = Problem(429, "Too many attempts", "Too many wrong attempts: try again later, or ask the library.",
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
    """A guest already signed in (their patron token as the bearer) who signs in with a card links it to themselves."""
    signed_in_as = None
    if request.headers.get("authorization"):
        principal = request.app.state.authenticator.from_request(request)
        signed_in_as = principal.patron_id if principal.role is Role.PATRON else None
    try:
        return _tokens(await patron_signin.sign_in(_deps(request), body.card_number, body.pin, _address(request),
                                                   signed_in_as=signed_in_as))
    except (WrongCredentials, LockedOut, CatalogueUnreachable, EnrolmentFailed) as exc:
        return _refused(exc, request)


@router.post("/guest/code", status_code=202, response_model=GuestCodeSent,
             summary="A guest without a library card asks for a one-time sign-in code by email",
             responses=_problems(s400=_MALFORMED, s422=_INVALID,
                                 s503="The code could not be sent just now (code_not_sent)"))
async def guest_code(body: GuestCodeRequest, request: Request) -> GuestCodeSent | Response:
    """The same answer whether or not the address is known to Lantern (and while it is locked)."""
    try:
        await guest_signin.send_code(_deps(request), body.email, body.language, _address(request))
    except CodeNotSent as exc:
        return _refused(exc, request)
    return GuestCodeSent(expires_in=_deps(request).settings.guest_code_ttl_s)


@router.post("/guest/sign-in", summary="A guest signs in with the code emailed to them (once; it expires)",
             response_model=PatronTokens,
             responses=_problems(s401="Wrong or expired code (the same answer for an unknown address)",
                                 s400=_MALFORMED, s422=_INVALID, s429="Locked for a while after wrong codes (Retry-After)",
                                 s502="The code was right, but enrolment in Lantern failed"))
async def guest_sign_in(body: GuestSignIn, request: Request) -> PatronTokens | Response:
    try:
        return _tokens(await guest_signin.sign_in(_deps(request), body.email, body.code, _address(request),
                                                  name=body.name, language=body.preferred_language))
    except (WrongCredentials, LockedOut, EnrolmentFailed) as exc:
        return _refused(exc, request)


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _refused(exc: Exception, request: Request) -> Response:
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
