"""Twilio's webhooks: a text someone sent us (STOP, START, HELP and their equivalents) and the status of a text we
sent. Both are trusted only when Twilio's signature over the public URL and the parameters is right."""

from collections.abc import Sequence
from uuid import UUID

from lantern_shared.fields import e164
from lantern_shared.refusals import forbidden

from ..deps import Deps
from ..domain.sms_consent import Keyword, keyword
from ..domain.sms_replies import reply
from ..domain.sms_webhooks import NOT_DELIVERED, signed_by_twilio
from ..events import NOTIFICATION_FAILED, NotificationFailed
from ..store import deliveries, sms_consent, sms_status

Params = Sequence[tuple[str, str]]


def _verify(deps: Deps, path: str, params: Params, signature: str | None) -> None:
    base, token = deps.settings.sms_webhook_base_url, deps.settings.twilio_auth_token
    if not base or token is None:
        raise forbidden("sms_webhooks_not_configured", "This library does not take SMS webhooks.")
    if not signed_by_twilio(base.rstrip("/") + path, params, token.get_secret_value(), signature):
        raise forbidden("forged_signature", "The request is not signed by the SMS provider.")


async def inbound(deps: Deps, params: Params, signature: str | None) -> str | None:
    """A text to our number. A keyword changes consent for everyone at that number before the answer goes back,
    so it holds for the very next text; the answer is the confirmation to send back (None: say nothing). Anything
    else is not read, kept or logged."""
    _verify(deps, "/inbound", params, signature)
    form = dict(params)
    found = keyword(form.get("Body", ""))
    if found is None:
        return None
    kind, said_in = found
    try:
        phone = e164(form.get("From", ""), deps.settings.phone_region)
    except ValueError:
        return None  # a short code or an alphanumeric sender: no one we could text anyway
    async with deps.uow() as work:
        if kind in (Keyword.STOP, Keyword.START):
            changed = await sms_consent.by_keyword(work.conn, phone, kind == Keyword.START, deps.clock())
            if changed:
                deps.metrics.sms_keywords.labels(kind, said_in).inc()
        known = await sms_consent.language_at(work.conn, phone)
    # An English keyword is what everyone knows: answer in the person's own language if we know it.
    language = said_in if said_in != "en" else (known or deps.default_language)
    return reply(kind, language, deps.settings.library_name)


async def status(deps: Deps, delivery_id: UUID, params: Params, signature: str | None) -> None:
    """The provider's news of a text we sent: noted on its log line; not delivered fails the line (and says so)."""
    _verify(deps, f"/status/{delivery_id}", params, signature)
    form = dict(params)
    reported = form.get("MessageStatus") or form.get("SmsStatus") or ""
    code = form.get("ErrorCode")
    error = int(code) if code and code.isdigit() else None
    async with deps.uow() as work:
        changed = await sms_status.record(work.conn, delivery_id, reported, error, deps.clock())
        if not changed or reported not in NOT_DELIVERED:
            return
        line = await deliveries.get_delivery(work.conn, delivery_id)
        if line is None or line.status != "failed" or line.recipient_id is None:
            return
        await work.publish(NOTIFICATION_FAILED, NotificationFailed(
            notification_id=line.id, recipient_id=line.recipient_id, cause_event_id=line.cause_event_id,
            cause_type=line.cause_type, channel=line.channel, language=line.language, reason=line.reason or reported,
            attempts=line.attempts,
        ), key=str(line.recipient_id))
