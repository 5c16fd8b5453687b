"""One claimed delivery at its moment: decide (send, wait for the end of quiet hours, or not at all), render, send,
and say what to record. Nothing is written here: the dispatcher settles a round's attempts together."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from jinja2 import TemplateError
from pydantic import BaseModel

from lantern_shared.contracts import EventContract

from ..deps import Deps
from ..domain.deliveries import ClaimedDelivery, Status
from ..domain.messages import Channel, language_label
from ..domain.recipients import Recipient
from ..domain.sending import Defer, Send, Suppress, decide, retry_delay
from ..domain.sms import fit_sms, segment_budget
from ..events import NOTIFICATION_DELIVERED, NOTIFICATION_FAILED, NotificationDelivered, NotificationFailed
from ..store import sms_consent
from ..store.queue import Settlement
from .mailer import Email, Mailer
from .outcomes import ACCEPTED, Outcome
from .twilio import TwilioSms
from .templates import MissingTemplate, Rendered, Templates

log = logging.getLogger(__name__)

# How often a delivery whose recipient is not projected yet is looked at again (within `recipient_wait_s`).
RECIPIENT_RECHECK = timedelta(seconds=1)


@dataclass(frozen=True)
class Attempt:
    """What became of one claimed delivery this round, written with the round's others in one transaction."""

    delivery: ClaimedDelivery
    settlement: Settlement
    event: tuple[EventContract[Any], BaseModel] | None = None  # notification.delivered / .failed, to the outbox
    inbox: Rendered | None = None  # an in-app message, stored for the recipient to read
    invalid_address: bool = False  # the address or number itself was refused: remember it on the recipient
    counted: Callable[[], None] = lambda: None  # metrics and log lines, once the settlement is committed


class Sender:
    def __init__(self, deps: Deps, *, templates: Templates, mailer: Mailer, sms: TwilioSms) -> None:
        self.s = deps.settings
        self.policy = deps.policy
        self.clock = deps.clock
        self.metrics = deps.metrics
        self.uow = deps.uow
        self.templates = templates
        self.mailer = mailer
        self.sms = sms
        self._recipient_wait = timedelta(seconds=deps.settings.recipient_wait_s)

    async def attempt(self, d: ClaimedDelivery, now: datetime) -> Attempt:
        """Decide, render and send one delivery; what to record is returned, to be settled with the round."""
        recipient = d.recipient
        labels = (d.channel, language_label(recipient.language if recipient else d.language), d.category)
        if d.expires_at is not None and now >= d.expires_at:
            return Attempt(d, Settlement(d.id, Status.CANCELLED, reason="too_late"),
                           counted=lambda: self.metrics.expired.labels(d.channel, d.category).inc())
        if recipient is None and d.recipient_id is not None and now - d.created_at < self._recipient_wait:
            # Recipients and messages are two subscriptions read in no fixed order: someone who enrolled and
            # registered a moment ago may not be projected yet. Look again shortly before calling them unreachable.
            return Attempt(d, Settlement(d.id, Status.SCHEDULED, reason="recipient_unknown",
                                         send_after=now + RECIPIENT_RECHECK))
        decision = decide(now=now, message=d.message, category=d.category, channel=d.channel, recipient=recipient,
                          preferences=d.preferences, policy=self.policy)
        if isinstance(decision, Suppress):
            return Attempt(d, Settlement(d.id, Status.SUPPRESSED, reason=decision.reason),
                           counted=lambda: self.metrics.suppressed.labels(*labels, decision.reason).inc())
        if isinstance(decision, Defer):
            return Attempt(d, Settlement(d.id, Status.SCHEDULED, reason=decision.reason, send_after=decision.until),
                           counted=lambda: self.metrics.suppressed.labels(*labels, decision.reason).inc())
        assert isinstance(decision, Send) and recipient is not None
        if d.channel == Channel.SMS and (withheld := await self._sms_withheld(recipient)):
            return Attempt(d, Settlement(d.id, Status.SUPPRESSED, reason=withheld),
                           counted=lambda: self.metrics.suppressed.labels(*labels, withheld).inc())
        try:
            rendered = self._render(d, recipient)
        except (MissingTemplate, TemplateError, KeyError, ValueError, TypeError) as exc:
            # Data the template cannot use will not improve with retries: fail it now, visibly.
            log.error("delivery %s cannot be rendered: %s", d.id, type(exc).__name__)
            return self._given_up(d, recipient, Outcome(False, "render_failed", permanent=True), labels)
        if rendered.fell_back:
            self.metrics.template_fallbacks.labels(*labels).inc()
        outcome = await self._send(d, recipient, rendered)
        if outcome.accepted:
            return self._delivered(d, recipient, rendered, labels)
        if outcome.permanent or d.attempts + 1 >= self.s.max_attempts:
            return self._given_up(d, recipient, outcome, labels)
        delay = retry_delay(d.attempts + 1, initial_s=self.s.send_retry_initial_s, maximum_s=self.s.send_retry_max_s)

        def counted() -> None:
            self.metrics.retried.labels(d.channel).inc()
            log.warning("delivery %s failed (%s); attempt %d, retrying in %s", d.id, outcome.reason, d.attempts + 1,
                        delay)

        return Attempt(d, Settlement(d.id, Status.SCHEDULED, reason=outcome.reason, attempted=True,
                                     send_after=now + delay), counted=counted)

    def _render(self, d: ClaimedDelivery, recipient: Recipient) -> Rendered:
        if d.render_data is None:
            raise ValueError("render data no longer kept")
        return self.templates.render(
            d.message, language=recipient.language, timezone=d.timezone, data=d.render_data,
            recipient_name=recipient.name,
        )

    async def _sms_withheld(self, recipient: Recipient) -> str | None:
        """Texts go only to a number whose holder agreed to them; read now, so a STOP a moment ago holds."""
        async with self.uow() as work:
            consent = await sms_consent.get(work.conn, recipient.id)
        if consent is None or consent.phone != recipient.phone:
            return "no_sms_consent"
        return None if consent.opted_in else "sms_opted_out"

    async def _send(self, d: ClaimedDelivery, recipient: Recipient, rendered: Rendered) -> Outcome:
        if d.channel == Channel.EMAIL:
            return await self.mailer.send(Email(
                to=recipient.email or "", to_name=recipient.name, subject=rendered.subject, text=rendered.text,
                html=rendered.html, language=rendered.language, reference=str(d.id),
            ))
        if d.channel == Channel.SMS:
            budget = segment_budget(self.s.sms_segment_budget, rendered.language)
            return await self.sms.send(to=recipient.phone or "", body=fit_sms(rendered.sms, budget), reference=str(d.id))
        return ACCEPTED  # in-app: written to the inbox when settled

    def _delivered(
        self, d: ClaimedDelivery, recipient: Recipient, rendered: Rendered, labels: tuple[str, str, str]
    ) -> Attempt:
        def counted() -> None:
            self.metrics.sent.labels(*labels).inc()
            latency = self.clock() - d.cause_time
            self.metrics.latency.labels(d.channel, d.category).observe(max(latency, timedelta(0)).total_seconds())

        return Attempt(
            d, Settlement(d.id, Status.SENT, attempted=True, language=rendered.language),
            event=(NOTIFICATION_DELIVERED, NotificationDelivered(
                notification_id=d.id, recipient_id=recipient.id, cause_event_id=d.cause_event_id,
                cause_type=d.cause_type, channel=d.channel, language=rendered.language,
            )),
            inbox=rendered if d.channel == Channel.IN_APP else None, counted=counted,
        )

    def _given_up(
        self, d: ClaimedDelivery, recipient: Recipient, outcome: Outcome, labels: tuple[str, str, str]
    ) -> Attempt:
        attempted = outcome.reason != "render_failed"
        attempts = d.attempts + (1 if attempted else 0)

        def counted() -> None:
            self.metrics.failed.labels(*labels).inc()
            log.warning("delivery %s failed for good: %s after %d attempt(s)", d.id, outcome.reason, attempts)

        return Attempt(
            d, Settlement(d.id, Status.FAILED, reason=outcome.reason, attempted=attempted),
            event=(NOTIFICATION_FAILED, NotificationFailed(
                notification_id=d.id, recipient_id=recipient.id, cause_event_id=d.cause_event_id,
                cause_type=d.cause_type, channel=d.channel, language=d.language, reason=outcome.reason,
                attempts=attempts,
            )),
            invalid_address=outcome.invalid_address, counted=counted,
        )
