"""Texts through Twilio (the stand-in, over a real socket) to patrons who agreed to them: consent, STOP and its
equivalents, signed webhooks, delivery status on the log, numbers the provider refuses."""

import base64
import uuid
from datetime import UTC, datetime
from urllib.parse import urlencode

from lantern_devstack.twilio_standin import twilio_signature
from lantern_notifications.domain.sms import sms_segments
from tests.integration.notifications.conftest import (
    PATRONS, PUBLIC_SMS, REGISTRATIONS, TWILIO_SID, TWILIO_TOKEN, deliveries, in_days, mobile, patron_enrolled,
    recipient_known, registration, send, settled,
)
from tests.support import eventually

CONFIRMED = "registration_confirmed"  # a confirmation also plans reminders; the tests follow the confirmation


async def _texts(standin, number, count=1):
    found = standin.to(number)
    return found if len(found) >= count else None


async def _confirmed(stack, patron_id, day: int = 4):
    await send(stack, REGISTRATIONS, registration("confirmed", registration_id=uuid.uuid4(), patron_id=patron_id,
                                                  starts_at=datetime(2027, 3, day, 2, 0, tzinfo=UTC)))


async def _agree(client, patron_id):
    answer = await client.put(f"/internal/v1/recipients/{patron_id}/sms-consent", json={"opted_in": True})
    assert answer.status_code == 200, answer.text
    return answer.json()


async def test_a_patron_who_agreed_to_texts_gets_a_spanish_one_through_twilio_and_its_delivery_is_logged(
        stack, client, texts, unique):
    patron_id, phone = uuid.uuid4(), mobile(unique)
    await send(stack, PATRONS, patron_enrolled(patron_id, language="es", phone=phone, name="Ana Pérez", sms_opt_in=True))
    await recipient_known(client, patron_id, awake=True)
    consent = (await client.get(f"/internal/v1/recipients/{patron_id}/sms-consent")).json()
    assert consent["opted_in"] and consent["source"] == "enrolment" and consent["changed_at"]
    assert consent["number"] == f"({phone[2:5]}) {phone[5:8]}-{phone[8:]}", "shown as a person writes it"

    await _confirmed(stack, patron_id)

    [text] = await eventually(lambda: _texts(texts, phone), what="the text at Twilio")
    # Every language names the library itself as the sender (one catalog, the same placeholders everywhere).
    assert text.body == ("Riverside Public Library: Inscripción confirmada en Basic computer skills, 3 mar, 18:00, "
                         "Central Library, Room 2.")
    assert sms_segments(text.body) <= 2 and text.sender == "+12065550000"
    [logged] = await settled(client, recipient_id=patron_id, channel="sms", message=CONFIRMED)
    assert text.status_callback == f"{PUBLIC_SMS}/status/{logged['id']}"

    async def delivered():
        [line] = await deliveries(client, recipient_id=patron_id, channel="sms", message=CONFIRMED)
        return line if line["provider_status"] == "delivered" else None

    line = await eventually(delivered, what="Twilio's delivered callback to reach the log")
    assert line["status"] == "sent" and line["provider_error"] is None and text.statuses == ["queued", "sent", "delivered"]


async def test_a_patron_who_never_agreed_or_said_no_gets_no_text(stack, client, texts, unique):
    never, declined = uuid.uuid4(), uuid.uuid4()
    never_phone, declined_phone = mobile(unique, "11"), mobile(unique, "12")
    await send(stack, PATRONS, patron_enrolled(never, language="en", phone=never_phone, name="Sam Lee"),
               patron_enrolled(declined, language="ru", phone=declined_phone, name="Olga", sms_opt_in=True))
    await recipient_known(client, never, awake=True)
    await recipient_known(client, declined, awake=True)
    said_no = await client.put(f"/internal/v1/recipients/{declined}/sms-consent", json={"opted_in": False})
    assert said_no.json()["opted_in"] is False and said_no.json()["source"] == "preferences"

    await _confirmed(stack, never)
    await _confirmed(stack, declined)

    [quiet] = await settled(client, recipient_id=never, channel="sms", message=CONFIRMED)
    [withdrawn] = await settled(client, recipient_id=declined, channel="sms", message=CONFIRMED)
    assert (quiet["status"], quiet["reason"]) == ("suppressed", "no_sms_consent")
    assert (withdrawn["status"], withdrawn["reason"]) == ("suppressed", "sms_opted_out")
    assert texts.to(never_phone) == [] and texts.to(declined_phone) == []


async def test_stop_in_chinese_stops_the_very_next_text_and_start_brings_them_back(stack, client, texts, unique):
    patron_id, phone = uuid.uuid4(), mobile(unique, "21")
    await send(stack, PATRONS, patron_enrolled(patron_id, language="en", phone=phone, name="Wei Zhang"))
    await recipient_known(client, patron_id, awake=True)
    await _agree(client, patron_id)
    await _confirmed(stack, patron_id, day=4)
    await eventually(lambda: _texts(texts, phone), what="the first text")

    stop = await texts.text_from(phone, " 退订 ")
    assert stop.status_code == 200 and stop.headers["content-type"].startswith("application/xml")
    assert "<Message>" in stop.text and "您将不再收到我们的短信" in stop.text, "confirmed in the language it was asked in"
    consent = (await client.get(f"/internal/v1/recipients/{patron_id}/sms-consent")).json()
    assert (consent["opted_in"], consent["source"]) == (False, "keyword")

    await _confirmed(stack, patron_id, day=5)  # sent at once after the STOP: no time for anything to catch up

    async def two_lines():
        rows = await settled(client, recipient_id=patron_id, channel="sms", message=CONFIRMED)
        return rows if len(rows) == 2 else None

    newest, _ = await eventually(two_lines, what="the second text to be decided")
    assert (newest["status"], newest["reason"]) == ("suppressed", "sms_opted_out")
    assert len(texts.to(phone)) == 1

    start = await texts.text_from(phone, "start")
    assert "you will get texts from us again" in start.text, "an English keyword is answered in the patron's language"
    await _confirmed(stack, patron_id, day=6)
    await eventually(lambda: _texts(texts, phone, 2), what="texts again after START")


async def test_help_is_answered_and_other_texts_are_not_read(stack, client, texts, unique):
    phone = mobile(unique, "31")
    helped = await texts.text_from(phone, "Ayuda")
    assert "Responda ALTO" in helped.text and "Pueden aplicarse tarifas" in helped.text
    ignored = await texts.text_from(phone, "Huy")  # a name, not HỦY
    assert ignored.status_code == 200 and "<Message>" not in ignored.text


async def test_forged_webhooks_are_refused_and_change_nothing(stack, client, texts, unique):
    patron_id, phone = uuid.uuid4(), mobile(unique, "41")
    await send(stack, PATRONS, patron_enrolled(patron_id, language="vi", phone=phone, name="Linh", sms_opt_in=True))
    await recipient_known(client, patron_id)
    params = [("AccountSid", TWILIO_SID), ("From", phone), ("To", "+12065550000"), ("Body", "DỪNG")]
    body = urlencode(params)
    form = {"content-type": "application/x-www-form-urlencoded"}

    unsigned = await client.post("/internal/v1/sms/inbound", content=body, headers=form)
    guessed = await client.post("/internal/v1/sms/inbound", content=body, headers=form | {
        "X-Twilio-Signature": twilio_signature(f"{PUBLIC_SMS}/inbound", params, "not-the-token")})
    other_url = await client.post("/internal/v1/sms/inbound", content=body, headers=form | {
        "X-Twilio-Signature": twilio_signature("https://elsewhere.example/sms/inbound", params, TWILIO_TOKEN)})
    tampered = await client.post("/internal/v1/sms/inbound", content=urlencode([*params[:3], ("Body", "START")]),
                                 headers=form | {"X-Twilio-Signature": twilio_signature(
                                     f"{PUBLIC_SMS}/inbound", params, TWILIO_TOKEN)})
    status = await client.post(f"/internal/v1/sms/status/{uuid.uuid4()}", content="MessageStatus=delivered",
                               headers=form | {"X-Twilio-Signature": base64.b64encode(b"x" * 20).decode()})
    for answer in (unsigned, guessed, other_url, tampered, status):
        assert answer.status_code == 403 and answer.headers["content-type"].startswith("application/problem+json")
        assert answer.json()["reason"] == "forged_signature"
    assert (await client.get(f"/internal/v1/recipients/{patron_id}/sms-consent")).json()["opted_in"] is True

    genuine = await texts.text_from(phone, "DỪNG")
    assert genuine.status_code == 200 and "không nhận tin nhắn" in genuine.text
    assert (await client.get(f"/internal/v1/recipients/{patron_id}/sms-consent")).json()["opted_in"] is False


async def test_a_text_the_carrier_could_not_deliver_fails_its_log_line(stack, client, texts, unique):
    patron_id, phone = uuid.uuid4(), mobile(unique, "0003")
    await send(stack, PATRONS, patron_enrolled(patron_id, language="en", phone=phone, name="Sam Lee"))
    await recipient_known(client, patron_id, awake=True)
    await _agree(client, patron_id)
    await _confirmed(stack, patron_id)

    async def failed():
        rows = await deliveries(client, recipient_id=patron_id, channel="sms", message=CONFIRMED)
        return rows[0] if rows and rows[0]["status"] == "failed" else None

    line = await eventually(failed, what="the undelivered callback to fail the line")
    assert (line["provider_status"], line["provider_error"], line["reason"]) == ("undelivered", 30003,
                                                                                 "sms_undelivered:30003")
    assert texts.to(phone)[0].statuses == ["queued", "sent", "undelivered"]


async def test_a_number_twilio_refuses_fails_at_once_and_is_not_texted_again(stack, client, texts, unique):
    patron_id, phone = uuid.uuid4(), mobile(unique, "000")
    await send(stack, PATRONS, patron_enrolled(patron_id, language="en", phone=phone, name="Sam Lee", sms_opt_in=True))
    await recipient_known(client, patron_id, awake=True)
    await send(stack, REGISTRATIONS, registration("waitlisted", registration_id=uuid.uuid4(), patron_id=patron_id,
                                                  starts_at=in_days(6), position=2))

    async def failed():
        rows = await deliveries(client, recipient_id=patron_id, channel="sms")
        return rows[0] if rows and rows[0]["status"] == "failed" else None

    logged = await eventually(failed, what="the refused text to fail")
    assert logged["reason"] == "sms_rejected:400:21211"
    assert (await client.get(f"/internal/v1/recipients/{patron_id}")).json()["phone_rejected"]


async def test_agreeing_to_texts_needs_a_number_that_can_receive_them(stack, client, unique):
    landline, no_phone = uuid.uuid4(), uuid.uuid4()
    await send(stack, PATRONS, patron_enrolled(landline, language="en", phone="+44 20 7946 0958", name="Ada"),
               patron_enrolled(no_phone, language="en", email=f"ada-{unique}@example.org", name="Ada"))
    await recipient_known(client, landline)
    await recipient_known(client, no_phone)

    refused = await client.put(f"/internal/v1/recipients/{landline}/sms-consent", json={"opted_in": True})
    assert refused.status_code == 409 and refused.json()["reason"] == "not_textable"
    assert refused.json()["errors"][0]["field"] == "phone"
    assert (await client.get(f"/internal/v1/recipients/{landline}/sms-consent")).json()["number"] == "+44 20 7946 0958"
    nothing = await client.put(f"/internal/v1/recipients/{no_phone}/sms-consent", json={"opted_in": True})
    assert nothing.status_code == 409 and nothing.json()["reason"] == "no_phone"
