"""Kafka clients every service shares: one idempotent producer (acks=all) and topic provisioning."""

import asyncio
import logging
import random
import struct
import time
from collections.abc import AsyncIterator

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from .lag import topic_partitions
from .transport import KafkaAccess, as_access

log = logging.getLogger(__name__)

_M, _MASK = 0x5BD1E995, 0xFFFFFFFF
_WORDS: dict[int, struct.Struct] = {}


def murmur2(data: bytes) -> int:
    """Kafka's murmur2 (the Java client's `Utils.murmur2`), as aiokafka's own, in half its time: the little-endian
    words are unpacked at once and each step masks only where a product can pass 32 bits. The relay hashes every
    key it publishes; aiokafka's version was a third of the relay's CPU. `tests/unit/test_kafka_partitioner.py`
    checks it against aiokafka's on any bytes."""
    length = len(data)
    h = 0x9747B28C ^ length
    count = length >> 2
    words = _WORDS.get(count)
    if words is None:
        words = _WORDS[count] = struct.Struct(f"<{count}I")
    for k in words.unpack_from(data):
        k = (k * _M) & _MASK
        k ^= k >> 24
        h = ((h * _M) & _MASK) ^ ((k * _M) & _MASK)
    tail = length & 3
    if tail:
        base = length - tail
        if tail == 3:
            h ^= data[base + 2] << 16
        if tail >= 2:
            h ^= data[base + 1] << 8
        h = ((h ^ data[base]) * _M) & _MASK
    h ^= h >> 13
    h = (h * _M) & _MASK
    return h ^ (h >> 15)


def key_partitioner(key: bytes | None, all_partitions: list[int], available: list[int]) -> int:
    """aiokafka's (and the Java client's) default partitioner, with the faster `murmur2`: a key lands on the same
    partition as with any other Kafka client."""
    if key is None:
        return random.choice(available or all_partitions)
    return all_partitions[(murmur2(key) & 0x7FFFFFFF) % len(all_partitions)]


class Producer:
    """An idempotent producer started on first use, so a service comes up while the broker is away."""

    def __init__(self, bootstrap: str | KafkaAccess, client_id: str) -> None:
        self.access = as_access(bootstrap)
        self.bootstrap = self.access.bootstrap
        self.client_id = client_id
        self._producer: AIOKafkaProducer | None = None
        self._lock = asyncio.Lock()

    async def get(self) -> AIOKafkaProducer:
        if self._producer is not None:
            return self._producer
        async with self._lock:
            if self._producer is None:
                producer = AIOKafkaProducer(
                    **self.access.client_options(),
                    client_id=self.client_id,
                    enable_idempotence=True,  # implies acks=all
                    acks="all",
                    linger_ms=5,
                    request_timeout_ms=15000,
                    max_batch_size=256 * 1024,
                    partitioner=key_partitioner,
                )
                try:
                    await producer.start()
                except BaseException:
                    await producer.stop()
                    raise
                self._producer = producer
        return self._producer

    @property
    def started(self) -> bool:
        return self._producer is not None

    async def stop(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            await producer.stop()

    async def reset(self, failed: AIOKafkaProducer | None = None) -> None:
        """Drop the producer after a failure; the next `get` starts a new one.

        With `failed`, only if that is still the current producer: concurrent users that failed on the same
        producer drop it once, and never the fresh one another user has started meanwhile."""
        if failed is not None and failed is not self._producer:
            return
        try:
            await asyncio.wait_for(self.stop(), timeout=5)
        except Exception:  # noqa: BLE001 - a broken producer is dropped all the same
            self._producer = None


async def ensure_topics(bootstrap: str | KafkaAccess, topics: list[str], *, partitions: int, replication: int) -> None:
    """Create topics with explicit partition counts; topics that exist are left as they are."""
    admin = AIOKafkaAdminClient(**as_access(bootstrap).client_options(), request_timeout_ms=10000)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [t for t in dict.fromkeys(topics) if t not in existing]
        if not missing:
            return
        try:
            await admin.create_topics(
                [NewTopic(name=t, num_partitions=partitions, replication_factor=replication) for t in missing]
            )
        except TopicAlreadyExistsError:
            pass  # another instance won the race
        log.info("created topics", extra={"topics": missing, "partitions": partitions})
    finally:
        await admin.close()


async def read_to_end(bootstrap: str | KafkaAccess, topic: str, *, timeout_s: float = 60) -> AsyncIterator[ConsumerRecord]:
    """Every record on a topic, from the beginning up to its end offsets as they are now (what arrives meanwhile is
    left for the next reader). No consumer group: nothing is committed."""
    options = as_access(bootstrap).client_options()
    admin = AIOKafkaAdminClient(**options)
    await admin.start()
    try:
        partitions = await topic_partitions(admin, [topic])
    finally:
        await admin.close()
    if not partitions:
        return
    consumer = AIOKafkaConsumer(**options, group_id=None, enable_auto_commit=False)
    await consumer.start()
    try:
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        deadline = time.monotonic() + timeout_s
        while any([await consumer.position(tp) < ends[tp] for tp in partitions]):
            if time.monotonic() > deadline:
                raise TimeoutError(f"could not read {topic} to its end in {timeout_s:.0f}s")
            for tp, records in (await consumer.getmany(timeout_ms=500)).items():
                for record in records:
                    if record.offset < ends[tp]:
                        yield record
    finally:
        await consumer.stop()
