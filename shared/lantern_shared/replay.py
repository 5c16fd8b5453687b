"""Replay dead letters after their cause is fixed: each goes back to its original topic, untouched.

Safe to run more than once: consumers record event ids in their inbox, so an event applied once is not applied
again. An event that still fails is dead-lettered again, with its reason.

    uv run python -m lantern_shared.replay --service devices --bootstrap 127.0.0.1:9092 \\
        [--reason-contains "unknown event type"] [--dry-run]

On a secured cluster (docs/security.md) the replay writes to topics other services own, so it runs as the
operators' Kafka user: --security-protocol SASL_SSL --sasl-username USER --ssl-cafile CA, password in
LANTERN_REPLAY_KAFKA_PASSWORD.
"""

import argparse
import asyncio
import os
import sys
from collections import Counter
from dataclasses import dataclass, field

from aiokafka import AIOKafkaProducer, ConsumerRecord

from .contracts import dlq_topic
from .kafka import read_to_end
from .transport import KafkaAccess, as_access


@dataclass
class ReplayReport:
    read: int = 0
    replayed: int = 0
    skipped: int = 0
    by_topic: Counter = field(default_factory=Counter)

    def __str__(self) -> str:
        topics = ", ".join(f"{t}: {n}" for t, n in sorted(self.by_topic.items())) or "none"
        return f"read {self.read}, replayed {self.replayed} ({topics}), left alone {self.skipped}"


def _header(record: ConsumerRecord, name: str) -> str | None:
    return next((v.decode(errors="replace") for k, v in record.headers or () if k == name), None)


def original(record: ConsumerRecord) -> tuple[str | None, list[tuple[str, bytes]]]:
    """Where a dead letter came from, and its headers as they were before dead-lettering."""
    headers = [(k, v) for k, v in record.headers or () if not k.startswith("dlq-")]
    return _header(record, "dlq-original-topic"), headers


async def replay_dead_letters(
    bootstrap: str | KafkaAccess, service: str, *, reason_contains: str | None = None, dry_run: bool = False
) -> ReplayReport:
    """Everything on the service's DLQ right now whose reason matches goes back to its original topic."""
    report = ReplayReport()
    topic = dlq_topic(service)
    producer = AIOKafkaProducer(**as_access(bootstrap).client_options(), enable_idempotence=True)
    await producer.start()
    try:
        # Up to the end as it is now: what is dead-lettered after we started is for the next replay.
        async for record in read_to_end(bootstrap, topic):
            report.read += 1
            destination, headers = original(record)
            reason = _header(record, "dlq-reason") or ""
            if destination is None or (reason_contains and reason_contains not in reason):
                report.skipped += 1
                continue
            if not dry_run:
                await producer.send_and_wait(destination, value=record.value, key=record.key, headers=headers)
            report.replayed += 1
            report.by_topic[destination] += 1
        return report
    finally:
        await producer.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--service", required=True, help="whose dead-letter topic (lantern.<service>.dlq)")
    parser.add_argument("--bootstrap", default="127.0.0.1:9092")
    parser.add_argument("--reason-contains", help="only dead letters whose reason contains this text")
    parser.add_argument("--dry-run", action="store_true", help="say what would be replayed, send nothing")
    parser.add_argument("--security-protocol", default="PLAINTEXT")
    parser.add_argument("--sasl-mechanism", default="SCRAM-SHA-512")
    parser.add_argument("--sasl-username", default="")
    parser.add_argument("--ssl-cafile", default="")
    args = parser.parse_args()
    access = KafkaAccess(args.bootstrap, args.security_protocol, args.sasl_mechanism, args.sasl_username,
                         os.environ.get("LANTERN_REPLAY_KAFKA_PASSWORD", ""), args.ssl_cafile)
    report = asyncio.run(replay_dead_letters(access, args.service, reason_contains=args.reason_contains,
                                             dry_run=args.dry_run))
    print(("would replay: " if args.dry_run else "") + str(report))
    sys.exit(0)


if __name__ == "__main__":
    main()
