"""One claimed delivery at its moment: decide (send, wait for the end of quiet hours, or not at all), render, send,
and say what to record. Nothing is written here: the dispatcher settles a round's attempts together."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from jinja2 import TemplateError
from pydantic import BaseModel

from lantern_shared.contracts import EventContract

from ..deps import Deps
from ..domain import digests
from ..domain.deliveries import ClaimedDelivery, Status
from ..domain.messages import Channel, language_label
from ..domain.recipients import Recipient
from ..domain.sending import Defer, Send, Suppress, Suppression, decide, retry_delay
from ..domain.sms import fit_sms, segment_budget
from ..events import NOTIFICATION_DELIVERED, NOTIFICATION_FAILED, NotificationDelivered, NotificationFailed
from ..store import sms_consent
from ..store.queue import Settlement
from .calendar_file import ics_for
from .mailer import Email, Mailer
from .outcomes import ACCEPTED, Outcome
from .twilio import TwilioSms
from .templates import MissingTemplate, Rendered, Templates

log = logging.getLogger(__name__)

RENDER_ERRORS = (MissingTemplate, TemplateError, KeyError, ValueError, TypeError)

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
    notice: str | None = None  # sent as a digest: the notice that carried it (the inbox lists it by that name)


class Sender:
    def __init__(self, deps: Deps, *, templates: Templates, mailer: Mailer, sms: TwilioSms) -> None:
        self.s = deps.settings
        self.deps = deps  # its digest policy read at each send (tests change it)
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
        early = await self.before_sending(d, now)
        if early is not None:
            return early
        try:
            rendered = self.render(d)
        except RENDER_ERRORS as exc:
            return self.unrenderable(d, exc)
        [attempt] = await self.send_as_one([d], rendered, now)
        return attempt

    async def attempt_together(self, members: list[ClaimedDelivery], now: datetime) -> list[Attempt]:
        """Deliveries to one person on one channel (domain/digests.py): those still to be sent at this moment go out
        as one message, a digest composed of their own rendered texts, or alone when only one is left."""
        if len(members) == 1:
            return [await self.attempt(members[0], now)]
        attempts: list[Attempt] = []
        ready: list[tuple[ClaimedDelivery, Rendered]] = []
        for d in members:
            early = await self.before_sending(d, now)
            if early is not None:
                attempts.append(early)
                continue
            try:
                ready.append((d, self.render(d)))
            except RENDER_ERRORS as exc:
                attempts.append(self.unrenderable(d, exc))
        if len(ready) == 1:
            return attempts + await self.send_as_one([ready[0][0]], ready[0][1], now)
        if not ready:
            return attempts
        notice = digests.notice_for([d.message for d, _ in ready])
        try:
            digest = self._render_digest(notice, ready)
        except RENDER_ERRORS as exc:
            # Each on its own rather than none at all; the missing notice shows in the log and the metrics.
            log.error("digest %s cannot be rendered (%s); sending its %d messages one by one", notice,
                      type(exc).__name__, len(ready))
            for d, rendered in ready:
                attempts += await self.send_as_one([d], rendered, now)
            return attempts
        return attempts + await self.send_as_one([d for d, _ in ready], digest, now, notice=notice)

    async def before_sending(self, d: ClaimedDelivery, now: datetime) -> Attempt | None:
        """What becomes of a delivery that is not to be sent at this moment (too late, held, muted...); None: send."""
        recipient = d.recipient
        labels = self._labels(d)
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
        if (isinstance(decision, Defer) and decision.reason == Suppression.QUIET_HOURS
                and digests.bypasses_quiet_hours(d.message, self.deps.digests)):
            decision = Send()  # a recall, an account or sign-in code: at any hour
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
        return None

    def unrenderable(self, d: ClaimedDelivery, exc: Exception) -> Attempt:
        # Data the template cannot use will not improve with retries: fail it now, visibly.
        log.error("delivery %s cannot be rendered: %s", d.id, type(exc).__name__)
        assert d.recipient is not None
        return self._given_up(d, d.recipient, Outcome(False, "render_failed", permanent=True), self._labels(d))

    async def send_as_one(
        self, members: list[ClaimedDelivery], rendered: Rendered, now: datetime, *, notice: str | None = None
    ) -> list[Attempt]:
        """Send `rendered` once, as the first member's message (its id is the reference and idempotency key), and
        record the outcome on every member: all sent, all retried together, or all failed."""
        lead = members[0]
        recipient = lead.recipient
        assert recipient is not None
        if rendered.fell_back:
            self.metrics.template_fallbacks.labels(*self._labels(lead)).inc()
        outcome = await self._send(lead, recipient, rendered)
        digest_id = lead.id if len(members) > 1 else None
        if outcome.accepted:
            return [self._delivered(d, recipient, rendered, self._labels(d), digest_id=digest_id,
                                    inbox=d is lead, notice=notice) for d in members]
        if outcome.permanent or lead.attempts + 1 >= self.s.max_attempts:
            return [self._given_up(d, recipient, outcome, self._labels(d)) for d in members]
        delay = retry_delay(lead.attempts + 1, initial_s=self.s.send_retry_initial_s, maximum_s=self.s.send_retry_max_s)

        def counted() -> None:
            self.metrics.retried.labels(lead.channel).inc()
            log.warning("delivery %s failed (%s); attempt %d, retrying in %s", lead.id, outcome.reason,
                        lead.attempts + 1, delay)

        return [Attempt(d, Settlement(d.id, Status.SCHEDULED, reason=outcome.reason, attempted=True,
                                      send_after=now + delay, digest_id=digest_id),
                        counted=counted if d is lead else lambda: None)
                for d in members]

    def _labels(self, d: ClaimedDelivery) -> tuple[str, str, str]:
        return (d.channel, language_label(d.recipient.language if d.recipient else d.language), d.category)

    def _render_digest(self, notice: str, members: list[tuple[ClaimedDelivery, Rendered]]) -> Rendered:
        lead = members[0][0]
        assert lead.recipient is not None
        library = self.templates.library_name
        items = [{"subject": r.subject, "paragraphs": digests.paragraphs(r.body, lead.recipient.name),
                  "sms": digests.sms_line(r.sms, library)} for _, r in members]
        return self.templates.render(notice, language=lead.recipient.language, timezone=lead.timezone,
                                     data={"count": len(items), "items": items}, recipient_name=lead.recipient.name)

    def render(self, d: ClaimedDelivery) -> Rendered:
        assert d.recipient is not None
        return self._render(d, d.recipient)

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
                calendar=ics_for(d.message, d.render_data, self.clock()),
            ))
        if d.channel == Channel.SMS:
            budget = segment_budget(self.s.sms_segment_budget, rendered.language)
            return await self.sms.send(to=recipient.phone or "", body=fit_sms(rendered.sms, budget), reference=str(d.id))
        return ACCEPTED  # in-app: written to the inbox when settled

    def _delivered(
        self, d: ClaimedDelivery, recipient: Recipient, rendered: Rendered, labels: tuple[str, str, str], *,
        digest_id: UUID | None = None, inbox: bool = True, notice: str | None = None,
    ) -> Attempt:
        def counted() -> None:
            self.metrics.sent.labels(*labels).inc()
            latency = self.clock() - d.cause_time
            self.metrics.latency.labels(d.channel, d.category).observe(max(latency, timedelta(0)).total_seconds())

        return Attempt(
            d, Settlement(d.id, Status.SENT, attempted=True, language=rendered.language, digest_id=digest_id),
            event=(NOTIFICATION_DELIVERED, NotificationDelivered(
                notification_id=d.id, recipient_id=recipient.id, cause_event_id=d.cause_event_id,
                cause_type=d.cause_type, channel=d.channel, language=rendered.language,
            )),
            inbox=rendered if d.channel == Channel.IN_APP and inbox else None, notice=notice, counted=counted,
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
