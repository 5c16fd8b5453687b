"""The request Lantern sends Twilio for a text, and what it makes of Twilio's answers (no network: httpx's mock)."""

import base64
from urllib.parse import parse_qsl

import httpx

from lantern_notifications.delivery.twilio import TwilioSms
from lantern_notifications.settings import NotificationsSettings

SID = "AC" + "1" * 32


def _sms(answer: httpx.Response, seen: list[httpx.Request], **settings) -> TwilioSms:
    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return answer

    values = dict(db_password="x", internal_token="x", twilio_account_sid=SID, twilio_auth_token="tok",
                  sms_from="+12065550000", sms_webhook_base_url="https://lib.example/api/v1/sms") | settings
    return TwilioSms(NotificationsSettings(**values), client=httpx.AsyncClient(transport=httpx.MockTransport(handle)))


async def test_a_text_is_a_form_encoded_post_with_basic_auth_and_a_status_callback_naming_the_delivery():
    seen: list[httpx.Request] = []
    sms = _sms(httpx.Response(201, json={"sid": "SM1", "status": "queued"}), seen)

    outcome = await sms.send(to="+12062345123", body="Hola", reference="d-1")

    assert outcome.accepted
    [request] = seen
    assert str(request.url) == f"https://api.twilio.com/2010-04-01/Accounts/{SID}/Messages.json"
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert request.headers["authorization"] == "Basic " + base64.b64encode(f"{SID}:tok".encode()).decode()
    assert dict(parse_qsl(request.content.decode())) == {
        "To": "+12062345123", "From": "+12065550000", "Body": "Hola",
        "StatusCallback": "https://lib.example/api/v1/sms/status/d-1"}


async def test_a_messaging_service_is_preferred_to_a_single_number():
    seen: list[httpx.Request] = []
    sms = _sms(httpx.Response(201, json={}), seen, twilio_messaging_service_sid="MG" + "2" * 32)
    await sms.send(to="+12062345123", body="Hi", reference="d")
    form = dict(parse_qsl(seen[0].content.decode()))
    assert form["MessagingServiceSid"] == "MG" + "2" * 32 and "From" not in form


async def test_twilios_answers_become_outcomes_without_its_text():
    cases = [
        (httpx.Response(400, json={"code": 21211, "message": "The 'To' number +1206... is not valid"}),
         ("sms_rejected:400:21211", True, True)),
        (httpx.Response(400, json={"code": 21614, "message": "not a mobile number"}), ("sms_rejected:400:21614", True, True)),
        (httpx.Response(400, json={"code": 21610, "message": "unsubscribed"}), ("sms_unsubscribed:21610", True, False)),
        (httpx.Response(401, json={"code": 20003}), ("sms_unauthorized:401", False, False)),
        (httpx.Response(429, json={"code": 20429}), ("sms_unavailable:429", False, False)),
        (httpx.Response(503), ("sms_unavailable:503", False, False)),
    ]
    for answer, (reason, permanent, invalid_address) in cases:
        outcome = await _sms(answer, []).send(to="+12062345123", body="Hi", reference="d")
        assert (outcome.accepted, outcome.reason, outcome.permanent, outcome.invalid_address) == (
            False, reason, permanent, invalid_address)


async def test_without_an_account_nothing_is_sent():
    seen: list[httpx.Request] = []
    outcome = await _sms(httpx.Response(201), seen, twilio_account_sid=None).send(to="+1", body="x", reference="d")
    assert (outcome.reason, outcome.permanent, seen) == ("sms_not_configured", True, [])
