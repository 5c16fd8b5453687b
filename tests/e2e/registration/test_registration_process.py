"""Registration as a real process beside every other service: a seat changes hands, devices answers, a kiosk checks in."""

import json
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from lantern_registration.events import CHECKINS_TOPIC, REGISTRATIONS_TOPIC
from lantern_shared.envelope import new_event
from tests.support import eventually, produce, read_topic


@pytest.fixture
async def api(services):
    stack = services
    async with httpx.AsyncClient(base_url=f"{stack.config.url('registration')}/internal/v1", timeout=10,
                                 headers={"X-Lantern-Internal-Token": stack.secrets["internal_token"]}) as client:
        yield client


async def created(answer: httpx.Response) -> dict:
    assert answer.status_code == 201, answer.text
    return answer.json()


async def send(stack, topic: str, type: str, source: str, key: str, data: dict) -> None:
    event = new_event(type=type, source=source, data=data, key=key)
    await produce(stack, topic, [(key.encode(), event.to_bytes(), [])])


async def test_a_full_workshop_through_the_real_service(services, api):
    stack = services
    program = await created(await api.post("/programs", json={
        "kind": "digital_literacy_workshop", "titles": {"en": "Video calls with family", "vi": "Gọi video với gia đình"},
        "fallback_language": "en", "age_group": "adults", "audience_tags": ["seniors"], "languages": ["vi"],
        "host": {"kind": "branch", "branch": "International District"}}))
    starts = datetime.now(UTC) + timedelta(minutes=30)
    session = await created(await api.post("/sessions", json={
        "program_id": program["id"], "starts_at": starts.isoformat(), "ends_at": (starts + timedelta(hours=1)).isoformat(),
        "timezone": "America/Los_Angeles", "place": {"kind": "branch", "name": "Community room"}, "capacity": 1,
        "devices_needed": {"tablet": 1}}))
    first = await created(await api.post("/patrons", json={"name": "Lan", "phone": "+1 206 555 0111",
                                                            "preferred_language": "vi"}))
    second = await created(await api.post("/patrons", json={"name": "Minh", "email": "minh@example.org",
                                                             "preferred_language": "vi"}))
    seat = await created(await api.post(f"/sessions/{session['id']}/registrations", json={"patron_id": first["id"]}))
    waiting = await created(await api.post(f"/sessions/{session['id']}/registrations", json={"patron_id": second["id"]}))
    assert (seat["status"], waiting["status"], waiting["waitlist_position"]) == ("confirmed", "waitlisted", 1)

    await api.post(f"/registrations/{seat['id']}/cancellation", json={"by": "patron"})
    await send(stack, CHECKINS_TOPIC, "lantern.checkin.recorded", "/kiosk/id-lobby", session["id"],
               {"session_id": session["id"], "patron_id": second["id"], "checked_in_at": datetime.now(UTC).isoformat(),
                "kiosk_id": "id-lobby", "nonce": uuid.uuid4().hex})

    async def settled():  # the real devices service answers: ready or short, depending on its inventory
        found = (await api.get(f"/sessions/{session['id']}")).json()
        return found if found["status"] in ("ready", "equipment_shortfall") else None

    async def attended():
        return (await api.get(f"/sessions/{session['id']}/attendance")).json()

    assert (await eventually(settled, what="the equipment answer"))["confirmed"] == 1
    assert [a["patron_id"] for a in await eventually(attended, what="the kiosk check-in")] == [second["id"]]
    promoted = await read_topic(stack, REGISTRATIONS_TOPIC, until=lambda rs: any(
        r.key == waiting["id"].encode() and json.loads(r.value)["type"] == "lantern.registration.promoted" for r in rs))
    assert promoted
    async with httpx.AsyncClient() as operator:
        health = await operator.get(f"{stack.config.url('registration')}/health/ready")
        scraped = (await operator.get(f"{stack.config.url('registration')}/metrics")).text
    assert health.json()["checks"] == {"database": True, "kafka": True}
    assert 'lantern_registration_registrations_total{outcome="promoted",program_kind="digital_literacy_workshop"}' in scraped
