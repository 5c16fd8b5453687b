"""The dispatcher: claims deliveries as they fall due, decides at that moment, renders, sends, records the outcome.

A claim is committed before the send and settled after it, each in its own short transaction, so no database
connection waits on an SMTP server. If the process dies between a successful send and the settling, the claim's
lease runs out and the message is sent again: a rare duplicate is preferred to a lost message. SMS requests
carry the delivery id as idempotency key, so a gateway that honours it drops that duplicate.

Latency: the dispatcher sleeps until a delivery falls due (woken by the deliveries trigger's NOTIFY, or at the
earliest held delivery's time), claims what is due with its recipient and preferences in one statement, sends the
batch concurrently over the mailer's open connections, and settles the batch in one transaction.
"""

import asyncio
import logging
import math
import time as clock
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any

import asyncpg
from jinja2 import TemplateError
from pydantic import BaseModel

from lantern_shared.contracts import EventContract
from lantern_shared.notify import NotifySignal
from lantern_shared.outbox import Outbox

from . import store
from .channels import ACCEPTED, Email, Mailer, Outcome, SmsGateway
from .domain import (
    Channel, ClaimedDelivery, Defer, Policy, QuietHours, Recipient, Send, Status, Suppress, decide, language_label,
    retry_delay,
)
from .events import NOTIFICATION_DELIVERED, NOTIFICATION_FAILED, NotificationDelivered, NotificationFailed
from .metrics import NotificationMetrics
from .settings import NotificationsSettings
from .store import Settlement
from .templates import MissingTemplate, Rendered, Templates

log = logging.getLogger(__name__)

QUEUE_CHANNEL = "lantern_notifications_queue"  # NOTIFY of the deliveries trigger, migrations/0007_queue_wakeup.sql

# Shortest sleep between rounds: rows due but locked by another claimer are looked at again this soon, not in a spin.
MIN_SLEEP_S = 0.05
# How fresh the scheduled-queue gauge is kept, whatever the safety-net poll's interval.
SCHEDULED_GAUGE_S = 1.0
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
        self._gauge_at = 0.0  # monotonic time the scheduled gauge is next refreshed
        self._recipient_wait = timedelta(seconds=settings.recipient_wait_s)

    async def dispatch_forever(self, pool: asyncpg.Pool) -> None:
        """The dispatch job: send each delivery as soon as it falls due.

        Woken by the deliveries trigger's NOTIFY whenever a change to the queue commits: it sends what is due and
        notes when the earliest held row (reminder, quiet hours, back-off) falls due, then sleeps until then or the
        next change. A full round (abandoned claims back to the queue) runs every `dispatch_interval_s` and after the
        listening connection was re-established, so a lost notification delays a message by that interval at most.
        It runs as a job: one instance at a time holds the job's lock; a database error ends it and the job starts
        it again after the interval.
        """
        queue = NotifySignal(self.s.dsn, QUEUE_CHANNEL)
        full_round_at = held_due_at = 0.0  # monotonic times
        try:
            while True:
                reconnected = await queue.listen()
                changed = queue.pending
                queue.clear()  # before the round: what commits during it wakes the next one
                looked = True
                if reconnected or clock.monotonic() >= full_round_at:
                    await self.run(pool)
                    full_round_at = clock.monotonic() + self.s.dispatch_interval_s
                elif changed or clock.monotonic() >= held_due_at:
                    await self.send_due(pool)
                else:
                    looked = False  # only the gauge's turn
                if clock.monotonic() >= self._gauge_at:
                    await self._count_scheduled(pool)
                if looked:
                    held_due_at = await self._next_due_at(pool)
                if not queue.pending:
                    wake_at = min(full_round_at, held_due_at, self._gauge_at)
                    await queue.wait(max(wake_at - clock.monotonic(), MIN_SLEEP_S))
        finally:
            await queue.close()

    async def run(self, pool: asyncpg.Pool, now: datetime | None = None) -> int:
        """A full round at `now` (the clock by default): abandoned claims back to the queue, then everything due."""
        async with pool.acquire() as conn:
            await store.release_abandoned(conn)
        handled = await self.send_due(pool, now)
        await self._count_scheduled(pool)
        return handled

    async def send_due(self, pool: asyncpg.Pool, now: datetime | None = None) -> int:
        """Claim and send what is due, a batch at a time; returns how many deliveries were handled."""
        handled = 0
        while True:
            at = now or datetime.now(UTC)
            async with pool.acquire() as conn:
                claimed = await store.claim_due(conn, at, limit=self.s.dispatch_batch, lease_s=self.s.send_lease_s)
            if claimed:
                limit = asyncio.Semaphore(self.s.send_concurrency)
                attempts = await asyncio.gather(*(self._guarded(d, at, limit) for d in claimed))
                await self._settle(pool, [a for a in attempts if a is not None], at)
                handled += len(claimed)
            if len(claimed) < self.s.dispatch_batch:
                return handled

    async def _count_scheduled(self, pool: asyncpg.Pool) -> None:
        async with pool.acquire() as conn:
            self.metrics.scheduled.set(await store.scheduled_count(conn))
        self._gauge_at = clock.monotonic() + SCHEDULED_GAUGE_S

    async def _next_due_at(self, pool: asyncpg.Pool) -> float:
        """The monotonic time the earliest held delivery falls due (infinity when none waits)."""
        async with pool.acquire() as conn:
            next_due = await store.next_due(conn)
        if next_due is None:
            return math.inf
        return clock.monotonic() + (next_due - datetime.now(UTC)).total_seconds()

    async def _guarded(self, d: ClaimedDelivery, now: datetime, limit: asyncio.Semaphore) -> Attempt | None:
        async with limit:
            try:
                return await self.attempt(d, now)
            except Exception:  # noqa: BLE001 - one delivery's trouble must not stop the others
                # The claim stays; its lease runs out and it is tried again.
                log.exception("delivery %s could not be attempted", d.id)
                return None

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

    async def _send(self, d: ClaimedDelivery, recipient: Recipient, rendered: Rendered) -> Outcome:
        if d.channel == Channel.EMAIL:
            return await self.mailer.send(Email(
                to=recipient.email or "", to_name=recipient.name, subject=rendered.subject, text=rendered.text,
                html=rendered.html, language=rendered.language, reference=str(d.id),
            ))
        if d.channel == Channel.SMS:
            return await self.sms.send(to=recipient.phone or "", body=rendered.sms, reference=str(d.id))
        return ACCEPTED  # in-app: written to the inbox when settled

    def _delivered(
        self, d: ClaimedDelivery, recipient: Recipient, rendered: Rendered, labels: tuple[str, str, str]
    ) -> Attempt:
        def counted() -> None:
            self.metrics.sent.labels(*labels).inc()
            latency = datetime.now(UTC) - d.cause_time
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

    async def _settle(self, pool: asyncpg.Pool, attempts: list[Attempt], now: datetime) -> None:
        """The round in one transaction; if that fails, one by one, so one bad row cannot hold back the others
        (an unsettled claim is sent again when its lease runs out)."""
        if not attempts:
            return
        try:
            await self._commit(pool, attempts, now)
            settled = attempts
        except Exception:  # noqa: BLE001 - the claims stay; their leases run out and they are tried again
            if len(attempts) == 1:
                log.exception("delivery %s could not be settled", attempts[0].delivery.id)
                return
            log.warning("settling %d deliveries together failed; settling them one by one", len(attempts))
            settled = []
            for attempt in attempts:
                try:
                    await self._commit(pool, [attempt], now)
                    settled.append(attempt)
                except Exception:  # noqa: BLE001
                    log.exception("delivery %s could not be settled", attempt.delivery.id)
        for attempt in settled:
            attempt.counted()

    async def _commit(self, pool: asyncpg.Pool, attempts: list[Attempt], now: datetime) -> None:
        async with pool.acquire() as conn, conn.transaction():
            await store.settle_many(conn, [a.settlement for a in attempts], now=now)
            for a in attempts:
                d = a.delivery
                if d.recipient is None:
                    continue
                if a.inbox is not None:
                    await store.add_to_inbox(
                        conn, message_id=uuid.uuid4(), recipient_id=d.recipient.id, delivery_id=d.id,
                        message=d.message, subject=a.inbox.subject, body=a.inbox.body,
                    )
                if a.invalid_address:
                    await store.mark_address_invalid(conn, d.recipient.id, d.channel, now)
                if a.event is not None:
                    contract, data = a.event
                    await self.outbox.add(conn, contract, data, key=str(d.recipient.id))


async def apply_retention(
    pool: asyncpg.Pool, *, render_data: timedelta, log: timedelta, now: datetime | None = None
) -> tuple[int, int]:
    """Drop what settled messages were rendered from, then whole log lines past the log's retention."""
    now = now or datetime.now(UTC)
    async with pool.acquire() as conn:
        dropped = await store.drop_render_data(conn, now - render_data)
        deleted = await store.delete_settled_before(conn, now - log)
    return dropped, deleted
