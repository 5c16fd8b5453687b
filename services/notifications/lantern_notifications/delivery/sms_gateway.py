"""SMS through a provider's REST gateway."""

import httpx

from ..settings import NotificationsSettings
from .outcomes import ACCEPTED, Outcome


class SmsGateway:
    """A generic SMS provider REST shape: POST {to, from, body, reference} with a bearer token, 2xx = accepted."""

    def __init__(self, settings: NotificationsSettings, client: httpx.AsyncClient | None = None) -> None:
        self.s = settings
        self.client = client or httpx.AsyncClient(timeout=15)

    async def send(self, *, to: str, body: str, reference: str) -> Outcome:
        if not self.s.sms_gateway_url:
            return Outcome(False, "sms_not_configured", permanent=True)
        headers = {"Idempotency-Key": reference}  # a retried request after a lost answer sends one SMS
        if self.s.sms_gateway_token:
            headers["Authorization"] = f"Bearer {self.s.sms_gateway_token.get_secret_value()}"
        try:
            answer = await self.client.post(
                self.s.sms_gateway_url, headers=headers,
                json={"to": to, "from": self.s.sms_sender, "body": body, "reference": reference},
            )
        except httpx.HTTPError as exc:
            return Outcome(False, f"sms_unavailable:{type(exc).__name__}")
        if answer.is_success:
            return ACCEPTED
        if answer.status_code in (400, 404, 422):
            return Outcome(False, f"sms_rejected:{answer.status_code}", permanent=True, invalid_address=True)
        if answer.status_code in (401, 403):
            return Outcome(False, f"sms_unauthorized:{answer.status_code}")  # a configuration fault: keep trying
        return Outcome(False, f"sms_unavailable:{answer.status_code}")
