"""Texts end to end, every part a real process: a patron who agreed to texts at enrolment is texted through the
Twilio stand-in; they reply ALTO, which reaches notifications through the edge's public webhook route, signed; the
very next notice is not texted; a forged webhook is refused at the public address."""

import uuid

import httpx
import pytest

from tests.e2e.test_flows import program_and_session
from tests.support import eventually


@pytest.fixture
async def twilio(services):
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{services.config.twilio_port}", timeout=15) as client:
        yield client


def _mobile() -> str:
    n = uuid.uuid4().int
    return f"+1206{200 + n % 800:03d}{(n // 800) % 10**4:04d}"


async def test_stop_through_the_public_webhook_stops_the_next_text_and_forgeries_are_refused(
        services, staff, edge, caller, twilio):
    phone = _mobile()
    enrolled = await staff.post("/api/v1/patrons", json={
        "name": "Ana Pérez", "phone": phone, "preferred_language": "es", "consent_to_contact": True,
        "sms_opt_in": True})
    assert enrolled.status_code == 201, enrolled.text
    patron = enrolled.json()
    assert patron["phone"] == phone and patron["sms_opt_in"] is True
    own = caller.headers("patron", patron_id=patron["id"])

    async def consent():
        answer = await edge.get(f"/api/v1/recipients/{patron['id']}/sms-consent", headers=own)
        return answer.json() if answer.status_code == 200 else None

    agreed = await eventually(consent, timeout=60, what="notifications to know the patron and their consent")
    assert agreed["opted_in"] and agreed["source"] == "enrolment"
    awake = await edge.put(f"/api/v1/recipients/{patron['id']}/preferences", headers=own,
                           json={"quiet_hours_enabled": False})
    assert awake.status_code == 200, awake.text

    async def texts(count: int):
        found = (await twilio.get("/_standin/messages", params={"to": phone})).json()
        return found if len(found) >= count else None

    first = await program_and_session(staff, capacity=5)
    assert (await edge.post(f"/api/v1/sessions/{first['id']}/registrations", json={}, headers=own)).status_code == 201
    [text] = await eventually(lambda: texts(1), timeout=60, what="the confirmation text at Twilio")
    assert "Inscripción confirmada" in text["body"]  # in Spanish, her language

    forged = await edge.post("/api/v1/sms/inbound", content=f"From=%2B1{phone[2:]}&Body=START",
                             headers={"content-type": "application/x-www-form-urlencoded",
                                      "X-Twilio-Signature": "bm90IGEgc2lnbmF0dXJl"})
    assert forged.status_code == 403 and forged.json()["reason"] == "forged_signature"

    stop = (await twilio.post("/_standin/inbound", json={"from": phone, "body": "ALTO"})).json()
    assert stop["status"] == 200 and "ya no recibirá más mensajes" in stop["body"]
    assert (await consent())["opted_in"] is False

    second = await program_and_session(staff, capacity=5)
    assert (await edge.post(f"/api/v1/sessions/{second['id']}/registrations", json={}, headers=own)).status_code == 201

    async def both_decided():
        page = (await staff.get("/api/v1/deliveries", params={
            "recipient_id": patron["id"], "channel": "sms", "message": "registration_confirmed"})).json()
        lines = page["items"]
        decided = len(lines) == 2 and all(line["status"] not in ("scheduled", "sending") for line in lines)
        return lines if decided and lines[1]["provider_status"] == "delivered" else None

    newest, oldest = await eventually(both_decided, timeout=60, what="the second confirmation to be decided")
    assert (newest["status"], newest["reason"]) == ("suppressed", "sms_opted_out")
    assert oldest["status"] == "sent", "the first was sent, and Twilio's callbacks reached its log line via the edge"
    assert len(await texts(1)) == 1
