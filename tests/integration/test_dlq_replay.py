"""A dead-lettered event, once its cause is fixed, is replayed and applied exactly once."""

import uuid

from lantern_shared.consumer import Route, Subscription
from lantern_shared.contracts import EventData
from lantern_shared.envelope import new_event
from lantern_shared.metrics import Metrics
from lantern_shared.replay import replay_dead_letters
from lantern_shared.runtime import Runtime
from tests.support import eventually, metric_value, produce, read_topic, settings_for

CE = [("content-type", b"application/cloudevents+json")]


class Donated(EventData):
    device_kind: str


async def test_a_dead_letter_is_replayed_once_its_cause_is_fixed_and_applied_exactly_once(stack, unique):
    topic = f"lantern.test.replay-{unique}"
    event = new_event(type="lantern.device.donated", source="/partners/tech-drive", key=unique,
                      data={"device_kind": "laptop"}).to_bytes()
    settings = settings_for(stack, "devices", outbox_relay_enabled=False, consumer_batch_max=50)

    # Before the fix: this consumer does not know the event type, so the event is dead-lettered with the reason.
    unaware = Runtime(settings, Metrics(), subscriptions=[Subscription(f"replay-{unique}", [topic], {})])
    async with unaware.running():
        await produce(stack, topic, [(unique.encode(), event, CE)])
        dead = await read_topic(stack, "lantern.devices.dlq", until=lambda rs: any(r.key == unique.encode() for r in rs))
    assert any(r.key == unique.encode() for r in dead)

    applied: list[str] = []

    async def donated(data: Donated, ctx) -> None:
        applied.append(data.device_kind)

    # The fix: the consumer now handles the type. Replaying twice applies the event once.
    fixed = Runtime(settings, Metrics(), subscriptions=[
        Subscription(f"replay-{unique}", [topic], {"lantern.device.donated": Route(Donated, donated)})])
    async with fixed.running():
        first = await replay_dead_letters(stack.kafka.bootstrap, "devices", reason_contains="lantern.device.donated")
        await eventually(lambda: applied, timeout=60, what="the replayed event to be applied")
        second = await replay_dead_letters(stack.kafka.bootstrap, "devices", reason_contains="lantern.device.donated")

        async def counted_twice_as_duplicate() -> bool:
            return metric_value(fixed.metrics.registry, "lantern_inbox_duplicates_total",
                                {"subscription": f"replay-{unique}"}) >= 1

        await eventually(counted_twice_as_duplicate, timeout=60, what="the second replay to be recognised")
    assert applied == ["laptop"]
    assert first.replayed >= 1 and second.replayed >= 1 and first.by_topic[topic] == 1


async def test_a_dry_run_sends_nothing(stack):
    report = await replay_dead_letters(stack.kafka.bootstrap, "devices", reason_contains=str(uuid.uuid4()), dry_run=True)
    assert report.replayed == 0
