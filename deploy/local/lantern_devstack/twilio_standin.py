"""A stand-in for Twilio's Messages API on loopback, for the local stack and the tests.

It answers POST /2010-04-01/Accounts/{AccountSid}/Messages.json as Twilio does (form-encoded To, From or
MessagingServiceSid, Body, StatusCallback; HTTP basic auth with the account SID and auth token; 201 with the message
resource, or 400 with Twilio's error code), keeps each message, and calls the webhooks back the way Twilio does:
status callbacks (queued → sent → delivered, or undelivered) to each message's StatusCallback, and texts "from a
phone" to the configured inbound URL, each signed with X-Twilio-Signature (base64 HMAC-SHA1 of the full URL and the
sorted POST parameters, keyed with the auth token). The signature code here is written from Twilio's documentation,
independently of the service's, so a test of one against the other means something.

Numbers that make it misbehave, as Twilio's test credentials do: a number ending in 000 is refused (400, 21211
invalid 'To'); one ending in 0003 is accepted and then reported undelivered (30003 unreachable handset).

Privacy: messages are kept under their SID (files in --state-dir hold a hash of the number, never the number),
and the log names SIDs and statuses only.

    python -m lantern_devstack.twilio_standin --port 18090 --account-sid AC... --auth-token ... \
        --inbound-url http://127.0.0.1:8000/api/v1/sms/inbound [--state-dir .state/dev/sms]

Control routes (not Twilio's): GET /_standin/messages?to=+1... lists messages to a number; POST /_standin/inbound
(JSON {"from", "body"}) sends a text to the library and answers with its TwiML reply; POST
/_standin/messages/{sid}/status (JSON {"status", "error_code"}) sends a status callback.
"""

import argparse
import asyncio
import base64
import binascii
import hashlib
import hmac
import json
import logging
import re
import secrets
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

log = logging.getLogger("twilio-standin")

_E164 = re.compile(r"^\+[1-9]\d{6,14}$")


def twilio_signature(url: str, params: list[tuple[str, str]], auth_token: str) -> str:
    """https://www.twilio.com/docs/usage/webhooks/webhooks-security: the URL, then each parameter name+value in
    name order, HMAC-SHA1 with the auth token, base64."""
    data = url
    for name, value in sorted(params):
        data += name + value
    return base64.b64encode(hmac.new(auth_token.encode("utf-8"), data.encode("utf-8"), hashlib.sha1).digest()).decode()


def number_hash(number: str) -> str:
    return hashlib.sha256(number.encode()).hexdigest()[:16]


@dataclass
class Message:
    sid: str
    to: str
    sender: str  # From, or the Messaging Service SID
    body: str
    status_callback: str | None
    status: str = "queued"
    error_code: int | None = None
    created: str = field(default_factory=lambda: datetime.now(UTC).isoformat())
    statuses: list[str] = field(default_factory=lambda: ["queued"])


class TwilioStandIn:
    def __init__(self, *, account_sid: str, auth_token: str, inbound_url: str | None = None,
                 state_dir: Path | None = None, callbacks: httpx.AsyncClient | None = None,
                 rewrite: tuple[str, str] | None = None, auto_status: bool = True,
                 status_delay_s: float = 0.05) -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.inbound_url = inbound_url
        self.state_dir = state_dir
        # Where webhooks really go: a test may hand in a client for an app it runs in-process, and `rewrite` maps the
        # public prefix Twilio signs (the library's address) to the one it can reach.
        self.callbacks = callbacks or httpx.AsyncClient(timeout=10)
        self.rewrite = rewrite
        self.auto_status = auto_status
        self.status_delay_s = status_delay_s
        self.messages: list[Message] = []
        self.callback_answers: list[int] = []  # HTTP status of each webhook call, in order
        self._tasks: set[asyncio.Task] = set()
        self.app = Starlette(routes=[
            Route("/2010-04-01/Accounts/{account_sid}/Messages.json", self._create, methods=["POST"]),
            Route("/_standin/messages", self._list, methods=["GET"]),
            Route("/_standin/inbound", self._inbound_route, methods=["POST"]),
            Route("/_standin/messages/{sid}/status", self._status_route, methods=["POST"]),
        ])

    # ---- Twilio's API ----------------------------------------------------------------------------------------
    def _authorised(self, request: Request) -> bool:
        header = request.headers.get("authorization", "")
        if not header.startswith("Basic "):
            return False
        try:
            user, _, password = base64.b64decode(header[6:]).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return False
        return hmac.compare_digest(user, self.account_sid) and hmac.compare_digest(password, self.auth_token)

    async def _create(self, request: Request) -> Response:
        if not self._authorised(request) or request.path_params["account_sid"] != self.account_sid:
            return _error(401, 20003, "Authenticate")
        form = dict(parse_qsl((await request.body()).decode(), keep_blank_values=True))
        to, body = form.get("To", ""), form.get("Body", "")
        sender = form.get("MessagingServiceSid") or form.get("From")
        if not sender:
            return _error(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required.")
        if not body:
            return _error(400, 21602, "Message body is required.")
        if not _E164.match(to) or to.endswith("000"):
            return _error(400, 21211, "The 'To' number is not a valid phone number.")
        message = Message(sid="SM" + secrets.token_hex(16), to=to, sender=sender, body=body,
                          status_callback=form.get("StatusCallback"))
        self.messages.append(message)
        self._save(message)
        log.info("message %s queued (to %s)", message.sid, number_hash(to))
        if self.auto_status and message.status_callback:
            outcome = ("undelivered", 30003) if to.endswith("0003") else ("delivered", None)
            self._spawn(self._progress(message, *outcome))
        return JSONResponse(self._resource(message), status_code=201)

    def _resource(self, m: Message) -> dict:
        return {"sid": m.sid, "account_sid": self.account_sid, "to": m.to, "from": m.sender, "body": m.body,
                "status": m.status, "num_segments": "1", "direction": "outbound-api", "error_code": m.error_code,
                "date_created": m.created, "uri": f"/2010-04-01/Accounts/{self.account_sid}/Messages/{m.sid}.json"}

    async def _progress(self, message: Message, final: str, error_code: int | None) -> None:
        for status, code in (("sent", None), (final, error_code)):
            await asyncio.sleep(self.status_delay_s)
            await self.report(message.sid, status, code)

    # ---- webhooks, signed as Twilio signs them -----------------------------------------------------------------
    async def _call(self, url: str, params: list[tuple[str, str]]) -> httpx.Response:
        target = url
        if self.rewrite and url.startswith(self.rewrite[0]):
            target = self.rewrite[1] + url[len(self.rewrite[0]):]
        headers = {"X-Twilio-Signature": twilio_signature(url, params, self.auth_token),
                   "content-type": "application/x-www-form-urlencoded"}
        answer = await self.callbacks.post(target, content=urlencode(params), headers=headers)
        self.callback_answers.append(answer.status_code)
        return answer

    async def report(self, sid: str, status: str, error_code: int | None = None) -> httpx.Response | None:
        """A status callback for message `sid`, as Twilio sends it."""
        message = next(m for m in self.messages if m.sid == sid)
        message.status, message.error_code = status, error_code
        message.statuses.append(status)
        self._save(message)
        log.info("message %s %s%s", sid, status, f" ({error_code})" if error_code else "")
        if not message.status_callback:
            return None
        params = [("AccountSid", self.account_sid), ("MessageSid", sid), ("SmsSid", sid), ("MessageStatus", status),
                  ("SmsStatus", status), ("To", message.to), ("From", message.sender), ("ApiVersion", "2010-04-01")]
        if error_code:
            params.append(("ErrorCode", str(error_code)))
        return await self._call(message.status_callback, params)

    async def text_from(self, number: str, body: str, *, to: str = "+12065550000") -> httpx.Response:
        """A person texting the library's number; answers with the library's reply (TwiML)."""
        if not self.inbound_url:
            raise RuntimeError("no inbound URL configured")
        sid = "SM" + secrets.token_hex(16)
        params = [("AccountSid", self.account_sid), ("MessageSid", sid), ("SmsMessageSid", sid), ("From", number),
                  ("To", to), ("Body", body), ("NumMedia", "0"), ("NumSegments", "1"), ("ApiVersion", "2010-04-01")]
        log.info("inbound %s (from %s)", sid, number_hash(number))
        return await self._call(self.inbound_url, params)

    def to(self, number: str) -> list[Message]:
        return [m for m in self.messages if m.to == number]

    # ---- control routes ----------------------------------------------------------------------------------------
    async def _list(self, request: Request) -> Response:
        found = self.to(request.query_params["to"]) if "to" in request.query_params else self.messages
        return JSONResponse([asdict(m) for m in found])

    async def _inbound_route(self, request: Request) -> Response:
        asked = await request.json()
        answer = await self.text_from(asked["from"], asked["body"])
        return JSONResponse({"status": answer.status_code, "content_type": answer.headers.get("content-type"),
                             "body": answer.text})

    async def _status_route(self, request: Request) -> Response:
        asked = await request.json()
        answer = await self.report(request.path_params["sid"], asked["status"], asked.get("error_code"))
        return JSONResponse({"status": answer.status_code if answer is not None else None})

    # ---- keeping ---------------------------------------------------------------------------------------------
    def _save(self, message: Message) -> None:
        if self.state_dir is None:
            return
        self.state_dir.mkdir(parents=True, exist_ok=True)
        kept = asdict(message) | {"to": number_hash(message.to)}
        (self.state_dir / f"{message.sid}.json").write_text(json.dumps(kept, ensure_ascii=False, indent=2))

    def _spawn(self, coroutine) -> None:
        task = asyncio.create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await self.callbacks.aclose()


def _error(status: int, code: int, message: str) -> JSONResponse:
    return JSONResponse({"code": code, "message": message, "more_info": f"https://www.twilio.com/docs/errors/{code}",
                         "status": status}, status_code=status)


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--account-sid", required=True)
    parser.add_argument("--auth-token", required=True)
    parser.add_argument("--inbound-url")
    parser.add_argument("--state-dir", type=Path)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    standin = TwilioStandIn(account_sid=args.account_sid, auth_token=args.auth_token, inbound_url=args.inbound_url,
                            state_dir=args.state_dir)
    uvicorn.run(standin.app, host=args.host, port=args.port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
