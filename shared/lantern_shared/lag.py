"""Consumer lag per group and partition: end offset minus the group's committed offset, polled from Kafka.

Every instance of a service reports the same numbers for its groups (they come from the broker, not from the
instance), so dashboards take `max by (group, topic, partition)`.
"""

import asyncio
import contextlib
import logging

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from .metrics import Metrics
from .transport import KafkaAccess, as_access

log = logging.getLogger(__name__)


async def topic_partitions(admin: AIOKafkaAdminClient, topics: list[str]) -> list[TopicPartition]:
    described = await admin.describe_topics(topics)
    return [TopicPartition(t["topic"], p["partition"]) for t in described if t["error_code"] == 0 for p in t["partitions"]]


async def measure_lag(admin: AIOKafkaAdminClient, reader: AIOKafkaConsumer, group: str, topics: list[str]) -> dict[TopicPartition, int]:
    committed = await admin.list_consumer_group_offsets(group)
    partitions = await topic_partitions(admin, topics)
    if not partitions:
        return {}
    ends = await reader.end_offsets(partitions)
    lag = {}
    for tp in partitions:
        done = committed.get(tp)
        lag[tp] = max(ends[tp] - (done.offset if done is not None and done.offset >= 0 else 0), 0)
    return lag


async def report_lag_forever(bootstrap: str | KafkaAccess, groups: dict[str, list[str]], metrics: Metrics, interval_s: float = 15) -> None:
    while True:
        options = as_access(bootstrap).client_options()
        admin = AIOKafkaAdminClient(**options, request_timeout_ms=10000)
        reader = AIOKafkaConsumer(**options, group_id=None, enable_auto_commit=False)
        try:
            await admin.start()
            await reader.start()
            while True:
                for group, topics in groups.items():
                    for tp, lag in (await measure_lag(admin, reader, group, topics)).items():
                        metrics.consumer_lag.labels(group, tp.topic, str(tp.partition)).set(lag)
                await asyncio.sleep(interval_s)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - Kafka away: try again later, keep the last values
            log.warning("could not measure consumer lag (%s)", type(exc).__name__)
            await asyncio.sleep(interval_s)
        finally:
            with contextlib.suppress(Exception):
                await reader.stop()
            with contextlib.suppress(Exception):
                await admin.close()
