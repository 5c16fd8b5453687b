"""A fetched batch is applied in one transaction, yet each event keeps its own fate: a poison event is dead-lettered
alone, a duplicate is applied once, a transient failure is retried without losing or doubling anything."""

import contextlib
import json
from collections.abc import AsyncIterator

import asyncpg
import pytest

from lantern_shared.consumer import EventContext, Route, Subscription
from lantern_shared.contracts import EventData
from lantern_shared.envelope import new_event
from lantern_shared.metrics import Metrics
from lantern_shared.runtime import Runtime
from tests.support import eventually, header, metric_value, produce, read_all, settings_for

CE = [("content-type", b"application/cloudevents+json")]
DLQ = "lantern.devices.dlq"
CHECKED_IN = "lantern.test.checked_in"

# What the test handler did, one row per handler run that committed: the order and transaction it ran in.
EFFECTS = """
    CREATE TABLE IF NOT EXISTS test_consumer_batch_effects (
        seq bigserial PRIMARY KEY, run text NOT NULL, n int NOT NULL, txid bigint NOT NULL
    )
"""


class CheckedIn(EventData):
    n: int


def checked_in(run: str, n: int) -> bytes:
    return new_event(type=CHECKED_IN, source="/kiosk/test", key=run, data={"n": n}).to_bytes()


async def record_effect(run: str, data: CheckedIn, ctx: EventContext) -> None:
    await ctx.conn.execute("INSERT INTO test_consumer_batch_effects (run, n, txid) VALUES ($1, $2, txid_current())",
                           run, data.n)


@pytest.fixture
async def db(stack):
    settings = settings_for(stack, "devices")
    conn = await asyncpg.connect(settings.dsn)
    await conn.execute(EFFECTS)
    yield conn
    await conn.close()


@contextlib.asynccontextmanager
async def consuming(stack, run: str, handler) -> AsyncIterator[Runtime]:
    """A runtime of the devices service holding one subscription of its own, started on a topic already full."""
    settings = settings_for(stack, "devices", outbox_relay_enabled=False)
    subscription = Subscription(f"batch-{run}", [f"lantern.test.batches-{run}"], {CHECKED_IN: Route(CheckedIn, handler)})
    runtime = Runtime(settings, Metrics(), subscriptions=[subscription])
    async with runtime.running():
        yield runtime


async def backlog(stack, run: str, events: list[bytes]) -> None:
    """One key, so one partition: the events are fetched together and must be applied in this order."""
    await produce(stack, f"lantern.test.batches-{run}", [(run.encode(), event, CE) for event in events])


async def effects(db, run: str) -> list[asyncpg.Record]:
    return await db.fetch("SELECT n, txid FROM test_consumer_batch_effects WHERE run = $1 ORDER BY seq", run)


async def all_applied(db, run: str, count: int) -> list[asyncpg.Record]:
    async def applied():
        rows = await effects(db, run)
        return rows if len(rows) >= count else None

    return await eventually(applied, timeout=60, what=f"{count} events of run {run} to be applied")


async def test_a_backlog_is_applied_in_order_in_far_fewer_transactions_than_events(stack, db, unique):
    await backlog(stack, unique, [checked_in(unique, n) for n in range(40)])

    async with consuming(stack, unique, lambda data, ctx: record_effect(unique, data, ctx)) as runtime:
        rows = await all_applied(db, unique, 40)
        inbox = await db.fetchval("SELECT count(*) FROM inbox WHERE consumer = $1", f"devices.batch-{unique}")

    assert [r["n"] for r in rows] == list(range(40))
    assert len({r["txid"] for r in rows}) <= 5, "a fetched batch commits together, not one transaction per event"
    assert inbox == 40
    assert metric_value(runtime.metrics.registry, "lantern_events_handled_total",
                        {"subscription": f"batch-{unique}", "event_type": CHECKED_IN, "outcome": "applied"}) == 40


async def test_a_poison_event_in_the_middle_of_a_batch_is_dead_lettered_alone_and_the_others_applied_once(
        stack, db, unique):
    async def fussy(data: CheckedIn, ctx: EventContext) -> None:
        if data.n == 7:
            raise ValueError("kiosk 7 is not a branch we know")
        await record_effect(unique, data, ctx)

    await backlog(stack, unique, [checked_in(unique, n) for n in range(20)])

    async with consuming(stack, unique, fussy) as runtime:
        await all_applied(db, unique, 19)

        async def dead_lettered():
            return [r for r in await read_all(stack, DLQ) if r.key == unique.encode()]

        dead = await eventually(dead_lettered, timeout=60, what="the poison event on the DLQ")
        registry = runtime.metrics.registry
        subscription = f"batch-{unique}"
        assert metric_value(registry, "lantern_dlq_events_total", {"subscription": subscription, "reason": "handler_error"}) == 1
        assert metric_value(registry, "lantern_events_handled_total",
                            {"subscription": subscription, "event_type": CHECKED_IN, "outcome": "applied"}) == 19

    rows = await effects(db, unique)
    assert [r["n"] for r in rows] == [n for n in range(20) if n != 7], "each other event once, in order"
    assert len(dead) == 1
    assert header(dead[0], "dlq-reason") == "handler failed: ValueError: kiosk 7 is not a branch we know"
    assert json.loads(dead[0].value)["data"] == {"n": 7}, "the DLQ holds the poison event's original bytes"
    inboxed = await db.fetchval("SELECT count(*) FROM inbox WHERE consumer = $1", f"devices.batch-{unique}")
    assert inboxed == 19, "the dead-lettered event is not marked as applied, so a replay can apply it"


async def test_an_event_delivered_twice_in_one_batch_is_applied_once(stack, db, unique):
    twice = checked_in(unique, 1)
    await backlog(stack, unique, [checked_in(unique, 0), twice, checked_in(unique, 2), twice, checked_in(unique, 3)])

    async with consuming(stack, unique, lambda data, ctx: record_effect(unique, data, ctx)) as runtime:
        await all_applied(db, unique, 4)
        registry = runtime.metrics.registry

        async def counted() -> bool:
            return metric_value(registry, "lantern_inbox_duplicates_total", {"subscription": f"batch-{unique}"}) == 1

        await eventually(counted, what="the second copy to be counted as a duplicate")

    assert [r["n"] for r in await effects(db, unique)] == [0, 1, 2, 3]


async def test_a_connection_lost_mid_batch_is_retried_and_nothing_is_lost_or_doubled(stack, db, unique):
    lost = []

    async def flaky(data: CheckedIn, ctx: EventContext) -> None:
        await record_effect(unique, data, ctx)
        if data.n == 5 and not lost:
            lost.append(data.n)
            # The database drops this session mid-transaction: a transient failure, like a restart or failover.
            await ctx.conn.execute("SELECT pg_terminate_backend(pg_backend_pid())")

    await backlog(stack, unique, [checked_in(unique, n) for n in range(12)])

    async with consuming(stack, unique, flaky) as runtime:
        rows = await all_applied(db, unique, 12)
        retries = metric_value(runtime.metrics.registry, "lantern_event_retries_total", {"subscription": f"batch-{unique}"})
        dead = [r for r in await read_all(stack, DLQ) if r.key == unique.encode()]

    assert lost == [5], "the connection was really cut once"
    assert retries >= 1
    assert [r["n"] for r in rows] == list(range(12)), "the lost transaction left nothing; the retry applied each once"
    assert not dead, "a transient failure is never dead-lettered"


async def test_a_handler_that_swallows_a_database_error_has_its_event_dead_lettered_not_silently_lost(
        stack, db, unique):
    async def careless(data: CheckedIn, ctx: EventContext) -> None:
        if data.n == 2:
            with contextlib.suppress(asyncpg.DivisionByZeroError):
                await ctx.conn.execute("SELECT 1 / 0")  # no savepoint: the transaction is now aborted
            return
        await record_effect(unique, data, ctx)

    await backlog(stack, unique, [checked_in(unique, n) for n in range(6)])

    async with consuming(stack, unique, careless):
        rows = await all_applied(db, unique, 5)

        async def dead_lettered():
            return [r for r in await read_all(stack, DLQ) if r.key == unique.encode()]

        dead = await eventually(dead_lettered, timeout=60, what="the careless event on the DLQ")

    assert [r["n"] for r in rows] == [0, 1, 3, 4, 5]
    assert len(dead) == 1
    assert "InFailedSQLTransactionError" in header(dead[0], "dlq-reason")


@contextlib.asynccontextmanager
async def consuming_with_batches(stack, run: str, handler, batch) -> AsyncIterator[Runtime]:
    settings = settings_for(stack, "devices", outbox_relay_enabled=False)
    route = Route(CheckedIn, handler, batch=batch)
    subscription = Subscription(f"batch-{run}", [f"lantern.test.batches-{run}"], {CHECKED_IN: route})
    runtime = Runtime(settings, Metrics(), subscriptions=[subscription])
    async with runtime.running():
        yield runtime


async def test_a_route_with_a_batch_handler_gets_runs_of_events_with_the_same_effect_in_order(stack, db, unique):
    runs: list[int] = []

    async def batch(events: list[tuple[CheckedIn, EventContext]]) -> None:
        runs.append(len(events))
        await events[0][1].conn.executemany(
            "INSERT INTO test_consumer_batch_effects (run, n, txid) VALUES ($1, $2, txid_current())",
            [(unique, data.n) for data, _ in events])

    await backlog(stack, unique, [checked_in(unique, n) for n in range(60)])
    async with consuming_with_batches(stack, unique, lambda data, ctx: record_effect(unique, data, ctx), batch):
        rows = await all_applied(db, unique, 60)

    assert [r["n"] for r in rows] == list(range(60))
    assert runs and max(runs) > 1, "a backlog of one type reaches the batch handler in runs"
    assert sum(runs) <= 60


async def test_a_failing_batch_handler_falls_back_to_each_events_handler_and_isolates_the_poison(stack, db, unique):
    async def batch(events: list[tuple[CheckedIn, EventContext]]) -> None:
        raise ValueError("the batch path cannot read one of these")

    async def one(data: CheckedIn, ctx: EventContext) -> None:
        if data.n == 11:
            raise ValueError("kiosk 11 is not a branch we know")
        await record_effect(unique, data, ctx)

    await backlog(stack, unique, [checked_in(unique, n) for n in range(30)])
    async with consuming_with_batches(stack, unique, one, batch):
        rows = await all_applied(db, unique, 29)

        async def dead_lettered():
            return [r for r in await read_all(stack, DLQ) if r.key == unique.encode()]

        dead = await eventually(dead_lettered, timeout=60, what="the poison event on the DLQ")

    assert [r["n"] for r in rows] == [n for n in range(30) if n != 11]
    assert len(dead) == 1 and json.loads(dead[0].value)["data"] == {"n": 11}
    assert "kiosk 11" in header(dead[0], "dlq-reason")
