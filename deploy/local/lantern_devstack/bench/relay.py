"""Outbox relay: N committed outbox rows published by `OutboxRelay.run` as the services run it (its lanes each claim
with SKIP LOCKED, check per-key order, send, await every acknowledgement, mark sent, commit) against a raw
idempotent aiokafka producer (acks=all, the same linger and batch size) sending the same payloads, keys and headers."""

import asyncio
import time
import uuid
from dataclasses import dataclass

from aiokafka import AIOKafkaProducer

from lantern_shared.db import create_pool
from lantern_shared.envelope import STRUCTURED_CONTENT_TYPE, new_event
from lantern_shared.kafka import Producer, ensure_topics
from lantern_shared.metrics import Metrics
from lantern_shared.migrations import SHARED_MIGRATIONS, MigrationSource
from lantern_shared.outbox import OutboxRelay

from .common import Bench

PARTITIONS = 6  # as the services' topics (kafka_topic_partitions)


@dataclass
class RelayResult:
    events: int
    relay_published: int
    relay_seconds: float
    raw_seconds: float
    batch_size: int
    lanes: int

    @property
    def relay_rate(self) -> float:
        return self.relay_published / self.relay_seconds

    @property
    def raw_rate(self) -> float:
        return self.events / self.raw_seconds


def payloads(count: int) -> list[tuple[str, str, str, bytes]]:
    """(event id, type, key, CloudEvent bytes) of `count` registration.confirmed events, each its own key."""
    from lantern_registration.events import REGISTRATION_CONFIRMED, RegistrationConfirmed

    session = uuid.uuid4()
    out = []
    for _ in range(count):
        data = RegistrationConfirmed(
            registration_id=uuid.uuid4(), session_id=session, patron_id=uuid.uuid4(), session_title="Benchmark workshop",
            starts_at="2030-01-01T17:00:00Z", ends_at="2030-01-01T19:00:00Z", timezone="America/Los_Angeles",
            place_name="Central Library, Room 3", program_kind="digital_literacy_workshop",
        )
        event = new_event(type=REGISTRATION_CONFIRMED.type, source="/lantern/registration", data=data,
                          key=str(data.registration_id), dataschema=REGISTRATION_CONFIRMED.dataschema)
        out.append((event.id, event.type, str(data.registration_id), event.to_bytes()))
    return out


async def run(bench: Bench, *, events: int, batch_size: int, lanes: int, deadline_s: float, log, profile=None) -> RelayResult:
    bootstrap = bench.stack.kafka.bootstrap
    relay_topic, raw_topic = f"bench.relay.{bench.run}", f"bench.relay-raw.{bench.run}"
    await ensure_topics(bootstrap, [relay_topic, raw_topic], partitions=PARTITIONS,
                        replication=min(3, len(bootstrap.split(","))))  # as the services' topics
    dsn = await bench.scratch_database("bench_relay", [MigrationSource("shared", SHARED_MIGRATIONS)])
    rows = payloads(events)
    pool = await create_pool(dsn, min_size=2, max_size=10)
    try:
        async with pool.acquire() as conn:
            await conn.execute("TRUNCATE outbox")
            await conn.copy_records_to_table(
                "outbox", columns=["event_id", "event_type", "topic", "key", "payload"],
                records=[(i, t, relay_topic, k, p) for i, t, k, p in rows])
            await conn.execute("ANALYZE outbox")
        log(f"relay: {events} outbox rows committed; publishing in batches of {batch_size}, {lanes} lanes")
        producer = Producer(bootstrap, client_id="bench-relay")
        await producer.get()  # started before the clock, as the raw producer is
        metrics = Metrics()
        relay = OutboxRelay(pool, producer, metrics, batch_size=batch_size, lanes=lanes, poll_interval=0.05)
        published = 0
        started = time.perf_counter()
        with profile.in_process("relay") if profile else _nothing():
            task = asyncio.create_task(relay.run())
            try:
                while published < events and time.perf_counter() - started < deadline_s and not task.done():
                    await asyncio.sleep(0.005)
                    published = int(metrics.registry.get_sample_value("lantern_outbox_published_total") or 0)
                relay_seconds = time.perf_counter() - started
            finally:
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)
        await producer.stop()
        log(f"  relay: {published} in {relay_seconds:.1f}s = {published / relay_seconds:,.0f}/s")
    finally:
        await pool.close()

    raw = AIOKafkaProducer(bootstrap_servers=bootstrap, client_id="bench-raw", enable_idempotence=True, acks="all",
                           linger_ms=5, request_timeout_ms=15000, max_batch_size=256 * 1024)
    await raw.start()
    headers = [("content-type", STRUCTURED_CONTENT_TYPE.encode())]
    try:
        started = time.perf_counter()
        pending = [await raw.send(raw_topic, value=p, key=k.encode(), headers=headers) for _, _, k, p in rows]
        for future in pending:
            await future
        raw_seconds = time.perf_counter() - started
    finally:
        await raw.stop()
    log(f"  raw producer: {events} in {raw_seconds:.1f}s = {events / raw_seconds:,.0f}/s")
    return RelayResult(events, published, relay_seconds, raw_seconds, batch_size, lanes)


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *_):
        return False
