"""Consumer catch-up: a backlog of N `lantern.patron.enrolled` events on a fresh topic, drained by the notifications
`recipients` subscription through the real path (a shared `Runtime` holding only that subscription: FastStream's
batch subscriber, `EventProcessor`, inbox de-duplication, the recipients projection upsert; no sending) against a
raw AIOKafkaConsumer that only reads the same topic.

Rates are over the whole drain, from starting the consumer (group join included, for both) to the last event
applied / read; both start from a topic that is already full. The notifications path's rate from its first applied
event is reported beside it (the join takes well under a second: group.initial.rebalance.delay.ms=0)."""

import asyncio
import time
import uuid
from dataclasses import dataclass

import asyncpg
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from lantern_shared.envelope import STRUCTURED_CONTENT_TYPE, new_event
from lantern_shared.kafka import ensure_topics
from lantern_shared.metrics import Metrics
from lantern_shared.migrations import sources_for
from lantern_shared.runtime import Runtime

from .common import Bench
from .relay import PARTITIONS


@dataclass
class CatchUpResult:
    events: int
    applied: int
    processor_steady: float  # first applied -> last applied
    processor_wall: float  # runtime start -> last applied
    raw_read: int
    raw_wall: float  # consumer start -> last read
    parsed_rate: float = 0.0  # raw consumer that also parses the envelope and validates the data (no database)
    durable_rate: float = 0.0  # raw consumer doing the same durable work by hand (the fair reference)

    @property
    def processor_rate(self) -> float:
        return self.applied / self.processor_wall

    @property
    def raw_rate(self) -> float:
        return self.raw_read / self.raw_wall


async def backlog(bootstrap: str, topic: str, events: int) -> None:
    from lantern_registration.events import PATRON_ENROLLED, PatronEnrolled

    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=True, acks="all", linger_ms=5,
                                max_batch_size=256 * 1024)
    await producer.start()
    headers = [("content-type", STRUCTURED_CONTENT_TYPE.encode())]
    try:
        pending = []
        for i in range(events):
            patron = uuid.uuid4()
            data = PatronEnrolled(patron_id=patron, name=f"Catch-up Patron {i}", email=f"catchup-{i}@example.org",
                                  preferred_language="en", consent_to_contact=True,
                                  consent_to_referral=False)
            event = new_event(type=PATRON_ENROLLED.type, source="/lantern/registration", data=data, key=str(patron),
                              dataschema=PATRON_ENROLLED.dataschema)
            pending.append(await producer.send(topic, value=event.to_bytes(), key=str(patron).encode(), headers=headers))
        await asyncio.gather(*pending)
    finally:
        await producer.stop()


async def run(bench: Bench, *, events: int, deadline_s: float, log, profile=None) -> CatchUpResult:
    from lantern_notifications.app import MIGRATIONS
    from lantern_notifications.consumers import subscriptions
    from lantern_notifications.deps import Deps
    from lantern_notifications.metrics import NotificationMetrics
    from lantern_notifications.settings import NotificationsSettings

    stack = bench.stack
    bootstrap = stack.kafka.bootstrap
    topic = f"bench.catchup.{bench.run}"
    await ensure_topics(bootstrap, [topic], partitions=PARTITIONS,
                        replication=min(3, len(bootstrap.split(","))))  # as the services' topics
    log(f"catch-up: producing a backlog of {events} patron.enrolled events (set-up)")
    await backlog(bootstrap, topic, events)

    # A database of its own with the notifications schema, so the live notifications service is untouched.
    dsn = await bench.scratch_database("bench_notifications", sources_for("notifications", MIGRATIONS))
    password = dsn.split(":")[2].split("@")[0]
    settings = NotificationsSettings(
        service_name="bench_notifications",  # consumer group bench_notifications.recipients, its own DLQ topic
        db_name="bench_notifications", db_user="bench_notifications", db_password=password,
        db_port=stack.config.postgres_port, kafka_bootstrap=bootstrap, internal_token="bench",
        outbox_relay_enabled=False,
    )
    metrics = Metrics()
    runtime = Runtime(settings, metrics, published=[])
    deps = Deps.create(settings, runtime, metrics=NotificationMetrics(metrics.registry))
    recipients = next(s for s in subscriptions(deps) if s.name == "recipients")
    recipients.topics = [topic]
    consumer = f"{settings.service_name}.{recipients.name}"
    runtime.subscriptions = [recipients]
    conn = await asyncpg.connect(dsn)
    try:
        started_wall = time.time()
        count = 0
        with profile.in_process("catchup") if profile else _nothing():
            await runtime.start()
            try:
                while count < events and time.time() - started_wall < deadline_s:
                    await asyncio.sleep(0.5)  # count(*) over the inbox is cheap, but not free on two cores
                    count = await conn.fetchval("SELECT count(*) FROM inbox WHERE consumer = $1", consumer)
                ended = time.time()
            finally:
                await runtime.stop()
        first = await conn.fetchval(
            "SELECT extract(epoch FROM min(received_at)) FROM inbox WHERE consumer = $1", consumer)
        projected = await conn.fetchval("SELECT count(*) FROM recipients WHERE email LIKE 'catchup-%'")
    finally:
        await conn.close()
    applied = count
    processor_wall = ended - started_wall
    processor_steady = ended - float(first) if first is not None else float("nan")
    log(f"  notifications path: {applied} applied ({projected} recipients projected) in {processor_wall:.1f}s "
        f"= {applied / processor_wall:,.0f}/s ({applied / processor_steady:,.0f}/s from the first applied)")

    read, raw_wall = await _raw_read(bootstrap, topic, f"bench-raw-{bench.run}", events, deadline_s)
    log(f"  raw consumer: {read} in {raw_wall:.2f}s = {read / raw_wall:,.0f}/s")
    parsed, parsed_wall = await _raw_read(bootstrap, topic, f"bench-raw-parse-{bench.run}", events, deadline_s,
                                          parse=True)
    log(f"  raw consumer + envelope parse + data validation, no database: {parsed} in {parsed_wall:.2f}s "
        f"= {parsed / parsed_wall:,.0f}/s")
    durable_dsn = await bench.scratch_database("bench_raw_durable", sources_for("notifications", MIGRATIONS))
    durable, durable_wall = await _raw_durable(bootstrap, topic, f"bench-raw-durable-{bench.run}", events, deadline_s,
                                               durable_dsn, max_records=settings.consumer_batch_max)
    log(f"  raw consumer + the same durable work by hand (a transaction per fetch: inbox rows, one executemany "
        f"of upserts): {durable} in {durable_wall:.2f}s = {durable / durable_wall:,.0f}/s")
    return CatchUpResult(events, applied, processor_steady, processor_wall, read, raw_wall, parsed / parsed_wall,
                         durable / durable_wall)


async def _raw_read(bootstrap: str, topic: str, group: str, events: int, deadline_s: float, *,
                    parse: bool = False) -> tuple[int, float]:
    """Read the topic in a fresh group with `getmany()`; with `parse`, also do what any consumer that trusts
    nothing must do per record before touching a database: read the envelope, validate the data."""
    from lantern_notifications.events import PatronEnrolled
    from lantern_shared.envelope import parse_event

    raw = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=group,
                           auto_offset_reset="earliest", enable_auto_commit=False)
    started_wall = time.time()
    await raw.start()
    read = 0
    try:
        while read < events and time.time() - started_wall < deadline_s:
            batches = await raw.getmany(timeout_ms=1000)
            for records in batches.values():
                read += len(records)
                if parse:
                    for record in records:
                        PatronEnrolled.model_validate(parse_event(record.value, record.headers).data)
        ended = time.time()
        await raw.commit()
    finally:
        await raw.stop()
    return read, ended - started_wall


async def _raw_durable(bootstrap: str, topic: str, group: str, events: int, deadline_s: float, dsn: str, *,
                       max_records: int) -> tuple[int, float]:
    """The least a consumer that records each event durably must do, written by hand: read a fetch (at most
    `max_records`, as the service's subscriber), parse and validate every envelope, then one transaction with one
    statement for the fetch's inbox rows and one `executemany` of the recipients upserts (the service's own SQL),
    commit, then commit the offsets."""
    from lantern_notifications.events import PatronEnrolled
    from lantern_notifications.store.recipients import _UPSERT_RECIPIENT
    from lantern_shared.consumer import _RECORD_INBOX
    from lantern_shared.envelope import parse_event

    pool = await asyncpg.create_pool(dsn, min_size=1, max_size=1)
    raw = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=group, auto_offset_reset="earliest",
                           enable_auto_commit=False, max_poll_records=max_records)
    consumer = "bench_raw_durable.recipients"
    started_wall = time.time()
    await raw.start()
    done = 0
    try:
        while done < events and time.time() - started_wall < deadline_s:
            batches = await raw.getmany(timeout_ms=1000, max_records=max_records)
            records = [r for rs in batches.values() for r in rs]
            if not records:
                continue
            parsed = [parse_event(r.value, r.headers) for r in records]
            people = [PatronEnrolled.model_validate(e.data) for e in parsed]
            async with pool.acquire() as conn, conn.transaction():
                await conn.fetch(_RECORD_INBOX, consumer, [e.source for e in parsed], [e.id for e in parsed],
                                 [e.type for e in parsed])
                await conn.executemany(_UPSERT_RECIPIENT, [
                    (p.patron_id, "patron", p.name, p.email, p.phone, p.preferred_language, p.consent_to_contact, None)
                    for p in people])
            await raw.commit()
            done += len(records)
        ended = time.time()
    finally:
        await raw.stop()
        await pool.close()
    return done, ended - started_wall


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *_):
        return False
