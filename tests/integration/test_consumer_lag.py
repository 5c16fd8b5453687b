"""Consumer lag is measured from the broker: events a group has not committed yet, per partition."""


from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from lantern_shared.lag import measure_lag
from tests.support import produce


async def test_lag_counts_what_a_group_has_not_committed_and_drops_to_zero_when_it_catches_up(stack, unique):
    topic, group = f"lantern.test.lag-{unique}", f"test.lag-{unique}"
    await produce(stack, topic, [(b"k", f"e{n}".encode(), []) for n in range(5)])
    admin = AIOKafkaAdminClient(bootstrap_servers=stack.kafka.bootstrap)
    reader = AIOKafkaConsumer(bootstrap_servers=stack.kafka.bootstrap, group_id=None)
    worker = AIOKafkaConsumer(topic, bootstrap_servers=stack.kafka.bootstrap, group_id=group,
                              auto_offset_reset="earliest", enable_auto_commit=False)
    await admin.start(), await reader.start(), await worker.start()
    try:
        assert sum((await measure_lag(admin, reader, group, [topic])).values()) == 5
        fetched = await worker.getmany(timeout_ms=5000, max_records=3)
        records = [r for batch in fetched.values() for r in batch]
        assert records, "the worker should have read something"
        last = records[-1]
        await worker.commit({TopicPartition(last.topic, last.partition): last.offset + 1})
        assert sum((await measure_lag(admin, reader, group, [topic])).values()) == 5 - (last.offset + 1)
        while sum((await measure_lag(admin, reader, group, [topic])).values()):
            batch = await worker.getmany(timeout_ms=1000)
            for tp, recs in batch.items():
                await worker.commit({tp: recs[-1].offset + 1})
    finally:
        await worker.stop(), await reader.stop(), await admin.close()
