"""With Kafka stopped, writes still succeed and the outbox grows; when it returns, everything arrives in order per key."""

import json

import asyncpg

from lantern_shared.contracts import EventContract, EventData
from lantern_shared.outbox import Outbox
from tests.integration.conftest import running_service
from tests.support import eventually, metric_value, read_topic, settings_for


class Counted(EventData):
    sequence: int


async def test_writes_succeed_while_kafka_is_down_and_are_delivered_in_order_when_it_returns(stack, unique):
    contract = EventContract("lantern.test.counted", Counted, f"lantern.test.outage-{unique}")
    keys = [f"{unique}-a", f"{unique}-b", f"{unique}-c"]
    settings = settings_for(stack, "registration")
    async with running_service(stack, "registration") as (app, client):
        registry = app.state.runtime.metrics.registry
        stack.kafka.stop()
        try:
            enrolled = []
            for n in range(5):
                answer = await client.post("/internal/v1/patrons", json={"name": f"Patron {n}", "email": f"p{n}@example.org"})
                assert answer.status_code == 201, answer.text
                enrolled.append(answer.json()["id"])
            pool = app.state.runtime.pool
            outbox = Outbox(settings.source)
            for sequence in range(10):
                for key in keys:
                    async with pool.acquire() as conn, conn.transaction():
                        await outbox.add(conn, contract, Counted(sequence=sequence), key=key)

            async def backlog_grew() -> bool:
                return metric_value(registry, "lantern_outbox_backlog") >= 35

            await eventually(backlog_grew, what="the outbox backlog gauge to show the waiting events")
        finally:
            stack.kafka.start()

        records = await read_topic(stack, contract.topic, until=lambda rs: len({r.value for r in rs}) >= 30, timeout=90)
        for key in keys:
            sequences = [json.loads(r.value)["data"]["sequence"] for r in records if r.key == key.encode()]
            deduplicated = list(dict.fromkeys(sequences))
            assert deduplicated == list(range(10)), f"{key} arrived out of order: {sequences}"

        patrons = await read_topic(
            stack, "lantern.registration.patrons",
            until=lambda rs: set(enrolled) <= {r.key.decode() for r in rs if r.key}, timeout=60,
        )
        assert set(enrolled) <= {r.key.decode() for r in patrons if r.key}

        async def drained() -> bool:
            return metric_value(registry, "lantern_outbox_backlog") == 0

        await eventually(drained, timeout=30, what="the outbox backlog to drain")
    conn = await asyncpg.connect(settings.dsn)
    try:
        assert await conn.fetchval("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND key = ANY($1)", keys) == 0
    finally:
        await conn.close()
