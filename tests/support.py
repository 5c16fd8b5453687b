"""Helpers for tests that cross the real broker and database."""

import json
import asyncio
import inspect
import time
from pathlib import Path
from collections.abc import Awaitable, Callable
from typing import TypeVar

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord

from lantern_shared.kafka import read_to_end

from lantern_devstack.stack import Stack

T = TypeVar("T")
REPO = Path(__file__).resolve().parents[1]


async def eventually(probe: Callable[[], Awaitable[T | None] | T | None], *, timeout: float = 30,
                     what: str = "condition") -> T:
    """Poll until the probe (plain or async) returns something truthy, or fail with what was awaited."""
    deadline = time.monotonic() + timeout
    while True:
        result = probe()
        if inspect.isawaitable(result):
            result = await result
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        await asyncio.sleep(0.2)


def settings_for(stack: Stack, service: str, **overrides: object):
    module = __import__(f"lantern_{service}.settings", fromlist=["x"])
    cls = next(v for k, v in vars(module).items() if k.endswith("Settings") and getattr(v, "__module__", "") == module.__name__)
    env = stack.service_env(service)
    prefix = f"LANTERN_{service.upper()}_"
    # Complex settings travel as JSON in the environment; handed over directly, they are parsed here as
    # pydantic-settings parses them from the environment.
    values = {k[len(prefix):].lower(): json.loads(v) if v[:1] in "[{" else v for k, v in env.items()}
    values |= {"retry_initial_s": 0.1, "retry_max_s": 1.0, "outbox_poll_interval_s": 0.2}
    values |= overrides
    return cls(**values)


async def read_topic(stack: Stack, topic: str, *, until: Callable[[list[ConsumerRecord]], bool], timeout: float = 30):
    """Read a topic from the beginning until `until(records)` holds."""
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=stack.kafka.bootstrap, auto_offset_reset="earliest", enable_auto_commit=False,
        group_id=None,
    )
    await consumer.start()
    records: list[ConsumerRecord] = []
    try:
        deadline = time.monotonic() + timeout
        while not until(records):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out reading {topic}: got {len(records)} records")
            batch = await consumer.getmany(timeout_ms=500)
            for part in batch.values():
                records.extend(part)
        return records
    finally:
        await consumer.stop()


async def produce(stack: Stack, topic: str, messages: list[tuple[bytes | None, bytes | None, list[tuple[str, bytes]]]]):
    producer = AIOKafkaProducer(bootstrap_servers=stack.kafka.bootstrap, enable_idempotence=True)
    await producer.start()
    try:
        for key, value, headers in messages:
            await producer.send_and_wait(topic, value=value, key=key, headers=headers)
    finally:
        await producer.stop()


def header(record: ConsumerRecord, name: str) -> str | None:
    return next((v.decode() for k, v in record.headers if k == name), None)


def metric_value(registry, name: str, labels: dict[str, str] | None = None) -> float:
    return registry.get_sample_value(name, labels or {}) or 0.0


async def read_all(stack: Stack, topic: str) -> list[ConsumerRecord]:
    """Everything on a topic right now (up to its current end offsets)."""
    return [record async for record in read_to_end(stack.kafka.bootstrap, topic)]


class FakeUnitOfWork:
    """A unit of work with no database: handlers' unit tests read what was published. `conn` is whatever fake
    store-connection the test hands in (handlers pass it to store functions the test replaces)."""

    def __init__(self, conn: object = None) -> None:
        self.conn = conn
        self.events: list[tuple[object, object, str, str | None]] = []  # (contract, data, key, subject)
        self.committed = False

    async def publish(self, contract, data, *, key: str, subject: str | None = None):
        if not isinstance(data, contract.model):
            raise TypeError(f"{contract.type} carries {contract.model.__name__}, not {type(data).__name__}")
        self.events.append((contract, data, key, subject))

    def prepare(self, contract, data, *, key: str, subject: str | None = None):
        """As `UnitOfWork.prepare`: the event built (by the real outbox code), nothing recorded until `written`."""
        from lantern_shared.outbox import Outbox

        return Outbox("urn:lantern:test").prepare(contract, data, key=key, subject=subject)

    def written(self, row):
        self.events.append((row.contract, row.data, row.key, row.subject))
        return row.event

    def published(self, contract) -> list[object]:
        """The data of every event of this contract, in the order published."""
        return [data for c, data, _, _ in self.events if c.type == contract.type]

    def factory(self):
        """A stand-in for `Deps.uow`: `async with deps.uow() as work` yields this fake; a clean exit commits."""
        import contextlib

        @contextlib.asynccontextmanager
        async def begin(single_statement: bool = False):
            yield self
            self.committed = True

        return begin


def cloud_event(contract, data, *, key: str = "k", source: str = "urn:lantern:test", subject: str | None = None):
    """A CloudEvent as a producer would send it, for feeding consumers in tests."""
    from lantern_shared.envelope import new_event

    return new_event(type=contract.type, source=source, data=data, key=key, subject=subject,
                     dataschema=contract.dataschema, correlation_id=None)
