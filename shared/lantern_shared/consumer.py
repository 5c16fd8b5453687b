"""The idempotent consumer: inbox de-duplication, dead-lettering of poison events, retry of transient failures.

Each event is applied in one transaction that also records its id in the inbox; the offset is committed
only after every event of the fetched batch has been applied, dead-lettered or recognised as a duplicate.
"""

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import asyncpg
from aiokafka import ConsumerRecord
from faststream import AckPolicy
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage
from pydantic import BaseModel, ValidationError

from .backoff import Backoff
from .contracts import EventContract
from .db import is_transient
from .dlq import DeadLetters
from .envelope import CloudEvent, InvalidEnvelope, parse_event
from .logging import correlation_id
from .metrics import Metrics
from .outbox import Outbox

log = logging.getLogger(__name__)



@dataclass(frozen=True)
class EventContext:
    """What a handler gets beside the event's data: the envelope, the transaction's connection, the outbox."""

    event: CloudEvent
    conn: asyncpg.Connection
    outbox: Outbox

    async def publish(self, contract: EventContract[Any], data: BaseModel, *, key: str, subject: str | None = None) -> CloudEvent:
        """Write an event caused by this one into the outbox, in this event's transaction."""
        return await self.outbox.add(self.conn, contract, data, key=key, subject=subject)


Handler = Callable[[Any, EventContext], Awaitable[None]]

_RECORD_INBOX = """
    INSERT INTO inbox (consumer, source, event_id, event_type) VALUES ($1, $2, $3, $4)
    ON CONFLICT DO NOTHING RETURNING true
"""


@dataclass(frozen=True)
class Route:
    model: type[BaseModel]
    handler: Handler


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
    ) -> None:
        self.subscription = subscription
        self.consumer = f"{service}.{subscription.name}"
        self.pool = pool
        self.dead_letters = dead_letters
        self.outbox = outbox
        self.metrics = metrics
        self.backoff = backoff or Backoff()

    async def process_batch(self, records: Iterable[ConsumerRecord]) -> None:
        for record in records:
            await self.process(record)

    async def process(self, record: ConsumerRecord) -> None:
        try:
            event, route = self._read(record)
        except Poison as poison:
            await self._dead_letter(record, poison, "unknown")
            return
        if route is None:
            self.metrics.events_handled.labels(self.subscription.name, event.type, "ignored").inc()
            return
        token = correlation_id.set(event.correlationid)
        try:
            await self._apply(record, event, route)
        finally:
            correlation_id.reset(token)

    def _read(self, record: ConsumerRecord) -> tuple[CloudEvent, Route | None]:
        try:
            event = parse_event(record.value, record.headers or ())
        except InvalidEnvelope as exc:
            raise Poison("invalid_envelope", str(exc)) from exc
        route = self.subscription.routes.get(event.type)
        if route is None:
            if event.type in self.subscription.ignore:
                return event, None
            raise Poison("unknown_type", f"unknown event type {event.type!r}")
        return event, route

    async def _apply(self, record: ConsumerRecord, event: CloudEvent, route: Route) -> None:
        try:
            data = route.model.model_validate(event.data)
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'data'}: {e['msg']}" for e in exc.errors())
            await self._dead_letter(record, Poison("invalid_data", f"{event.type} data: {problems}"), event.type)
            return
        backoff = Backoff(self.backoff.initial, self.backoff.maximum)
        started = time.perf_counter()
        while True:
            try:
                async with self.pool.acquire() as conn, conn.transaction():
                    fresh = await conn.fetchval(_RECORD_INBOX, self.consumer, event.source, event.id, event.type)
                    if fresh:
                        await route.handler(data, EventContext(event, conn, self.outbox))
                break
            except Exception as exc:  # noqa: BLE001 - sorted below into retry or dead letter
                if is_transient(exc):
                    self.metrics.event_retries.labels(self.subscription.name).inc()
                    delay = backoff.next_delay()
                    log.warning("applying %s failed (%s); retrying in %.1fs", event.type, type(exc).__name__, delay)
                    await asyncio.sleep(delay)
                    continue
                log.exception("handler for %s failed", event.type)
                reason = f"handler failed: {type(exc).__name__}: {exc}"
                await self._dead_letter(record, Poison("handler_error", reason), event.type)
                return
        self.metrics.event_duration.labels(self.subscription.name, event.type).observe(time.perf_counter() - started)
        if fresh:
            self.metrics.events_handled.labels(self.subscription.name, event.type, "applied").inc()
        else:
            self.metrics.inbox_duplicates.labels(self.subscription.name).inc()
            self.metrics.events_handled.labels(self.subscription.name, event.type, "duplicate").inc()

    async def _dead_letter(self, record: ConsumerRecord, poison: Poison, event_type: str) -> None:
        await self.dead_letters.send(record, consumer=self.consumer, reason=poison.reason)
        self.metrics.dead_letters.labels(self.subscription.name, poison.kind).inc()
        self.metrics.events_handled.labels(self.subscription.name, event_type, "dead_lettered").inc()


def attach(broker: KafkaBroker, processor: EventProcessor, *, max_records: int) -> None:
    """Subscribe the processor on the broker: one consumer group per subscription, manual commits."""
    sub = processor.subscription

    @broker.subscriber(
        *sub.topics,
        group_id=processor.consumer,
        batch=True,
        max_records=max_records,
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
