"""The transactional outbox: what commits is published, what rolls back never is, a relay crash duplicates nothing."""

import json
import uuid

import asyncpg
import pytest

from lantern_registration.handlers import patrons as patron_handlers
from lantern_registration.domain.patrons import PatronDetails
from lantern_shared.uow import UnitOfWork
from lantern_registration.events import PATRON_ENROLLED
from lantern_shared.contracts import EventContract, EventData
from lantern_shared.kafka import Producer
from lantern_shared.metrics import Metrics
from lantern_shared.outbox import Outbox, OutboxRelay
from tests.support import eventually, metric_value, read_topic, settings_for


class Happened(EventData):
    sequence: int


class RelayDied(Exception):
    pass


class RelayDyingBeforeMarking(OutboxRelay):
    async def _mark_sent(self, conn, ids):
        raise RelayDied("killed between publishing and marking")


@pytest.fixture
async def registration_db(stack):
    settings = settings_for(stack, "registration")
    pool = await asyncpg.create_pool(settings.dsn, min_size=1, max_size=4)
    producer = Producer(stack.kafka.bootstrap, "test-relay")
    yield pool, Outbox(settings.source), producer
    await producer.stop()
    await pool.close()


async def drain(relay: OutboxRelay) -> None:
    while await relay.publish_batch():
        pass


async def test_rolled_back_event_is_never_published_and_committed_one_is(stack, registration_db, unique):
    pool, outbox, producer = registration_db
    contract = EventContract("lantern.test.happened", Happened, f"lantern.test.outbox-{unique}")

    with pytest.raises(RuntimeError):
        async with pool.acquire() as conn, conn.transaction():
            await outbox.add(conn, contract, Happened(sequence=1), key="k")
            raise RuntimeError("the state change failed")
    async with pool.acquire() as conn, conn.transaction():
        committed = await outbox.add(conn, contract, Happened(sequence=2), key="k")
    await drain(OutboxRelay(pool, producer, Metrics()))

    # Same key, same partition: had the rolled-back event been published, it would come first.
    records = await read_topic(stack, contract.topic, until=lambda r: len(r) >= 1)
    published = [json.loads(r.value) for r in records]
    assert [e["id"] for e in published] == [committed.id]
    assert published[0]["data"] == {"sequence": 2}
    assert published[0]["specversion"] == "1.0" and published[0]["partitionkey"] == "k"


async def test_outbox_refuses_a_write_outside_a_transaction(registration_db):
    pool, outbox, _ = registration_db
    contract = EventContract("lantern.test.happened", Happened, "lantern.test.unused")
    async with pool.acquire() as conn:
        with pytest.raises(RuntimeError, match="inside the transaction"):
            await outbox.add(conn, contract, Happened(sequence=1), key="k")


async def enroll(details: PatronDetails, pool, outbox):
    async with pool.acquire() as conn, conn.transaction():
        return await patron_handlers.enroll_in(UnitOfWork(conn, outbox), details)


async def test_relay_dying_between_publish_and_mark_changes_nothing_downstream(stack, registration_db, devices):
    pool, outbox, producer = registration_db
    devices_app, devices_client = devices
    metrics = devices_app.state.runtime.metrics
    duplicates_before = metric_value(metrics.registry, "lantern_inbox_duplicates_total", {"subscription": "borrowers"})

    patron = await enroll(PatronDetails(name="Mai Tran", email="mai@example.org"), pool, outbox)
    with pytest.raises(RelayDied):
        await RelayDyingBeforeMarking(pool, Producer(stack.kafka.bootstrap, "dying-relay"), Metrics()).publish_batch()
    async with pool.acquire() as conn:
        unsent = await conn.fetchval(
            "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND key = $1 AND event_type = $2",
            str(patron.id), PATRON_ENROLLED.type,
        )
    assert unsent == 1, "the crashed relay must leave the row for the next one"
    await drain(OutboxRelay(pool, producer, Metrics()))

    copies = await read_topic(
        stack, PATRON_ENROLLED.topic,
        until=lambda rs: sum(r.key == str(patron.id).encode() for r in rs) >= 2,
    )
    ours = [r for r in copies if r.key == str(patron.id).encode()]  # the topic also holds other tests' records
    assert len({json.loads(r.value)["id"] for r in ours}) == 1

    async def duplicate_counted() -> bool:
        now = metric_value(metrics.registry, "lantern_inbox_duplicates_total", {"subscription": "borrowers"})
        return now >= duplicates_before + 1

    await eventually(duplicate_counted, timeout=60, what="the redelivered copy to be counted as a duplicate")

    async def borrower():
        answer = await devices_client.get(f"/internal/v1/borrowers/{patron.id}")
        return answer.json() if answer.status_code == 200 else None

    assert (await eventually(borrower, what="the borrower projection"))["status"] == "active"
    async with devices_app.state.runtime.pool.acquire() as conn:
        assert await conn.fetchval("SELECT count(*) FROM borrowers WHERE id = $1", patron.id) == 1
        applied = await conn.fetchval("SELECT count(*) FROM inbox WHERE event_id = $1", json.loads(ours[-1].value)["id"])
    assert applied == 1


async def test_patron_enrolled_event_carries_the_envelope_and_contract(stack, registration_db):
    pool, outbox, producer = registration_db
    patron = await enroll(
        PatronDetails(name="Omar Ali", phone="+1 206 555 0100", preferred_language="so"), pool, outbox
    )
    await drain(OutboxRelay(pool, producer, Metrics()))
    records = await read_topic(
        stack, PATRON_ENROLLED.topic, until=lambda rs: any(r.key == str(patron.id).encode() for r in rs)
    )
    record = next(r for r in records if r.key == str(patron.id).encode())
    event = json.loads(record.value)
    assert dict(record.headers)["content-type"] == b"application/cloudevents+json"
    assert event["type"] == "lantern.patron.enrolled"
    assert event["source"] == "/lantern/registration"
    assert event["dataschema"] == "urn:lantern:schema:lantern.patron.enrolled:v1"
    assert event["subject"] == f"patrons/{patron.id}"
    assert uuid.UUID(event["data"]["patron_id"]) == patron.id
    assert event["data"]["preferred_language"] == "so"


async def test_relay_lanes_keep_each_keys_order(stack, registration_db, unique):
    """Three lanes with small batches claim interleaved rows of five keys: each key's events still arrive in order."""
    pool, outbox, producer = registration_db
    contract = EventContract("lantern.test.happened", Happened, f"lantern.test.lanes-{unique}")
    keys = [f"key-{n}" for n in range(5)]
    async with pool.acquire() as conn, conn.transaction():
        for sequence in range(400):
            await outbox.add(conn, contract, Happened(sequence=sequence), key=keys[sequence % 7 % 5])
    relay = OutboxRelay(pool, producer, Metrics(), batch_size=17, lanes=3)
    await relay.drain()

    records = await read_topic(stack, contract.topic, until=lambda rs: len(rs) >= 400)
    by_key: dict[str, list[int]] = {}
    for record in records:
        by_key.setdefault(record.key.decode(), []).append(json.loads(record.value)["data"]["sequence"])
    assert sorted(by_key) == keys
    for key, sequences in by_key.items():
        assert sequences == sorted(sequences), f"{key} published out of order"
    assert sum(map(len, by_key.values())) == 400


async def test_rows_go_out_in_record_batches_to_the_partition_each_key_would_get_alone(stack, registration_db, unique):
    """The relay builds one record batch per partition; each record lands where `send()` would have put it (the
    default partitioner on its key), with its header, and a key's records stay in order."""
    from aiokafka.partitioner import DefaultPartitioner

    from lantern_shared.kafka import ensure_topics

    pool, outbox, producer = registration_db
    contract = EventContract("lantern.test.happened", Happened, f"lantern.test.batches-{unique}")
    await ensure_topics(stack.kafka.bootstrap, [contract.topic], partitions=6, replication=1)
    keys = [str(uuid.uuid4()) for _ in range(40)]
    async with pool.acquire() as conn, conn.transaction():
        for sequence in range(120):
            await outbox.add(conn, contract, Happened(sequence=sequence), key=keys[sequence % 40])
    await OutboxRelay(pool, producer, Metrics(), batch_size=1000, lanes=1).drain()

    records = await read_topic(stack, contract.topic, until=lambda rs: len(rs) >= 120)
    assert len(records) == 120
    partitioner, partitions = DefaultPartitioner(), list(range(6))
    for record in records:
        assert record.partition == partitioner(record.key, partitions, partitions)
        assert dict(record.headers)["content-type"] == b"application/cloudevents+json"
    assert len({r.partition for r in records}) > 1
    by_key: dict[bytes, list[int]] = {}
    for record in sorted(records, key=lambda r: (r.partition, r.offset)):
        by_key.setdefault(record.key, []).append(json.loads(record.value)["data"]["sequence"])
    assert all(sequences == sorted(sequences) and len(sequences) == 3 for sequences in by_key.values())
