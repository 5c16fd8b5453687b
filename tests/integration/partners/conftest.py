"""The partners service running in-process against the real broker and database, shared by this folder's tests."""

import contextlib
import json
import uuid
from collections.abc import Iterator
from datetime import datetime

import pytest

from lantern_shared.envelope import new_event
from tests.integration.conftest import running_service
from tests.support import eventually, produce, read_topic

CE_HEADERS = [("content-type", b"application/cloudevents+json")]
PARTNERS_TOPIC = "lantern.partners.partners"


@pytest.fixture(scope="package")
async def partners(stack):
    """(app, client) of one partners service for the whole folder; its consumers have joined their groups."""
    async with running_service(stack, "partners", gauges_interval_s=0.5) as (app, client):
        async def consuming() -> bool:
            return (await app.state.runtime.readiness())["kafka"]

        await eventually(consuming, timeout=60, what="the partners consumers to join their groups")
        yield app, client


@pytest.fixture
def client(partners):
    return partners[1]


@pytest.fixture
def app(partners):
    return partners[0]


@pytest.fixture
def clock_at(app) -> Iterator:
    """Hold the service's clock at a moment for one test."""
    @contextlib.contextmanager
    def hold(moment: datetime):
        app.state.deps.clock.set(moment)
        try:
            yield
        finally:
            app.state.deps.clock.reset()

    with contextlib.ExitStack() as stack:
        yield lambda moment: stack.enter_context(hold(moment))


def cloud_event(event_type: str, source: str, key: str, data: dict) -> bytes:
    return new_event(type=event_type, source=source, key=key, data=data).to_bytes()


async def send(stack, topic: str, events: list[tuple[str, bytes]]) -> None:
    await produce(stack, topic, [(key.encode(), value, CE_HEADERS) for key, value in events])


async def patron_enrolled(stack, patron_id: uuid.UUID, *, consent: bool, name: str = "Ana María Pérez",
                          email: str | None = "ana@example.org", phone: str | None = "+1 555 010 2000",
                          event_type: str = "lantern.patron.enrolled") -> str:
    """Registration's event about a patron; returns the event id."""
    data = {"patron_id": str(patron_id), "name": name, "email": email, "phone": phone, "preferred_language": "es",
            "consent_to_contact": True, "consent_to_referral": consent}
    event = new_event(type=event_type, source="/lantern/registration", key=str(patron_id), data=data)
    await send(stack, "lantern.registration.patrons", [(str(patron_id), event.to_bytes())])
    return event.id


async def applied(app, event_id: str) -> None:
    """Wait until the service has taken the event in (it is in the inbox: applied, whatever its effect)."""
    async def in_inbox() -> bool:
        async with app.state.runtime.pool.acquire() as conn:
            return bool(await conn.fetchval("SELECT 1 FROM inbox WHERE event_id = $1", event_id))

    await eventually(in_inbox, what=f"event {event_id} to be applied")


async def events_for(stack, topic: str, key: str, count: int) -> list[dict]:
    """The first `count` events on `topic` with this key, as CloudEvent dicts, in order."""
    def ours(records):
        return [json.loads(r.value) for r in records if r.key == key.encode()]

    records = await read_topic(stack, topic, until=lambda rs: len(ours(rs)) >= count)
    return ours(records)
