"""The dispatcher: claims deliveries as they fall due, has each attempted (sender.py), records the outcomes.

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
from time import monotonic
import uuid
from datetime import datetime, timedelta

import asyncpg
from opentelemetry.trace import SpanKind

from lantern_shared import tracing
from lantern_shared.notify import NotifySignal

from ..deps import Deps
from ..domain import digests
from ..domain.deliveries import ClaimedDelivery
from ..store import deliveries, inbox, queue, recipients
from ..store import digests as digest_members
from .sender import Attempt, Sender

log = logging.getLogger(__name__)

QUEUE_CHANNEL = "lantern_notifications_queue"  # NOTIFY of the deliveries trigger, migrations/0007_queue_wakeup.sql

# Shortest sleep between rounds: rows due but locked by another claimer are looked at again this soon, not in a spin.
MIN_SLEEP_S = 0.05
# How fresh the scheduled-queue gauge is kept, whatever the safety-net poll's interval.
SCHEDULED_GAUGE_S = 1.0


class Dispatcher:
    def __init__(self, deps: Deps, *, sender: Sender) -> None:
        self.s = deps.settings
        self.deps = deps  # its digest policy read at each round (tests change it)
        self.uow = deps.uow
        self.clock = deps.clock
        self.metrics = deps.metrics
        self.sender = sender
        self._gauge_at = 0.0  # monotonic time the scheduled gauge is next refreshed

    async def dispatch_forever(self, pool: asyncpg.Pool) -> None:
        """The dispatch job: send each delivery as soon as it falls due.

        Woken by the deliveries trigger's NOTIFY whenever a change to the queue commits: it sends what is due and
        notes when the earliest held row (reminder, quiet hours, back-off) falls due, then sleeps until then or the
        next change. A full round (abandoned claims back to the queue) runs every `dispatch_interval_s` and after the
        listening connection was re-established, so a lost notification delays a message by that interval at most.
        It runs as a job: one instance at a time holds the job's lock; a database error ends it and the job starts
        it again after the interval.
        """
        signal = NotifySignal(self.s.dsn, QUEUE_CHANNEL)
        full_round_at = held_due_at = 0.0  # monotonic times
        try:
            while True:
                reconnected = await signal.listen()
                changed = signal.pending
                signal.clear()  # before the round: what commits during it wakes the next one
                looked = True
                if reconnected or monotonic() >= full_round_at:
                    await self.run(pool)
                    full_round_at = monotonic() + self.s.dispatch_interval_s
                elif changed or monotonic() >= held_due_at:
                    await self.send_due(pool)
                else:
                    looked = False  # only the gauge's turn
                if monotonic() >= self._gauge_at:
                    await self._count_scheduled(pool)
                if looked:
                    held_due_at = await self._next_due_at(pool)
                if not signal.pending:
                    wake_at = min(full_round_at, held_due_at, self._gauge_at)
                    await signal.wait(max(wake_at - monotonic(), MIN_SLEEP_S))
        finally:
            await signal.close()

    async def run(self, pool: asyncpg.Pool, now: datetime | None = None) -> int:
        """A full round at `now` (the clock by default): abandoned claims back to the queue, then everything due."""
        async with pool.acquire() as conn:
            await queue.release_abandoned(conn)
        handled = await self.send_due(pool, now)
        await self._count_scheduled(pool)
        return handled

    async def send_due(self, pool: asyncpg.Pool, now: datetime | None = None) -> int:
        """Claim and send what is due, a batch at a time; returns how many deliveries were handled.

        What is claimed may open a digest (domain/digests.py): its other members still waiting are claimed with it,
        and each group goes out as one message."""
        handled = 0
        while True:
            at = now or self.clock()
            async with pool.acquire() as conn, conn.transaction():  # leads and their members under one lock
                claimed = await queue.claim_due(conn, at, limit=self.s.dispatch_batch, lease_s=self.s.send_lease_s)
                members = await digest_members.claim_members(
                    conn, claimed, at, window=self.deps.digests.window, limit=self.s.dispatch_batch,
                    lease_s=self.s.send_lease_s)
            if claimed:
                limit = asyncio.Semaphore(self.s.send_concurrency)
                rounds = await asyncio.gather(*(self._guarded(group, at, limit)
                                                for group in digests.groups(claimed + members)))
                await self._settle([a for attempts in rounds for a in attempts], at)
                handled += len(claimed) + len(members)
            if len(claimed) < self.s.dispatch_batch:
                return handled

    async def _count_scheduled(self, pool: asyncpg.Pool) -> None:
        async with pool.acquire() as conn:
            self.metrics.scheduled.set(await deliveries.scheduled_count(conn))
        self._gauge_at = monotonic() + SCHEDULED_GAUGE_S

    async def _next_due_at(self, pool: asyncpg.Pool) -> float:
        """The monotonic time the earliest held delivery falls due (infinity when none waits)."""
        async with pool.acquire() as conn:
            next_due = await queue.next_due(conn)
        if next_due is None:
            return math.inf
        return monotonic() + (next_due - self.clock()).total_seconds()

    async def _guarded(self, group: list[ClaimedDelivery], now: datetime, limit: asyncio.Semaphore) -> list[Attempt]:
        async with limit:
            try:
                # The send as a CLIENT span of the trace whose handling planned it (the first one's, for a digest).
                with tracing.span(f"send {group[0].channel} {group[0].message}", kind=SpanKind.CLIENT,
                                  parent=group[0].traceparent, component="delivery",
                                  attributes={"lantern.deliveries": len(group)}):
                    return await self.sender.attempt_together(group, now)
            except Exception:  # noqa: BLE001 - one delivery's trouble must not stop the others
                # The claims stay; their leases run out and they are tried again.
                log.exception("delivery %s could not be attempted", group[0].id)
                return []

    async def _settle(self, attempts: list[Attempt], now: datetime) -> None:
        """The round in one transaction; if that fails, one by one, so one bad row cannot hold back the others
        (an unsettled claim is sent again when its lease runs out)."""
        if not attempts:
            return
        try:
            await self._commit(attempts, now)
            settled = attempts
        except Exception:  # noqa: BLE001 - the claims stay; their leases run out and they are tried again
            if len(attempts) == 1:
                log.exception("delivery %s could not be settled", attempts[0].delivery.id)
                return
            log.warning("settling %d deliveries together failed; settling them one by one", len(attempts))
            settled = []
            for attempt in attempts:
                try:
                    await self._commit([attempt], now)
                    settled.append(attempt)
                except Exception:  # noqa: BLE001 - one delivery that cannot be settled must not stop the round
                    log.exception("delivery %s could not be settled", attempt.delivery.id)
        for attempt in settled:
            attempt.counted()

    async def _commit(self, attempts: list[Attempt], now: datetime) -> None:
        async with self.uow() as work:
            await queue.settle_many(work.conn, [a.settlement for a in attempts], now=now)
            for a in attempts:
                d = a.delivery
                if d.recipient is None:
                    continue
                if a.inbox is not None:
                    await inbox.add_to_inbox(
                        work.conn, message_id=uuid.uuid4(), recipient_id=d.recipient.id, delivery_id=d.id,
                        message=a.notice or d.message, subject=a.inbox.subject, body=a.inbox.body,
                    )
                if a.invalid_address:
                    await recipients.mark_address_invalid(work.conn, d.recipient.id, d.channel, now)
                if a.event is not None:
                    contract, data = a.event
                    await work.publish(contract, data, key=str(d.recipient.id))


async def apply_retention(
    pool: asyncpg.Pool, *, render_data: timedelta, log: timedelta, now: datetime
) -> tuple[int, int]:
    """Drop what settled messages were rendered from, then whole log lines past the log's retention."""
    async with pool.acquire() as conn:
        dropped = await deliveries.drop_render_data(conn, now - render_data)
        deleted = await deliveries.delete_settled_before(conn, now - log)
    return dropped, deleted
