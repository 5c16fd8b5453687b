"""Adapters to the outside world: an SMTP server for email, a provider's REST gateway for SMS.

Each send answers with an outcome instead of raising: accepted, worth retrying, or never going to work
(a rejected address). Reasons are short codes, never the provider's text, which may echo an address.
"""

import logging
import ssl
from dataclasses import dataclass
import email.policy
from email.message import EmailMessage
from email.utils import formataddr, make_msgid, parseaddr

import aiosmtplib
import httpx

from .settings import NotificationsSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    accepted: bool
    reason: str = ""
    permanent: bool = False  # retrying will not help
    invalid_address: bool = False  # the address or number itself was refused: remember it


ACCEPTED = Outcome(True)


@dataclass(frozen=True)
class Email:
    to: str
    to_name: str
    subject: str
    text: str
    html: str
    language: str
    reference: str  # the delivery id, as the Message-ID's left part, to find a bounce's cause


class Mailer:
    def __init__(self, settings: NotificationsSettings) -> None:
        self.s = settings

    async def send(self, email: Email) -> Outcome:
        message = EmailMessage()
        message["From"] = self.s.mail_from
        message["To"] = formataddr((email.to_name, email.to))
        message["Subject"] = email.subject
        message["Message-ID"] = make_msgid(idstring=email.reference, domain="lantern.notifications")
        message.set_content(email.text)
        message.add_alternative(email.html, subtype="html")
        message["Content-Language"] = email.language  # after the content: set_content drops Content-* headers
        s = self.s
        try:
            await aiosmtplib.send(
                _flatten(message), sender=parseaddr(s.mail_from)[1], recipients=[email.to],
                hostname=s.smtp_host, port=s.smtp_port, username=s.smtp_username,
                password=s.smtp_password.get_secret_value() if s.smtp_password else None,
                start_tls=s.smtp_starttls, use_tls=s.smtp_tls, timeout=s.smtp_timeout_s,
                tls_context=ssl.create_default_context() if (s.smtp_starttls or s.smtp_tls) else None,
            )
        except aiosmtplib.SMTPRecipientsRefused as exc:
            codes = sorted({r.code for r in exc.recipients})
            permanent = all(500 <= c < 600 for c in codes)
            return Outcome(False, f"smtp_recipient_refused:{'/'.join(map(str, codes))}", permanent, permanent)
        except aiosmtplib.SMTPResponseException as exc:
            permanent = 500 <= exc.code < 600
            return Outcome(False, f"smtp_rejected:{exc.code}", permanent)
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
            return Outcome(False, f"smtp_unavailable:{type(exc).__name__}")
        return ACCEPTED


# CPython folds a long ASCII subject containing "(...)" right after "Subject:", and readers then show it with a
# leading space; plain ASCII headers may run to 998 characters, so they are not folded. Non-ASCII subjects keep the
# standard folding, which keeps each RFC 2047 encoded word within 75 characters.
_UNFOLDED_ASCII = email.policy.SMTP.clone(max_line_length=998)


def _flatten(message: EmailMessage) -> bytes:
    ascii_headers = all(str(value).isascii() for value in message.values())
    return message.as_bytes(policy=_UNFOLDED_ASCII if ascii_headers else email.policy.SMTP)


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
