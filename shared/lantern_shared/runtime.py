"""What every service runs beside its HTTP API: database pool, producer, outbox relay and event consumers."""

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

import asyncpg
from faststream.kafka import KafkaBroker
from faststream.kafka.prometheus import KafkaPrometheusMiddleware

from .backoff import Backoff
from .consumer import EventProcessor, Subscription, attach
from .contracts import EventContract, dlq_topic
from .db import create_pool, ping
from .dlq import DeadLetters
from .jobs import PeriodicJob, run_periodically
from .lag import report_lag_forever
from .kafka import Producer, ensure_topics
from .metrics import Metrics
from .outbox import Outbox, OutboxRelay
from .personal import PersonalData
from .sealing import KeyStore
from .settings import ServiceSettings

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    settings: ServiceSettings
    metrics: Metrics
    subscriptions: list[Subscription] = field(default_factory=list)
    published: list[EventContract] = field(default_factory=list)  # what this service publishes (outbox)
    jobs: list[PeriodicJob] = field(default_factory=list)
    personal: PersonalData | None = None  # where this service keeps personal data (export, retention, erasure)

    def __post_init__(self) -> None:
        keys_dsn = self.settings.keys_dsn.get_secret_value() if self.settings.keys_dsn else None
        self.keys = KeyStore(keys_dsn)
        self.outbox = Outbox(self.settings.source, self.keys if keys_dsn else None)
        self.producer = Producer(self.settings.kafka, client_id=self.settings.service_name)
        self.broker = KafkaBroker(
            self.settings.kafka_bootstrap.split(","),  # FastStream takes a str as one host: a cluster is a list
            client_id=self.settings.service_name,
            security=self.settings.kafka.faststream_security(),
            middlewares=[KafkaPrometheusMiddleware(registry=self.metrics.registry, app_name=self.settings.service_name)],
            logger=logging.getLogger(f"lantern.{self.settings.service_name}.broker"),
            graceful_timeout=10,
        )
        for contract in self.published:  # documentation only: events leave through the outbox relay
            self.broker.publisher(contract.topic, title=contract.type, schema=contract.model,
                                  description=f"{contract.type} ({contract.dataschema}), keyed by aggregate id")
        self._pool: asyncpg.Pool | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._consuming = False
        self.on_stop: list[Callable[[], Awaitable[None]]] = []  # a service's own resources, closed at shutdown
        self._processors: list[EventProcessor] | None = None

    def _attach_subscribers(self) -> list[EventProcessor]:
        """Once, at start or when the AsyncAPI document is first asked for (so it lists the subscriptions).
        Services may set `subscriptions` after building the runtime; they get the pool at start."""
        if self._processors is None:
            dead_letters = DeadLetters(self.producer, dlq_topic(self.settings.service_name), self._backoff())
            self._processors = [
                EventProcessor(
                    subscription, service=self.settings.service_name, pool=self._pool, dead_letters=dead_letters,
                    outbox=self.outbox, metrics=self.metrics, backoff=self._backoff(), keys=self.outbox.keys,
                )
                for subscription in self.subscriptions
            ]
            for processor in self._processors:
                attach(self.broker, processor, max_records=self.settings.consumer_batch_max)
        return self._processors

    @property
    def pool(self) -> asyncpg.Pool:
        if self._pool is None:
            raise RuntimeError("the runtime has not started")
        return self._pool

    def _backoff(self) -> Backoff:
        return Backoff(self.settings.retry_initial_s, self.settings.retry_max_s)

    async def start(self) -> None:
        s = self.settings
        self._pool = await create_pool(s.dsn, min_size=s.db_pool_min, max_size=s.db_pool_max)
        for processor in self._attach_subscribers():
            processor.pool = self._pool
        if s.outbox_relay_enabled:
            relay = OutboxRelay(
                self._pool, self.producer, self.metrics,
                batch_size=s.outbox_batch_size, lanes=s.outbox_relay_lanes, poll_interval=s.outbox_poll_interval_s,
                retention_s=s.outbox_retention_s, backoff=self._backoff(), wake=self.outbox.doorbell,
            )
            self._tasks.append(asyncio.create_task(relay.run(), name="outbox-relay"))
        self._tasks.append(asyncio.create_task(self._start_consuming(), name="consumers"))
        if self.subscriptions:
            groups = {f"{s.service_name}.{sub.name}": sub.topics for sub in self.subscriptions}
            self._tasks.append(asyncio.create_task(
                report_lag_forever(s.kafka, groups, self.metrics, s.lag_interval_s), name="consumer-lag"))
        for job in self.jobs:
            self._tasks.append(asyncio.create_task(
                run_periodically(job, self._pool, on_error=lambda name: self.metrics.job_failures.labels(name).inc()),
                name=f"job-{job.name}",
            ))

    async def _start_consuming(self) -> None:
        """Create topics and start consumers, retrying while the broker is away (the service stays up)."""
        s = self.settings
        topics = [*(c.topic for c in self.published), dlq_topic(s.service_name), *(t for sub in self.subscriptions for t in sub.topics)]
        backoff = self._backoff()
        while True:
            try:
                await ensure_topics(s.kafka, topics, partitions=s.kafka_topic_partitions,
                                    replication=s.kafka_replication_factor)
                await self.broker.start()
                self._consuming = True
                log.info("consuming", extra={"subscriptions": [sub.name for sub in self.subscriptions]})
                return
            except Exception as exc:  # noqa: BLE001 - keep trying until the broker answers
                delay = backoff.next_delay()
                log.warning("kafka not reachable yet (%s); retrying in %.1fs", type(exc).__name__, delay)
                with contextlib.suppress(Exception):
                    await self.broker.stop()
                await asyncio.sleep(delay)

    async def stop(self) -> None:
        """Stop everything, each step within a bound: a stuck client or a task that will not end is logged by name
        and left behind, so a service (or a test's teardown) always finishes stopping."""
        for task in self._tasks:
            task.cancel()
        if self._tasks:
            _, stuck = await asyncio.wait(self._tasks, timeout=STOP_STEP_S)
            for task in stuck:
                log.warning("task %s did not end within %ss of being cancelled; left behind", task.get_name(), STOP_STEP_S)
        self._tasks.clear()
        await _bounded("the Kafka consumers", self.broker.stop(), timeout=15)
        for close in self.on_stop:
            await _bounded(getattr(close, "__qualname__", "a service resource"), close())
        await _bounded("the Kafka producer", self.producer.stop())
        await _bounded("the key store", self.keys.close())
        if self._pool is not None:
            pool, self._pool = self._pool, None
            # close() waits for every connection to come back; a task that never gives one back must not
            # keep the process from stopping.
            if not await _bounded("the database pool", pool.close()):
                log.warning("terminating the database pool's connections")
                pool.terminate()

    async def readiness(self) -> dict[str, bool]:
        database = await ping(self.pool) if self._pool is not None else False
        broker = self._consuming and await self.broker.ping(timeout=2)
        return {"database": database, "kafka": bool(broker)}

    def asyncapi(self) -> dict:
        from faststream.specification import AsyncAPI

        self._attach_subscribers()
        spec = AsyncAPI(
            self.broker, title=f"Lantern {self.settings.service_name}", version="0.1.0",
            description="Events this service publishes (through its outbox) and the subscriptions it consumes.",
        )
        return spec.to_specification().to_jsonable()

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator["Runtime"]:
        await self.start()
        try:
            yield self
        finally:
            await self.stop()


STOP_STEP_S = 10.0


async def _bounded(what: str, step: Awaitable[object], timeout: float = STOP_STEP_S) -> bool:
    """Await one step of stopping for at most `timeout`; True when it ended (an error it raised is logged)."""
    task = asyncio.ensure_future(step)
    done, _ = await asyncio.wait({task}, timeout=timeout)
    if not done:
        task.cancel()  # not awaited: a step that ignores cancellation must not hold the rest up
        log.warning("stopping %s took longer than %ss; left behind", what, timeout)
        return False
    if not task.cancelled() and (error := task.exception()) is not None:
        log.warning("stopping %s failed: %s", what, type(error).__name__)
    return True
