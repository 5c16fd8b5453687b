"""The notifications service in-process against the real broker and database, sending to a real SMTP server on loopback.

The SMTP server takes every message, except for addresses whose local part starts with `busy-` (it answers
451, try again later) or `gone-` (550, no such mailbox): that is how a test makes the server fail for its mail.
"""

import asyncio
import email
import socket
import uuid
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.policy import default as default_policy

import httpx
import pytest
import uvicorn
from aiosmtpd.controller import Controller

from lantern_devstack.twilio_standin import TwilioStandIn
from lantern_shared.envelope import new_event
from tests.integration.conftest import running_service
from tests.support import eventually, produce

CE_HEADERS = [("content-type", b"application/cloudevents+json")]
PATRONS = "lantern.registration.patrons"
REGISTRATIONS = "lantern.registration.registrations"
SESSIONS = "lantern.registration.sessions"
LOANS = "lantern.devices.loans"
DEVICES = "lantern.devices.devices"
PARTNERS = "lantern.partners.partners"
REFERRALS = "lantern.partners.referrals"
BROADCASTS = "lantern.partners.broadcasts"
DELIVERIES = "lantern.notifications.deliveries"
MAX_ATTEMPTS = 3
DISPATCH_POLL_S = 3600


class Mailbox:
    """An aiosmtpd handler keeping every accepted message, parsed, and the connection (client port) it came on.

    With `end_used_connections` set it answers the first MAIL on a connection that already carried a message with
    421 (closing), as a server does that ends connections left idle too long."""

    def __init__(self) -> None:
        self.received: list[tuple[list[str], EmailMessage]] = []
        self.connections: dict[str, tuple[str, int]] = {}  # Message-ID -> the client's (host, port)
        self.refused: list[str] = []
        self.end_used_connections = False
        self.ended = 0

    async def handle_MAIL(self, server, session, envelope, address, mail_options):  # noqa: N802
        if self.end_used_connections and getattr(session, "carried", False):
            self.ended += 1
            return "421 4.4.2 Idle too long, closing connection"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 - aiosmtpd's hook name
        local = address.split("@")[0]
        if local.startswith("busy-"):
            self.refused.append(address)
            return "451 4.3.2 Mailbox temporarily unavailable, try again later"
        if local.startswith("gone-"):
            self.refused.append(address)
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        message = email.message_from_bytes(envelope.content, policy=default_policy)
        self.received.append((list(envelope.rcpt_tos), message))
        self.connections[message["Message-ID"]] = session.peer
        session.carried = True
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for rcpts, m in self.received if address in rcpts]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SmtpServer:
    """The loopback SMTP server, which a test may restart (every open connection is closed)."""

    def __init__(self, handler: Mailbox) -> None:
        self.handler = handler
        self.port = free_port()
        self.controller = self._start()

    def _start(self) -> Controller:
        controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        controller.start()
        return controller

    def restart(self) -> None:
        self.controller.stop()
        self.controller = self._start()

    def stop(self) -> None:
        self.controller.stop()


@pytest.fixture(scope="package")
def smtp_server():
    server = SmtpServer(Mailbox())
    yield server
    server.stop()


@pytest.fixture(scope="package")
def mailbox(smtp_server):
    return smtp_server.handler, smtp_server.port


TWILIO_SID = "AC" + "0" * 31 + "1"
TWILIO_TOKEN = "twilio-auth-token-for-tests"
PUBLIC_SMS = "https://library.example.org/api/v1/sms"  # where Twilio believes the webhooks are: what it signs


@pytest.fixture(scope="package")
async def twilio():
    """The Twilio stand-in on a real loopback socket; its webhooks reach the in-process service (as the edge would
    forward them, with the internal credential), signed for the library's public address."""
    standin = TwilioStandIn(account_sid=TWILIO_SID, auth_token=TWILIO_TOKEN, inbound_url=f"{PUBLIC_SMS}/inbound",
                            rewrite=(PUBLIC_SMS, "http://notifications/internal/v1/sms"))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(standin.app, host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="off"))
    task = asyncio.create_task(server.serve())
    await eventually(lambda: _started(server), what="the Twilio stand-in to listen")
    yield standin, f"http://127.0.0.1:{port}"
    server.should_exit = True
    await task
    await standin.close()


async def _started(server) -> bool:
    return server.started


@pytest.fixture(scope="package")
async def notifications(stack, mailbox, twilio):
    """(app, client) of one notifications service for the folder, mailing the loopback SMTP server and texting
    through the Twilio stand-in."""
    _, port = mailbox
    standin, twilio_url = twilio
    async with running_service(
        # The poll is only the safety net: a due delivery wakes the dispatcher (NOTIFY), and every test here that
        # waits for a message (30 s at most) would time out if it had to wait for the next poll instead.
        stack, "notifications", smtp_host="127.0.0.1", smtp_port=port, dispatch_interval_s=DISPATCH_POLL_S,
        twilio_base_url=twilio_url, twilio_account_sid=TWILIO_SID, twilio_auth_token=TWILIO_TOKEN,
        sms_from="+12065550000", sms_webhook_base_url=PUBLIC_SMS, staff_email="outreach-staff@riverside.example",
        send_retry_initial_s=0.1, send_retry_max_s=0.3, max_attempts=MAX_ATTEMPTS, recipient_wait_s=10,
        library_name="Riverside Public Library", library_timezone="America/Los_Angeles",
        # A due-soon notice is sent the moment it is planned, as these tests expect; test_digests.py has it wait
        # for the rest of its burst (the `gathering` fixture).
        digest_gather_s=0,
    ) as (app, client):
        async def consuming() -> bool:
            return (await app.state.runtime.readiness())["kafka"]

        await eventually(consuming, timeout=60, what="the notifications consumers to join their groups")
        standin.callbacks = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), headers=dict(client.headers))
        yield app, client


@pytest.fixture
def app(notifications):
    return notifications[0]


@pytest.fixture
def client(notifications):
    return notifications[1]


@pytest.fixture
def inbox(mailbox) -> Mailbox:
    return mailbox[0]


@pytest.fixture
def texts(twilio) -> TwilioStandIn:
    return twilio[0]


def event(event_type: str, source: str, key: str, data: dict) -> tuple[str, bytes]:
    return key, new_event(type=event_type, source=source, key=key, data=data).to_bytes()


async def send(stack, topic: str, *events: tuple[str, bytes]) -> None:
    await produce(stack, topic, [(key.encode(), value, CE_HEADERS) for key, value in events])


def patron_enrolled(patron_id: uuid.UUID, *, language: str, email: str | None = None, phone: str | None = None,
                    name: str = "Nguyễn Thị Linh", consent: bool = True, sms_opt_in: bool = False) -> tuple[str, bytes]:
    return event("lantern.patron.enrolled", "/lantern/registration", str(patron_id), {
        "patron_id": str(patron_id), "name": name, "email": email, "phone": phone, "preferred_language": language,
        "consent_to_contact": consent, "consent_to_referral": True, "sms_opt_in": sms_opt_in,
    })


def mobile(unique: str, ending: str = "7") -> str:
    """A Seattle number in use (exchange 200-999) of this test's own, ending in `ending`: the Twilio stand-in refuses
    numbers ending in 000 and reports those ending in 0003 undelivered."""
    n = int(unique, 16)
    digits = f"{200 + n % 800:03d}{(n // 800) % 10**4:04d}"
    return f"+1206{digits[:7 - len(ending)]}{ending}"


def registration(event_type: str, *, registration_id: uuid.UUID, patron_id: uuid.UUID, starts_at: datetime,
                 title: str = "Basic computer skills", **extra) -> tuple[str, bytes]:
    return event(f"lantern.registration.{event_type}", "/lantern/registration", str(registration_id), {
        "registration_id": str(registration_id), "session_id": str(uuid.uuid4()), "patron_id": str(patron_id),
        "session_title": title, "starts_at": starts_at.isoformat(),
        "ends_at": (starts_at + timedelta(hours=2)).isoformat(), "timezone": "America/Los_Angeles",
        "place_name": "Central Library, Room 2", **extra,
    })


def session_updated(session_id: uuid.UUID, *, starts_at: datetime, place_name: str = "Central Library, Room 2",
                    title: str = "Basic computer skills", titles: dict | None = None,
                    event_type: str = "lantern.session.updated") -> tuple[str, bytes]:
    """The full current state of a session, as registration publishes it when it is scheduled or changes."""
    return event(event_type, "/lantern/registration", str(session_id), {
        "session_id": str(session_id), "program_id": str(uuid.uuid4()), "program_kind": "digital_literacy_workshop",
        "title": title, "titles": titles or {"en": title}, "starts_at": starts_at.isoformat(),
        "ends_at": (starts_at + timedelta(hours=2)).isoformat(), "timezone": "America/Los_Angeles",
        "place": {"kind": "branch", "name": place_name}, "host": {"kind": "branch", "branch": "Central"},
        "capacity": 12, "languages": ["en"], "devices_needed": {},
    })


def session_scheduled(session_id: uuid.UUID, *, starts_at: datetime, **fields) -> tuple[str, bytes]:
    return session_updated(session_id, starts_at=starts_at, event_type="lantern.session.scheduled", **fields)


def loan(event_type: str, *, loan_id: uuid.UUID, borrower: dict, **extra) -> tuple[str, bytes]:
    return event(f"lantern.loan.{event_type}", "/lantern/devices", str(loan_id), {
        "loan_id": str(loan_id), "device_id": str(uuid.uuid4()), "device_kind": "hotspot", "asset_tag": "HS-0042",
        "borrower": borrower, **extra,
    })


async def recipient_known(client, recipient_id: uuid.UUID, *, awake: bool = False) -> None:
    """Wait for the recipient projection; `awake` turns their quiet hours off, for tests that run at any hour."""
    async def known():
        return (await client.get(f"/internal/v1/recipients/{recipient_id}")).status_code == 200

    await eventually(known, what="the recipient projection")
    if awake:
        answer = await client.put(f"/internal/v1/recipients/{recipient_id}/preferences",
                                  json={"quiet_hours_enabled": False})
        assert answer.status_code == 200, answer.text


async def deliveries(client, **filters) -> list[dict]:
    answer = await client.get("/internal/v1/deliveries", params={k: str(v) for k, v in filters.items()} | {"limit": 200})
    assert answer.status_code == 200, answer.text
    return answer.json()["items"]


async def settled(client, **filters) -> list[dict]:
    """The log lines matching `filters` once none is mid-send (the SMTP server sees a message just before its log)."""
    async def done():
        rows = await deliveries(client, **filters)
        return rows if rows and all(r["status"] != "sending" for r in rows) else None

    return await eventually(done, what="deliveries to be settled")


async def mail_to(inbox: Mailbox, address: str, count: int = 1) -> list[EmailMessage]:
    async def arrived():
        found = inbox.to(address)
        return found if len(found) >= count else None

    return await eventually(arrived, what=f"{count} message(s) at the SMTP server")


def in_days(days: float) -> datetime:
    return datetime.now(UTC) + timedelta(days=days)
