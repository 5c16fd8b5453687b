"""The transactional outbox: a writer used inside the service's own transaction, and the relay that publishes."""

import asyncio
import json
import logging
import time
from dataclasses import dataclass
from typing import Any

import asyncpg
from opentelemetry.trace import SpanKind
from pydantic import BaseModel

from . import tracing
from .backoff import Backoff
from .contracts import EventContract
from .kafka import Producer
from .envelope import STRUCTURED_CONTENT_TYPE, CloudEvent, new_event
from .logging import current_correlation_id
from .metrics import Metrics
from .notify import Wakeup
from .refusals import conflict
from .sealing import KeyStore, Shredded, seal

log = logging.getLogger(__name__)

# One statement claims a batch and says, for each claimed row, whether an older row of its key is held by another
# relay (claimed and not yet published): such a row and the rest of its key wait for the next round, so per-key
# order holds. Rows another relay holds are visible (its lock hides nothing), and are found through the unsent-key
# index; the claimed rows themselves are left out with a hashed anti-join.
_CLAIM_BATCH = """
    WITH claimed AS MATERIALIZED (
        SELECT id, topic, key, payload FROM outbox
        WHERE sent_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED
    ), held AS (
        SELECT o.key, min(o.id) AS first_id FROM outbox o
        WHERE o.sent_at IS NULL AND o.key IN (SELECT key FROM claimed) AND o.id < (SELECT max(id) FROM claimed)
          AND NOT EXISTS (SELECT 1 FROM claimed c WHERE c.id = o.id)
        GROUP BY o.key
    )
    SELECT c.id, c.topic, c.key, c.payload, h.first_id AS held_from
    FROM claimed c LEFT JOIN held h ON h.key = c.key
    ORDER BY c.id
"""
_MARK_SENT = "UPDATE outbox SET sent_at = now() WHERE id = ANY($1::bigint[])"
_BACKLOG = "SELECT count(*) AS backlog, extract(epoch FROM now() - min(created_at)) AS oldest FROM outbox WHERE sent_at IS NULL"
_PURGE = "DELETE FROM outbox WHERE sent_at < now() - make_interval(secs => $1)"


@dataclass(frozen=True)
class OutboxRow:
    """An event built for the outbox and not yet written: what a server-side function writes itself, in the
    statement that makes the change, when one round trip has to carry both (`UnitOfWork.prepare`)."""

    contract: EventContract[Any]
    data: BaseModel
    event: CloudEvent
    key: str
    subject: str | None
    payload: bytes

    @property
    def topic(self) -> str:
        return self.contract.topic


class Doorbell(Wakeup):
    """The relay's wake-up, in its own process: rung when a transaction that wrote outbox rows has committed.

    It replaces a NOTIFY from a trigger on the outbox (shared migration 0002). PostgreSQL serialises the commits of
    every notifying transaction, in every database of the cluster, on one lock held across the WAL flush: in the
    write-path bench two inserts per transaction ran at 52-65% of their rate once each also notified. Every outbox
    row is written through `Outbox` by a service process that runs its own relay (another instance's rows are its
    own relay's to publish), so no other process needs to hear of it; the relay's poll remains the safety net.
    """

    def ring(self) -> None:
        self._wake()


class Outbox:
    """Writes events into the outbox table on the caller's connection, inside the caller's transaction."""

    def __init__(self, source: str, keys: KeyStore | None = None) -> None:
        self.source = source
        self.keys = keys  # with it, the personal fields of a contract are sealed before they are written
        self.doorbell = Doorbell()
        self.writes = 0  # rows written (or recorded as written by a server-side statement) so far, in this process

    def wrote(self) -> None:
        """A row was written on some connection; `committed_since` rings once its transaction commits."""
        self.writes += 1

    def committed_since(self, writes: int) -> None:
        """Call after a commit with `writes` as it was when the transaction began: rings the relay if any row was
        written meanwhile. A ring for another task's row that has not committed yet only wakes the relay early."""
        if self.writes != writes:
            self.doorbell.ring()

    def prepare(
        self, contract: EventContract[Any], data: BaseModel, *, key: str, subject: str | None = None,
        sealed: dict[str, Any] | None = None,
    ) -> OutboxRow:
        """The event and the exact bytes `add` would write, with nothing written."""
        if not isinstance(data, contract.model):
            raise TypeError(f"{contract.type} carries {contract.model.__name__}, not {type(data).__name__}")
        if contract.personal and self.keys is not None and sealed is None:
            raise TypeError(f"{contract.type} carries personal data: write it with `publish`, which seals it")
        event = new_event(
            type=contract.type,
            source=self.source,
            data=data if sealed is None else sealed,
            key=key,
            subject=subject,
            dataschema=contract.dataschema,
            correlation_id=current_correlation_id(),
            traceparent=tracing.current_traceparent(),
        )
        return OutboxRow(contract, data, event, key, subject, event.to_bytes())

    async def add(
        self,
        conn: asyncpg.Connection,
        contract: EventContract[Any],
        data: BaseModel,
        *,
        key: str,
        subject: str | None = None,
    ) -> CloudEvent:
        if not conn.is_in_transaction():
            raise RuntimeError("outbox writes belong inside the transaction of the state change")
        sealed = None
        if contract.personal and self.keys is not None:
            try:
                sealed = await seal(self.keys, contract, data.model_dump(mode="json"))
            except Shredded as exc:  # the patron was erased: nothing new about them may be written
                raise conflict("patron_erased", "This patron's data was erased.") from exc
        row = self.prepare(contract, data, key=key, subject=subject, sealed=sealed)
        await conn.execute(
            "INSERT INTO outbox (event_id, event_type, topic, key, payload) VALUES ($1, $2, $3, $4, $5)",
            row.event.id, row.event.type, row.topic, key, row.payload,
        )
        self.wrote()
        return row.event


class OutboxRelay:
    """Publishes committed outbox rows to Kafka in order per key, marks them sent, retries forever.

    Several relays may run against one database: rows are claimed with FOR UPDATE SKIP LOCKED, and a row
    whose key has an older row claimed by another relay waits for the next round. One relay runs `lanes`
    such claim loops at once, so the next batch is claimed and sent while the previous one waits for its
    acknowledgements: the lanes are "several relays" to each other, and per-key order holds the same way.
    """

    def __init__(
        self,
        pool: asyncpg.Pool,
        producer: Producer,
        metrics: Metrics,
        *,
        wake: Doorbell | None = None,
        batch_size: int = 500,
        lanes: int = 2,
        poll_interval: float = 1.0,
        retention_s: float = 86400,
        backoff: Backoff | None = None,
    ) -> None:
        self.pool = pool
        self.producer = producer
        self.metrics = metrics
        self.batch_size = batch_size
        self.lanes = max(1, lanes)
        self.poll_interval = poll_interval
        self.retention_s = retention_s
        self.backoff = backoff or Backoff()
        self._wake = wake or Doorbell()  # the writers' `Outbox.doorbell`; without it the relay polls
        self._last_gauges = 0.0
        self._last_purge = 0.0

    async def run(self) -> None:
        try:
            await asyncio.gather(*(self._lane(n) for n in range(self.lanes)))
        finally:
            await self._wake.close()

    async def drain(self) -> int:
        """Publish everything publishable now with every lane, then return how many rows went out."""
        async def lane() -> int:
            total = 0
            while n := await self.publish_batch():
                total += n
            return total

        total = 0
        while published := sum(await asyncio.gather(*(lane() for _ in range(self.lanes)))):
            total += published  # a lane may stop early on rows the other held; go round until nothing moves
        return total

    async def _lane(self, number: int) -> None:
        backoff = Backoff(self.backoff.initial, self.backoff.maximum)
        while True:
            try:
                await self._wake.listen()
                published = await self.publish_batch()
                if number == 0:
                    await self._housekeeping()
                backoff.reset()
                if published < self.batch_size:
                    await self._wait_for_work()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - the relay never gives up
                self.metrics.outbox_publish_failures.inc()
                delay = backoff.next_delay()
                log.warning("outbox relay: %s; retrying in %.1fs", _describe(exc), delay)
                await self._wake.close()
                if number == 0:
                    await self._housekeeping_if_possible()
                await asyncio.sleep(delay)

    async def publish_batch(self) -> int:
        """Publish one batch: claim, send, await every acknowledgement, mark sent, commit."""
        async with self.pool.acquire() as conn, conn.transaction():
            rows = [r for r in await conn.fetch(_CLAIM_BATCH, self.batch_size)
                    if r["held_from"] is None or r["id"] < r["held_from"]]
            if not rows:
                return 0
            await self._publish(rows)
            await self._mark_sent(conn, [r["id"] for r in rows])
        self.metrics.outbox_published.inc(len(rows))
        return len(rows)

    async def _publish(self, rows: list[asyncpg.Record]) -> None:
        producer = await self.producer.get()
        headers = [("content-type", STRUCTURED_CONTENT_TYPE.encode())]
        try:
            if tracing.active():
                await _publish_traced(producer, rows, headers)
                return
            await _publish_in_batches(producer, rows, headers)
        except Exception:
            # A fresh producer (new producer id) after any failure: no half-sent idempotent sequence survives.
            # Only the producer this batch used is dropped: another lane may already have started a new one.
            await self.producer.reset(producer)
            raise

    async def _mark_sent(self, conn: asyncpg.Connection, ids: list[int]) -> None:
        await conn.execute(_MARK_SENT, ids)

    async def _housekeeping(self) -> None:
        now = time.monotonic()
        if now - self._last_gauges >= 2:
            self._last_gauges = now
            async with self.pool.acquire() as conn:
                row = await conn.fetchrow(_BACKLOG)
            self.metrics.outbox_backlog.set(row["backlog"])
            self.metrics.outbox_oldest_age.set(float(row["oldest"] or 0))
        if now - self._last_purge >= 600:
            self._last_purge = now
            async with self.pool.acquire() as conn:
                await conn.execute(_PURGE, self.retention_s)

    async def _housekeeping_if_possible(self) -> None:
        # While Kafka is away the backlog gauges must still show the outbox growing.
        try:
            await self._housekeeping()
        except Exception:  # noqa: BLE001 - the database may be the thing that is away
            pass

    async def _wait_for_work(self) -> None:
        await self._wake.wait(self.poll_interval)
        self._wake.clear()


async def _publish_in_batches(producer: Any, rows: list[asyncpg.Record], headers: list[tuple[str, bytes]]) -> None:
    """The rows as record batches, one per partition, each in row order, then every batch's acknowledgement.

    Each row goes to the partition `send()` would give it (the producer's own partitioner on the key), so per-key
    order and placement are the same as sending them one by one. Batches skip what `send()` does per record (a
    future, the accumulator's bookkeeping, a callback on delivery), which was over a third of the relay's time in
    a profile of the relay bench. The producer queues one batch per partition at a time, in order, as for sends.
    """
    open_batches: dict[tuple[str, int], Any] = {}
    pending = []
    known: set[str] = set()
    for r in rows:
        topic = r["topic"]
        if topic not in known:
            await producer.partitions_for(topic)  # metadata first, as send() does
            known.add(topic)
        key, value = r["key"].encode(), r["payload"]
        partition = producer._partition(topic, None, None, None, key, value)  # noqa: SLF001 - send()'s own choice
        batch = open_batches.get((topic, partition))
        if batch is None:
            batch = open_batches[(topic, partition)] = producer.create_batch()
        if batch.append(timestamp=None, key=key, value=value, headers=headers) is None:  # full: send it, start anew
            pending.append(await producer.send_batch(batch, topic, partition=partition))
            batch = open_batches[(topic, partition)] = producer.create_batch()
            if batch.append(timestamp=None, key=key, value=value, headers=headers) is None:
                raise ValueError(f"outbox row {r['id']} does not fit in an empty record batch")
    for (topic, partition), batch in open_batches.items():
        pending.append(await producer.send_batch(batch, topic, partition=partition))
    await asyncio.gather(*pending)


async def _publish_traced(producer: Any, rows: list[asyncpg.Record], headers: list[tuple[str, bytes]]) -> None:
    """Each row as a PRODUCER span, child of the transaction that wrote it (its envelope's traceparent); the span
    travels on as the record's `traceparent` header, for the consumer's span to continue."""
    pending = []
    for r in rows:
        written_by = json.loads(r["payload"]).get(tracing.TRACEPARENT)
        with tracing.span(f"publish {r['topic']}", kind=SpanKind.PRODUCER, parent=written_by, component="outbox",
                          attributes={"messaging.destination.name": r["topic"]}):
            traced = [*headers, (tracing.TRACEPARENT, (tracing.current_traceparent() or "").encode())]
            pending.append(await producer.send(r["topic"], value=r["payload"], key=r["key"].encode(), headers=traced))
    await asyncio.gather(*pending)


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
