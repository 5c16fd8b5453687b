"""The dispatcher: claims deliveries that are due, decides at that moment, renders, sends, records the outcome.

A claim is committed before the send and settled after it, each in its own short transaction, so no database
connection waits on an SMTP server. If the process dies between a successful send and the settling, the claim's
lease runs out and the message is sent again: a rare duplicate is preferred to a lost message. SMS requests
carry the delivery id as idempotency key, so a gateway that honours it drops that duplicate.
"""

import asyncio
import logging
import uuid
from datetime import UTC, datetime, time, timedelta

import asyncpg
from jinja2 import TemplateError

from lantern_shared.outbox import Outbox

from . import store
from .channels import ACCEPTED, Email, Mailer, Outcome, SmsGateway
from .domain import (
    Channel, ClaimedDelivery, Defer, Policy, Preferences, QuietHours, Recipient, Send, Status, Suppress, decide,
    language_label, retry_delay,
)
from .events import NOTIFICATION_DELIVERED, NOTIFICATION_FAILED, NotificationDelivered, NotificationFailed
from .metrics import NotificationMetrics
from .settings import NotificationsSettings
from .templates import MissingTemplate, Rendered, Templates

log = logging.getLogger(__name__)


class Dispatcher:
    def __init__(
        self, settings: NotificationsSettings, *, templates: Templates, mailer: Mailer, sms: SmsGateway,
        metrics: NotificationMetrics, outbox: Outbox,
    ) -> None:
        self.s = settings
        self.templates = templates
        self.mailer = mailer
        self.sms = sms
        self.metrics = metrics
        self.outbox = outbox
        self.policy = Policy(
            timezone=settings.library_timezone,
            quiet_hours=QuietHours(start=time.fromisoformat(settings.quiet_hours_start),
                                   end=time.fromisoformat(settings.quiet_hours_end)),
        )

    async def run(self, pool: asyncpg.Pool, now: datetime | None = None) -> int:
        """Send everything due at `now` (the clock by default); returns how many deliveries were handled."""
        now = now or datetime.now(UTC)
        async with pool.acquire() as conn:
            await store.release_abandoned(conn)
        handled = 0
        while True:
            async with pool.acquire() as conn, conn.transaction():
                claimed = await store.claim_due(conn, now, limit=self.s.dispatch_batch, lease_s=self.s.send_lease_s)
            if claimed:
                limit = asyncio.Semaphore(self.s.send_concurrency)
                await asyncio.gather(*(self._guarded(pool, d, now, limit) for d in claimed))
                handled += len(claimed)
            if len(claimed) < self.s.dispatch_batch:
                break
        async with pool.acquire() as conn:
            self.metrics.scheduled.set(await store.scheduled_count(conn))
        return handled

    async def _guarded(self, pool: asyncpg.Pool, delivery: ClaimedDelivery, now: datetime, limit: asyncio.Semaphore) -> None:
        async with limit:
            try:
                await self.deliver(pool, delivery, now)
            except Exception:  # noqa: BLE001 - one delivery's trouble (database blip) must not stop the others
                # The claim stays; its lease runs out and it is tried again.
                log.exception("delivery %s could not be settled", delivery.id)

    async def deliver(self, pool: asyncpg.Pool, d: ClaimedDelivery, now: datetime) -> None:
        async with pool.acquire() as conn:
            recipient = await store.get_recipient(conn, d.recipient_id) if d.recipient_id else None
            preferences = await store.get_preferences(conn, d.recipient_id) if recipient else Preferences()
        labels = (d.channel, language_label(recipient.language if recipient else d.language), d.category)
        if d.expires_at is not None and now >= d.expires_at:
            async with pool.acquire() as conn:
                await store.settle(conn, d.id, Status.CANCELLED, now=now, reason="too_late")
            self.metrics.expired.labels(d.channel, d.category).inc()
            return
        decision = decide(now=now, message=d.message, category=d.category, channel=d.channel, recipient=recipient,
                          preferences=preferences, policy=self.policy)
        if isinstance(decision, Suppress):
            async with pool.acquire() as conn:
                await store.settle(conn, d.id, Status.SUPPRESSED, now=now, reason=decision.reason)
            self.metrics.suppressed.labels(*labels, decision.reason).inc()
            return
        if isinstance(decision, Defer):
            async with pool.acquire() as conn:
                await store.reschedule(conn, d.id, decision.until, reason=decision.reason, attempted=False)
            self.metrics.suppressed.labels(*labels, decision.reason).inc()
            return
        assert isinstance(decision, Send) and recipient is not None
        try:
            rendered = self._render(d, recipient)
        except (MissingTemplate, TemplateError, KeyError, ValueError, TypeError) as exc:
            # Data the template cannot use will not improve with retries: fail it now, visibly.
            log.error("delivery %s cannot be rendered: %s", d.id, type(exc).__name__)
            await self._give_up(pool, d, recipient, Outcome(False, "render_failed", permanent=True), now, labels)
            return
        if rendered.fell_back:
            self.metrics.template_fallbacks.labels(*labels).inc()
        outcome = await self._send(d, recipient, rendered)
        if outcome.accepted:
            await self._delivered(pool, d, recipient, rendered, now, labels)
        elif outcome.permanent or d.attempts + 1 >= self.s.max_attempts:
            await self._give_up(pool, d, recipient, outcome, now, labels)
        else:
            delay = retry_delay(d.attempts + 1, initial_s=self.s.send_retry_initial_s, maximum_s=self.s.send_retry_max_s)
            async with pool.acquire() as conn:
                await store.reschedule(conn, d.id, now + delay, reason=outcome.reason, attempted=True)
            self.metrics.retried.labels(d.channel).inc()
            log.warning("delivery %s failed (%s); attempt %d, retrying in %s", d.id, outcome.reason, d.attempts + 1, delay)

    def _render(self, d: ClaimedDelivery, recipient: Recipient) -> Rendered:
        if d.render_data is None:
            raise ValueError("render data no longer kept")
        return self.templates.render(
            d.message, language=recipient.language, timezone=d.timezone, data=d.render_data,
            recipient_name=recipient.name,
        )

    async def _send(self, d: ClaimedDelivery, recipient: Recipient, rendered: Rendered) -> Outcome:
        if d.channel == Channel.EMAIL:
            return await self.mailer.send(Email(
                to=recipient.email or "", to_name=recipient.name, subject=rendered.subject, text=rendered.text,
                html=rendered.html, language=rendered.language, reference=str(d.id),
            ))
        if d.channel == Channel.SMS:
            return await self.sms.send(to=recipient.phone or "", body=rendered.sms, reference=str(d.id))
        return ACCEPTED  # in-app: written to the inbox when settled, below

    async def _delivered(
        self, pool: asyncpg.Pool, d: ClaimedDelivery, recipient: Recipient, rendered: Rendered, now: datetime,
        labels: tuple[str, str, str],
    ) -> None:
        async with pool.acquire() as conn, conn.transaction():
            await store.settle(conn, d.id, Status.SENT, now=now, attempted=True, language=rendered.language)
            if d.channel == Channel.IN_APP:
                await store.add_to_inbox(
                    conn, message_id=uuid.uuid4(), recipient_id=recipient.id, delivery_id=d.id, message=d.message,
                    subject=rendered.subject, body=rendered.body,
                )
            await self.outbox.add(conn, NOTIFICATION_DELIVERED, NotificationDelivered(
                notification_id=d.id, recipient_id=recipient.id, cause_event_id=d.cause_event_id,
                cause_type=d.cause_type, channel=d.channel, language=rendered.language,
            ), key=str(recipient.id))
        self.metrics.sent.labels(*labels).inc()
        latency = datetime.now(UTC) - d.cause_time
        self.metrics.latency.labels(d.channel, d.category).observe(max(latency, timedelta(0)).total_seconds())

    async def _give_up(
        self, pool: asyncpg.Pool, d: ClaimedDelivery, recipient: Recipient, outcome: Outcome, now: datetime,
        labels: tuple[str, str, str],
    ) -> None:
        attempts = d.attempts + (0 if outcome.reason == "render_failed" else 1)
        async with pool.acquire() as conn, conn.transaction():
            await store.settle(conn, d.id, Status.FAILED, now=now, reason=outcome.reason,
                               attempted=outcome.reason != "render_failed")
            if outcome.invalid_address:
                await store.mark_address_invalid(conn, recipient.id, d.channel, now)
            await self.outbox.add(conn, NOTIFICATION_FAILED, NotificationFailed(
                notification_id=d.id, recipient_id=recipient.id, cause_event_id=d.cause_event_id,
                cause_type=d.cause_type, channel=d.channel, language=d.language, reason=outcome.reason,
                attempts=attempts,
            ), key=str(recipient.id))
        self.metrics.failed.labels(*labels).inc()
        log.warning("delivery %s failed for good: %s after %d attempt(s)", d.id, outcome.reason, attempts)


async def apply_retention(
    pool: asyncpg.Pool, *, render_data: timedelta, log: timedelta, now: datetime | None = None
) -> tuple[int, int]:
    """Drop what settled messages were rendered from, then whole log lines past the log's retention."""
    now = now or datetime.now(UTC)
    async with pool.acquire() as conn:
        dropped = await store.drop_render_data(conn, now - render_data)
        deleted = await store.delete_settled_before(conn, now - log)
    return dropped, deleted
