"""Several instances of a service, as separate processes on one database: a periodic job runs on one of them at a
time and moves to another when that one is killed; outbox relays in two processes keep each key's order."""

import asyncio
import json
import os
import signal
import subprocess
import sys

import asyncpg
import pytest

from lantern_shared.contracts import EventContract, EventData
from lantern_shared.outbox import Outbox
from tests.support import eventually, read_topic, settings_for

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# One "instance": runs the job every 50 ms through lantern_shared.jobs; each run records itself and takes 300 ms.
JOB_INSTANCE = """
import asyncio, sys
import asyncpg
from lantern_shared.jobs import PeriodicJob, run_periodically

dsn, table, instance = sys.argv[1:]

async def job(pool):
    async with pool.acquire() as conn:
        run = await conn.fetchval(f"INSERT INTO {table} (instance) VALUES ($1) RETURNING id", instance)
    await asyncio.sleep(0.3)
    async with pool.acquire() as conn:
        await conn.execute(f"UPDATE {table} SET ended = clock_timestamp() WHERE id = $1", run)

async def main():
    pool = await asyncpg.create_pool(dsn, min_size=1, max_size=3)
    print("ready", flush=True)
    await run_periodically(PeriodicJob(table, 0.05, job), pool, on_error=print)

asyncio.run(main())
"""

# One relay process: publishes the outbox until every row of the test's topic is sent; prints how many it sent.
RELAY_INSTANCE = """
import asyncio, sys
import asyncpg
from lantern_shared.kafka import Producer
from lantern_shared.metrics import Metrics
from lantern_shared.outbox import OutboxRelay

dsn, bootstrap, topic = sys.argv[1:]

async def main():
    pool = await asyncpg.create_pool(dsn, min_size=1, max_size=4)
    producer = Producer(bootstrap, "test-relay")
    await producer.get()
    relay = OutboxRelay(pool, producer, Metrics(), batch_size=11, lanes=2)
    print("ready", flush=True)
    while not await pool.fetchval("SELECT count(*) > 0 FROM outbox WHERE topic = $1", topic):
        await asyncio.sleep(0.01)
    sent = 0
    while await pool.fetchval("SELECT count(*) FROM outbox WHERE topic = $1 AND sent_at IS NULL", topic):
        sent += await relay.publish_batch()
    print(sent, flush=True)
    await producer.stop()

asyncio.run(main())
"""


def _start(script: str, *args: str) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True, cwd=REPO)
    assert process.stdout.readline().strip() == "ready"
    return process


@pytest.fixture
async def registration_pool(stack):
    pool = await asyncpg.create_pool(settings_for(stack, "registration").dsn, min_size=1, max_size=2)
    yield pool
    await pool.close()


async def test_a_job_runs_on_one_instance_at_a_time_and_moves_on_when_that_one_is_killed(stack, registration_pool,
                                                                                         unique):
    table = f"test_job_runs_{unique}"
    await registration_pool.execute(f"CREATE TABLE {table} (id serial PRIMARY KEY, instance text NOT NULL, "
                                    "started timestamptz NOT NULL DEFAULT clock_timestamp(), ended timestamptz)")
    dsn = settings_for(stack, "registration").dsn
    instances = {name: _start(JOB_INSTANCE, dsn, table, name) for name in ("a", "b")}
    try:
        await eventually(lambda: registration_pool.fetchval(f"SELECT count(*) >= 6 FROM {table}"), what="six runs")
        running = await eventually(lambda: registration_pool.fetchrow(
            f"SELECT id, instance FROM {table} WHERE ended IS NULL"), what="a run under way")
        instances[running["instance"]].send_signal(signal.SIGKILL)
        instances[running["instance"]].wait(10)
        killed_at = await registration_pool.fetchval("SELECT clock_timestamp()")
        survivor = "b" if running["instance"] == "a" else "a"
        await eventually(lambda: registration_pool.fetchval(
            f"SELECT count(*) >= 3 FROM {table} WHERE instance = $1 AND started > $2 AND ended IS NOT NULL",
            survivor, killed_at), what=f"instance {survivor} to carry on with the job")
    finally:
        for process in instances.values():
            process.kill()
            process.wait(10)
    runs = await registration_pool.fetch(f"SELECT id, instance, started, ended FROM {table} ORDER BY started")
    await registration_pool.execute(f"DROP TABLE {table}")
    assert {r["instance"] for r in runs} == {"a", "b"}, "one instance ran every round: the test proves nothing"
    for earlier, later in zip(runs, runs[1:]):
        if earlier["id"] == running["id"]:
            continue  # killed mid-run: never ended
        assert earlier["ended"] is not None and earlier["ended"] <= later["started"], (
            f"runs overlapped: {dict(earlier)} and {dict(later)}")
    unfinished = {r["id"] for r in runs if r["ended"] is None}  # the killed run, and maybe the last (test ended)
    assert running["id"] in unfinished and unfinished <= {running["id"], runs[-1]["id"]}


class Happened(EventData):
    sequence: int


async def test_relays_in_two_processes_keep_each_keys_order(stack, registration_pool, unique):
    settings = settings_for(stack, "registration")
    contract = EventContract("lantern.test.happened", Happened, f"lantern.test.relays-{unique}")
    relays = [_start(RELAY_INSTANCE, settings.dsn, stack.kafka.bootstrap, contract.topic) for _ in range(2)]
    keys = [f"key-{n}" for n in range(6)]
    outbox = Outbox(settings.source)
    try:
        async with registration_pool.acquire() as conn, conn.transaction():
            for sequence in range(600):
                await outbox.add(conn, contract, Happened(sequence=sequence), key=keys[sequence % 7 % 6])
        sent = [int((await asyncio.to_thread(relay.stdout.readline)).strip() or 0) for relay in relays]
    finally:
        for relay in relays:
            relay.wait(60)
    assert all(n > 0 for n in sent), f"one relay published everything ({sent}): the test proves nothing"

    records = await read_topic(stack, contract.topic, until=lambda rs: len(rs) >= 600, timeout=60)
    by_key: dict[str, list[int]] = {}
    for record in records:
        by_key.setdefault(record.key.decode(), []).append(json.loads(record.value)["data"]["sequence"])
    assert sorted(by_key) == keys
    for key, sequences in by_key.items():
        assert sequences == sorted(sequences), f"{key} published out of order by two relays"
    assert len(records) >= 600 and sum(sent) >= 600
