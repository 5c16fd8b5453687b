"""POST /sign-in-codes: the edge asks for a guest's one-time code to be emailed now (202), or hears it could not (503)."""

from fastapi import APIRouter, Response

from lantern_shared.problems import Problem

from ..deps import Needs
from ..domain.sign_in_codes import SignInCode
from ..handlers import sign_in_codes

router = APIRouter(tags=["sign-in codes"])


@router.post("/sign-in-codes", status_code=202, summary="Email a guest's one-time sign-in code at once")
async def send(code: SignInCode, deps: Needs) -> Response:
    if not await sign_in_codes.send(deps, code):
        raise Problem(503, "Service unavailable", "The mail server did not take the message; try again soon.",
                      type="urn:lantern:problem:not_sent", reason="not_sent")
    return Response(status_code=202)
