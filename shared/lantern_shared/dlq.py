"""Dead-lettering: a poison event goes to `lantern.<service>.dlq` with its reason and origin in headers."""

import asyncio
import logging
from datetime import UTC, datetime

from aiokafka import ConsumerRecord

from .backoff import Backoff
from .kafka import Producer

log = logging.getLogger(__name__)


class DeadLetters:
    def __init__(self, producer: Producer, topic: str, backoff: Backoff | None = None) -> None:
        self.producer = producer
        self.topic = topic
        self.backoff = backoff or Backoff()

    async def send(self, record: ConsumerRecord, *, consumer: str, reason: str) -> None:
        """Publish the original bytes untouched; keep trying until Kafka has it (never drop a poison event)."""
        headers = [(k, v) for k, v in (record.headers or ()) if not k.startswith("dlq-")]
        headers += [
            ("dlq-reason", reason[:1000].encode()),
            ("dlq-consumer", consumer.encode()),
            ("dlq-original-topic", record.topic.encode()),
            ("dlq-original-partition", str(record.partition).encode()),
            ("dlq-original-offset", str(record.offset).encode()),
            ("dlq-time", datetime.now(UTC).isoformat().encode()),
        ]
        backoff = Backoff(self.backoff.initial, self.backoff.maximum)
        while True:
            try:
                producer = await self.producer.get()
                await (await producer.send(self.topic, value=record.value, key=record.key, headers=headers))
                log.warning(
                    "dead-lettered an event",
                    extra={"reason": reason, "topic": record.topic, "partition": record.partition, "offset": record.offset},
                )
                return
            except Exception as exc:  # noqa: BLE001 - Kafka away: wait and try again
                delay = backoff.next_delay()
                log.warning("dead-letter publish failed (%s); retrying in %.1fs", type(exc).__name__, delay)
                await asyncio.sleep(delay)
