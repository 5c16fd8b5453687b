"""SMS through Twilio's Messages REST API (form-encoded POST, HTTP basic auth with the account SID and auth token).

https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource
Locally and in tests the base URL points to the stand-in (lantern_devstack.twilio_standin), which answers the same.
"""

import httpx

from ..settings import NotificationsSettings
from .outcomes import ACCEPTED, Outcome

# Twilio error codes that say the number itself will never take this message: remember it on the recipient.
# 21211 invalid 'To', 21214 not a valid phone number, 21612 cannot route to it, 21614 not a mobile number,
# 21408 region not enabled on the account (a configuration fault, but no retry will help).
_NUMBER_REFUSED = {21211, 21214, 21612, 21614}
# 21610: the person replied STOP to our number at the carrier. Lantern also records it (webhook), so this is rare.
_UNSUBSCRIBED = 21610


class TwilioSms:
    def __init__(self, settings: NotificationsSettings, client: httpx.AsyncClient | None = None) -> None:
        self.s = settings
        self.client = client or httpx.AsyncClient(timeout=settings.sms_timeout_s)

    @property
    def configured(self) -> bool:
        return bool(self.s.twilio_account_sid and self.s.twilio_auth_token
                    and (self.s.sms_from or self.s.twilio_messaging_service_sid))

    def status_callback(self, delivery_id: str) -> str | None:
        base = self.s.sms_webhook_base_url
        return f"{base.rstrip('/')}/status/{delivery_id}" if base else None

    async def send(self, *, to: str, body: str, reference: str) -> Outcome:
        """One message to an E.164 number; `reference` (the delivery id) names its status callbacks."""
        if not self.configured:
            return Outcome(False, "sms_not_configured", permanent=True)
        assert self.s.twilio_account_sid is not None and self.s.twilio_auth_token is not None
        form = {"To": to, "Body": body}
        if self.s.twilio_messaging_service_sid:
            form["MessagingServiceSid"] = self.s.twilio_messaging_service_sid
        else:
            form["From"] = self.s.sms_from or ""
        if callback := self.status_callback(reference):
            form["StatusCallback"] = callback
        url = f"{self.s.twilio_base_url.rstrip('/')}/2010-04-01/Accounts/{self.s.twilio_account_sid}/Messages.json"
        try:
            answer = await self.client.post(
                url, data=form, auth=(self.s.twilio_account_sid, self.s.twilio_auth_token.get_secret_value()))
        except httpx.HTTPError as exc:
            return Outcome(False, f"sms_unavailable:{type(exc).__name__}")
        if answer.is_success:
            return ACCEPTED
        code = _error_code(answer)
        if answer.status_code in (401, 403):
            return Outcome(False, f"sms_unauthorized:{answer.status_code}")  # a configuration fault: keep trying
        if answer.status_code == 429 or answer.status_code >= 500:
            return Outcome(False, f"sms_unavailable:{answer.status_code}")
        if code == _UNSUBSCRIBED:
            return Outcome(False, "sms_unsubscribed:21610", permanent=True)
        return Outcome(False, f"sms_rejected:{answer.status_code}" + (f":{code}" if code else ""), permanent=True,
                       invalid_address=code in _NUMBER_REFUSED or code is None)

    async def close(self) -> None:
        await self.client.aclose()


def _error_code(answer: httpx.Response) -> int | None:
    """Twilio's numeric error code; its message text is never kept (it may echo the number)."""
    try:
        code = answer.json().get("code")
    except ValueError:
        return None
    return code if isinstance(code, int) else None
