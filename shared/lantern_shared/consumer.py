"""The idempotent consumer: inbox de-duplication, dead-lettering of poison events, retry of transient failures.

A fetched batch is applied in one transaction: its events are read and validated first (poison of those kinds goes
to the DLQ without touching the database), then one statement records every event's id in the inbox, each fresh
event's handler runs in record order on that transaction's connection, and one COMMIT makes them all durable. That is
one WAL flush and a handful of round trips per batch instead of per event, with the same guarantee: an event's effect
and its inbox row commit together, or neither does.

When a handler fails for good (not a transient database failure), the batch is rolled back and applied again in
order: the events before the failing one together, the failing one alone (as each event used to be applied, so it
is dead-lettered with its own reason unless it succeeds on its own), then the rest together. Transient failures are
retried with back-off, never dead-lettered. The offset is committed only after every event of the batch has been
applied, dead-lettered or recognised as a duplicate.
"""

import asyncio
import contextlib
import functools
import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import asyncpg
from aiokafka import ConsumerRecord
from faststream import AckPolicy
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage
from faststream.message import StreamMessage
from opentelemetry.trace import SpanKind
from pydantic import BaseModel, ValidationError

from . import tracing
from .backoff import Backoff
from .contracts import EventContract
from .db import is_transient
from .dlq import DeadLetters
from .envelope import CloudEvent, InvalidEnvelope, parse_event
from .logging import correlation_id
from .metrics import Metrics
from .outbox import Outbox
from .sealing import KeyStore, Shredded, is_sealed, open_sealed

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EventContext:
    """What a handler gets beside the event's data: the envelope, the transaction's connection, the outbox."""

    event: CloudEvent
    conn: asyncpg.Connection
    outbox: Outbox
    # In a run given to a batch handler: this event's own CONSUMER span, for the work done for it alone, so what it
    # causes (a delivery, an event) continues its trace rather than the run's.
    own_span: Callable[[], contextlib.AbstractContextManager[object]] | None = None

    def span(self) -> contextlib.AbstractContextManager[object]:
        """Around a batch handler's work for this event (nothing outside a run: the handler's span is the event's)."""
        return self.own_span() if self.own_span is not None else contextlib.nullcontext()

    async def publish(self, contract: EventContract[Any], data: BaseModel, *, key: str, subject: str | None = None) -> CloudEvent:
        """Write an event caused by this one into the outbox, in this event's transaction."""
        return await self.outbox.add(self.conn, contract, data, key=key, subject=subject)


Handler = Callable[[Any, EventContext], Awaitable[None]]
# Optional, beside a route's handler: a run of consecutive fresh events of one type at once, with exactly the effect
# of the handler applied to each in order (e.g. one `executemany` for a projection's upserts).
BatchHandler = Callable[[list[tuple[Any, EventContext]]], Awaitable[None]]

# One statement records a whole batch; RETURNING names the events the inbox had not seen (the fresh ones).
_RECORD_INBOX = """
    INSERT INTO inbox (consumer, source, event_id, event_type)
    SELECT $1, source, event_id, event_type FROM unnest($2::text[], $3::text[], $4::text[]) AS e(source, event_id, event_type)
    ON CONFLICT DO NOTHING RETURNING source, event_id
"""

# PostgreSQL answers COMMIT of an aborted transaction with a silent ROLLBACK. A handler that swallowed a database
# error would so lose its whole batch; asking once before COMMIT turns that into an error we can isolate.
_STILL_HEALTHY = "SELECT 1"


@dataclass(frozen=True)
class Route:
    model: type[BaseModel]
    handler: Handler
    batch: BatchHandler | None = None


@dataclass
class Subscription:
    """One consumer group of a service: the topics it reads and what it does with each event type."""

    name: str
    topics: list[str]
    routes: dict[str, Route]
    ignore: frozenset[str] = field(default_factory=frozenset)  # known types this subscription does not need

    def on(self, event_type: str, model: type[BaseModel]) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self.routes[event_type] = Route(model, handler)
            return handler

        return register


class Poison(Exception):
    """An event that can never be applied as it stands: it goes to the dead-letter topic."""

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


@dataclass(frozen=True)
class Delivery:
    """An event read and validated, ready for its handler."""

    record: ConsumerRecord
    event: CloudEvent
    route: Route
    data: BaseModel

    @property
    def inbox_key(self) -> tuple[str, str]:
        return self.event.source, self.event.id


class _BatchHandlerFailed(Exception):
    """A batch handler failed for good: the batch is applied again with each event's own handler, which finds
    the event at fault."""


class _HandlerFailed(Exception):
    """A handler failed for good inside a batch: the batch is rolled back and this delivery isolated."""

    def __init__(self, index: int) -> None:
        super().__init__(index)
        self.index = index


@dataclass
class _Applied:
    """What a committed batch did, for the metrics: which deliveries ran their handler and for how long."""

    fresh: list[bool]
    handler_seconds: list[float]


class EventProcessor:
    def __init__(
        self,
        subscription: Subscription,
        *,
        service: str,
        pool: asyncpg.Pool | None,
        dead_letters: DeadLetters,
        outbox: Outbox,
        metrics: Metrics,
        backoff: Backoff | None = None,
        keys: KeyStore | None = None,
    ) -> None:
        self.keys = keys
        self.subscription = subscription
        self.consumer = f"{service}.{subscription.name}"
        self.pool = pool
        self.dead_letters = dead_letters
        self.outbox = outbox
        self.metrics = metrics
        self.backoff = backoff or Backoff()
        self._children: dict[tuple[Any, tuple[str, ...]], Any] = {}

    async def process_batch(self, records: Iterable[ConsumerRecord]) -> None:
        deliveries = [delivery for record in records if (delivery := await self._read(record)) is not None]
        await self._apply_in_order(deliveries)

    async def _read(self, record: ConsumerRecord) -> Delivery | None:
        """Parse and validate a record; poison goes to the DLQ here, before any database work."""
        try:
            event = parse_event(record.value, record.headers or ())
        except InvalidEnvelope as exc:
            await self._dead_letter(record, Poison("invalid_envelope", str(exc)), "unknown")
            return None
        route = self.subscription.routes.get(event.type)
        if route is None:
            if event.type in self.subscription.ignore:
                self._child(self.metrics.events_handled, event.type, "ignored").inc()
            else:
                await self._dead_letter(record, Poison("unknown_type", f"unknown event type {event.type!r}"), event.type)
            return None
        if is_sealed(event.data):
            try:
                event = await self._open(event)
            except Shredded:
                # Its patron was erased and the key destroyed: nothing in it may be used any more. Not poison.
                self._child(self.metrics.events_handled, event.type, "shredded").inc()
                return None
            except (ValueError, RuntimeError) as exc:
                await self._dead_letter(record, Poison("invalid_data", f"{event.type} data: {exc}"), event.type)
                return None
        try:
            data = route.model.model_validate(event.data)
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'data'}: {e['msg']}" for e in exc.errors())
            await self._dead_letter(record, Poison("invalid_data", f"{event.type} data: {problems}"), event.type)
            return None
        return Delivery(record, event, route, data)

    async def _open(self, event: CloudEvent) -> CloudEvent:
        """The event with its sealed personal fields opened; the key store being away is retried, never skipped."""
        if self.keys is None:
            raise RuntimeError("the event carries sealed personal data and this service has no key store")
        backoff = Backoff(self.backoff.initial, self.backoff.maximum)
        while True:
            try:
                return event.model_copy(update={"data": await open_sealed(self.keys, event.data)})
            except Exception as exc:
                if not is_transient(exc):
                    raise
                delay = backoff.next_delay()
                log.warning("key store unavailable (%s); retrying in %.1fs", type(exc).__name__, delay)
                await asyncio.sleep(delay)

    async def _apply_in_order(self, deliveries: Sequence[Delivery], *, batched: bool = True) -> None:
        """Apply deliveries in record order, together while they succeed, isolating any that fails for good."""
        while deliveries:
            try:
                await self._apply_together(deliveries, batched=batched)
                return
            except _BatchHandlerFailed:
                log.warning("a batch handler failed; applying the batch's events with their own handlers")
                batched = False
            except _HandlerFailed as failed:
                # What came before the failing event still goes first (events of one key stay in order).
                await self._apply_in_order(deliveries[: failed.index], batched=False)
                await self._apply_alone(deliveries[failed.index])
                deliveries = deliveries[failed.index + 1 :]
            except Exception:  # noqa: BLE001 - the batch's own statements failed: fall back to one event at a time
                log.exception("applying a batch of %d events failed; applying them one at a time", len(deliveries))
                for delivery in deliveries:
                    await self._apply_alone(delivery)
                return

    async def _apply_together(self, deliveries: Sequence[Delivery], *, batched: bool = False) -> None:
        """One transaction for all: inbox rows, handlers, COMMIT. Retries transient failures; raises the rest."""
        assert self.pool is not None, "the runtime hands the processor its pool at start"
        backoff = Backoff(self.backoff.initial, self.backoff.maximum)
        started = time.perf_counter()
        writes = self.outbox.writes
        while True:
            try:
                async with self.pool.acquire() as conn, conn.transaction():
                    applied = await self._run_handlers(conn, deliveries, batched=batched)
                    await conn.fetchval(_STILL_HEALTHY)
                self.outbox.committed_since(writes)  # what the handlers published may go out now
                break
            except Exception as exc:
                if not is_transient(exc):
                    raise
                self.metrics.event_retries.labels(self.subscription.name).inc()
                delay = backoff.next_delay()
                log.warning("applying %d events failed (%s); retrying in %.1fs", len(deliveries), type(exc).__name__, delay)
                await asyncio.sleep(delay)
        self._count(deliveries, applied, time.perf_counter() - started)

    async def _run_handlers(self, conn: asyncpg.Connection, deliveries: Sequence[Delivery], *, batched: bool) -> _Applied:
        unseen = list(dict.fromkeys(d.inbox_key for d in deliveries))  # a batch may hold one event twice
        types = {d.inbox_key: d.event.type for d in deliveries}
        rows = await conn.fetch(
            _RECORD_INBOX, self.consumer, [s for s, _ in unseen], [i for _, i in unseen], [types[k] for k in unseen]
        )
        fresh_keys = {(row["source"], row["event_id"]) for row in rows}
        fresh: list[bool] = []
        for delivery in deliveries:
            fresh.append(delivery.inbox_key in fresh_keys)
            fresh_keys.discard(delivery.inbox_key)  # a second copy in the same batch is a duplicate
        applied = _Applied(fresh=fresh, handler_seconds=[0.0] * len(deliveries))
        index = 0
        while index < len(deliveries):
            delivery = deliveries[index]
            end = index + 1
            if batched and fresh[index] and delivery.route.batch is not None:
                while end < len(deliveries) and fresh[end] and deliveries[end].route is delivery.route:
                    end += 1
            started = time.perf_counter()
            if end - index > 1:
                await self._handle_run(conn, deliveries[index:end])
            elif fresh[index]:
                try:
                    await self._handle(conn, delivery)
                except Exception as exc:
                    if is_transient(exc):
                        raise
                    raise _HandlerFailed(index) from exc
            share = (time.perf_counter() - started) / (end - index)
            applied.handler_seconds[index:end] = [share] * (end - index)
            index = end
        return applied

    async def _handle_run(self, conn: asyncpg.Connection, run: Sequence[Delivery]) -> None:
        token = correlation_id.set(run[0].event.correlationid)
        batch = run[0].route.batch
        assert batch is not None, "only runs of a route with a batch handler are handled together"
        try:
            with self._span(run[0], len(run)):
                await batch([(d.data, EventContext(d.event, conn, self.outbox, functools.partial(self._span, d)))
                             for d in run])
        except Exception as exc:
            if is_transient(exc):
                raise
            raise _BatchHandlerFailed() from exc
        finally:
            correlation_id.reset(token)

    async def _handle(self, conn: asyncpg.Connection, delivery: Delivery) -> None:
        token = correlation_id.set(delivery.event.correlationid)
        try:
            with self._span(delivery):
                await delivery.route.handler(delivery.data, EventContext(delivery.event, conn, self.outbox))
        finally:
            correlation_id.reset(token)

    def _span(self, delivery: Delivery, events: int = 1) -> contextlib.AbstractContextManager[object]:
        """The handling as a CONSUMER span: child of the relay's publish span (the record's header), else of the
        transaction that wrote the event (the envelope's traceparent). What the handler writes continues from it."""
        parent = tracing.kafka_traceparent(delivery.record.headers) or delivery.event.traceparent
        return tracing.span(f"{self.consumer} process {delivery.event.type}", kind=SpanKind.CONSUMER, parent=parent,
                            component="consumer", attributes={"messaging.batch.message_count": events})

    async def _apply_alone(self, delivery: Delivery) -> None:
        """The event in a transaction of its own: applied, or dead-lettered with its reason if its handler fails."""
        try:
            await self._apply_together([delivery])
        except Exception as exc:  # noqa: BLE001 - not transient (those are retried inside): the event is poison
            cause = exc.__cause__ if isinstance(exc, _HandlerFailed) and exc.__cause__ is not None else exc
            token = correlation_id.set(delivery.event.correlationid)
            try:
                log.error("handler for %s failed", delivery.event.type, exc_info=cause)
                reason = f"handler failed: {type(cause).__name__}: {cause}"
                await self._dead_letter(delivery.record, Poison("handler_error", reason), delivery.event.type)
            finally:
                correlation_id.reset(token)

    def _count(self, deliveries: Sequence[Delivery], applied: _Applied, elapsed: float) -> None:
        """Per-event metrics of a committed batch. Each event's duration is its handler's own time plus an even
        share of what the batch spent around the handlers (inbox insert, commit, retries)."""
        shared = max(elapsed - sum(applied.handler_seconds), 0.0) / len(deliveries)
        for delivery, fresh, seconds in zip(deliveries, applied.fresh, applied.handler_seconds, strict=True):
            self._child(self.metrics.event_duration, delivery.event.type).observe(seconds + shared)
            self._child(self.metrics.events_handled, delivery.event.type, "applied" if fresh else "duplicate").inc()
            if not fresh:
                self._child(self.metrics.inbox_duplicates).inc()

    def _child(self, metric: Any, *labels: str) -> Any:
        """The metric's child for this subscription and these labels, looked up once: at thousands of events a
        second, `labels()` (a lock and a dict under it) shows in profiles."""
        key = (metric, labels)
        child = self._children.get(key)
        if child is None:
            child = self._children[key] = metric.labels(self.subscription.name, *labels)
        return child

    async def _dead_letter(self, record: ConsumerRecord, poison: Poison, event_type: str) -> None:
        await self.dead_letters.send(record, consumer=self.consumer, reason=poison.reason)
        self.metrics.dead_letters.labels(self.subscription.name, poison.kind).inc()
        self._child(self.metrics.events_handled, event_type, "dead_lettered").inc()


async def _records(msg: StreamMessage[tuple[ConsumerRecord, ...]]) -> list[ConsumerRecord]:
    """The batch's records as they are: `EventProcessor` reads each envelope itself, so FastStream's own per-record
    decoding (a message object for every record) would be work thrown away."""
    return list(msg.raw_message)


# FastStream's default is 200 ms: a lone event could wait that long on each hop, most of a 250 ms end-to-end budget.
# At 50 ms an idle subscriber wakes ~20 times a second, a cost too small to see.
IDLE_WAIT_MS = 50


def attach(broker: KafkaBroker, processor: EventProcessor, *, max_records: int,
           batch_timeout_ms: int = IDLE_WAIT_MS) -> None:
    """Subscribe the processor on the broker: one consumer group per subscription, manual commits.

    A fetch returns at once with whatever is buffered (up to `max_records`), so a busy topic fills batches while a
    lone event is not held back to wait for company. An idle subscriber waits `batch_timeout_ms` for records and, if
    none came, sleeps as long again (FastStream's loop): that sleep is the most a lone event can wait here.
    """
    sub = processor.subscription

    @broker.subscriber(
        *sub.topics,
        group_id=processor.consumer,
        batch=True,
        max_records=max_records,
        batch_timeout_ms=batch_timeout_ms,
        decoder=_records,
        ack_policy=AckPolicy.MANUAL,
        auto_offset_reset="earliest",
        title=processor.consumer,
    )
    async def consume(body: list[Any], msg: KafkaMessage) -> None:  # noqa: ARG001 - records are read raw
        await processor.process_batch(msg.raw_message)
        try:
            await msg.ack()
        except Exception as exc:  # noqa: BLE001 - a lost commit means redelivery, which the inbox absorbs
            log.warning("offset commit failed (%s); events will be redelivered and de-duplicated", exc)
