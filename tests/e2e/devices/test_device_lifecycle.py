"""The devices service as a real process: a patron from Kafka borrows a hotspot, returns it, and the MDM system's wipe
makes it lendable again; a scheduled session gets its units."""

import json
import uuid
from datetime import UTC, datetime, timedelta

import httpx

from lantern_shared.envelope import new_event
from tests.support import eventually, produce, read_topic

CE_HEADERS = [("content-type", b"application/cloudevents+json")]


def event(type: str, source: str, key: str, data: dict) -> tuple[bytes, bytes, list]:
    return key.encode(), new_event(type=type, source=source, key=key, data=data).to_bytes(), CE_HEADERS


async def test_a_hotspot_goes_out_comes_back_and_is_cleared_by_the_mdm_system(services, unique):
    patron_id = str(uuid.uuid4())
    await produce(services, "lantern.registration.patrons", [event(
        "lantern.patron.enrolled", "/lantern/registration", patron_id,
        {"patron_id": patron_id, "name": "Amina Yusuf", "preferred_language": "so", "consent_to_contact": True,
         "consent_to_referral": False})])
    async with httpx.AsyncClient(base_url=services.config.url("devices"), timeout=10,
                                 headers={"X-Lantern-Internal-Token": services.secrets["internal_token"]}) as devices:
        hotspot = (await devices.post("/internal/v1/devices", json={
            "kind": "hotspot", "asset_tag": f"E2E-{unique}", "serial": f"SN-E2E-{unique}", "home_branch": "central"})).json()

        async def borrower_known():
            return (await devices.get(f"/internal/v1/borrowers/{patron_id}")).status_code == 200

        await eventually(borrower_known, what="the patron in devices' borrower projection")
        loan = await devices.post("/internal/v1/loans", json={"borrower_id": patron_id, "device_id": hotspot["id"]})
        assert loan.status_code == 201, loan.text
        returned = await devices.post(f"/internal/v1/loans/{loan.json()['id']}/return", json={"condition": "good"})
        assert returned.status_code == 200

        await produce(services, "lantern.inbound.device-telemetry", [event(
            "lantern.device.wiped", "/mdm/intune", hotspot["asset_tag"],
            {"asset_tag": hotspot["asset_tag"], "wiped_at": datetime.now(UTC).isoformat(), "mdm_id": "intune-7"})])

        async def available():
            return (await devices.get(f"/internal/v1/devices/{hotspot['id']}")).json()["state"] == "available"

        await eventually(available, what="the wiped hotspot to be available")
        assert (await devices.get(f"/internal/v1/loans/{loan.json()['id']}")).json()["borrower_id"] is None


async def test_a_scheduled_session_is_answered_on_the_reservations_topic(services):
    session_id = str(uuid.uuid4())
    starts = datetime.now(UTC) + timedelta(days=400)
    await produce(services, "lantern.registration.sessions", [event(
        "lantern.session.scheduled", "/lantern/registration", session_id,
        {"session_id": session_id, "program_id": str(uuid.uuid4()), "program_kind": "class", "title": "Resume writing",
         "titles": {"en": "Resume writing"}, "starts_at": starts.isoformat(),
         "ends_at": (starts + timedelta(hours=2)).isoformat(), "timezone": "America/New_York",
         "place": {"kind": "online", "name": "Zoom", "url": "https://example.org/z"}, "host": {"kind": "branch", "branch": "central"},
         "capacity": 10, "languages": ["en"], "devices_needed": {"projector": 1}})])

    records = await read_topic(services, "lantern.devices.reservations",
                               until=lambda rs: any(r.key == session_id.encode() for r in rs), timeout=60)
    answer = json.loads(next(r.value for r in records if r.key == session_id.encode()))
    assert answer["type"] == "lantern.devices.reservation_failed"
    assert answer["data"]["missing"] == {"projector": 1}
