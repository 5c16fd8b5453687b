"""Twilio's webhooks, reached through the edge from the library's public address: POST /sms/inbound (a text to our
number; answered with TwiML) and POST /sms/status/{delivery_id} (a sent text's status). Form-encoded, signed."""

from urllib.parse import parse_qsl
from uuid import UUID
from xml.sax.saxutils import escape

from fastapi import APIRouter, Request, Response

from ..deps import Needs
from ..domain.sms_webhooks import SIGNATURE_HEADER
from ..handlers import sms_webhooks

router = APIRouter(tags=["sms"])

TWIML = "application/xml"


async def _form(request: Request) -> list[tuple[str, str]]:
    """Every parameter as sent, blanks included: the signature covers them all."""
    return parse_qsl((await request.body()).decode(), keep_blank_values=True)


@router.post("/sms/inbound", response_class=Response, responses={200: {"content": {TWIML: {}}}, 403: {}})
async def inbound(request: Request, deps: Needs) -> Response:
    """A text someone sent the library's number; STOP, START and HELP (in five languages) are confirmed."""
    answer = await sms_webhooks.inbound(deps, await _form(request), request.headers.get(SIGNATURE_HEADER))
    message = f"<Message>{escape(answer)}</Message>" if answer else ""
    return Response(f'<?xml version="1.0" encoding="UTF-8"?><Response>{message}</Response>', media_type=TWIML)


@router.post("/sms/status/{delivery_id}", status_code=204, response_class=Response, responses={403: {}})
async def status(delivery_id: UUID, request: Request, deps: Needs) -> Response:
    """The SMS provider's status of a text we sent (queued, sent, delivered, undelivered, failed)."""
    await sms_webhooks.status(deps, delivery_id, await _form(request), request.headers.get(SIGNATURE_HEADER))
    return Response(status_code=204)
