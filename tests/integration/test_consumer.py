"""The idempotent consumer: duplicates change nothing, poison goes to the DLQ, a database outage is waited out."""

import json
import uuid

from lantern_shared.envelope import new_event
from tests.support import eventually, header, metric_value, produce, read_all, read_topic

PATRONS = "lantern.registration.patrons"
DLQ = "lantern.devices.dlq"


def enrolled(patron_id: uuid.UUID) -> bytes:
    return new_event(
        type="lantern.patron.enrolled", source="/lantern/registration", key=str(patron_id),
        data={"patron_id": str(patron_id), "name": "Test Patron", "email": "t@example.org",
              "preferred_language": "en", "consent_to_contact": True, "consent_to_referral": False},
    ).to_bytes()


CE_HEADERS = [("content-type", b"application/cloudevents+json")]


async def borrower(client, patron_id: uuid.UUID) -> dict | None:
    answer = await client.get(f"/internal/v1/borrowers/{patron_id}")
    return answer.json() if answer.status_code == 200 else None


async def test_a_redelivered_event_changes_nothing_and_is_counted(stack, devices):
    app, client = devices
    registry = app.state.runtime.metrics.registry
    before = metric_value(registry, "lantern_inbox_duplicates_total", {"subscription": "borrowers"})
    patron_id = uuid.uuid4()
    event = enrolled(patron_id)

    await produce(stack, PATRONS, [(str(patron_id).encode(), event, CE_HEADERS)] * 2)

    await eventually(lambda: borrower(client, patron_id), what="the borrower projection")

    async def counted() -> bool:
        return metric_value(registry, "lantern_inbox_duplicates_total", {"subscription": "borrowers"}) >= before + 1

    await eventually(counted, what="the duplicate to be counted")
    async with app.state.runtime.pool.acquire() as conn:
        assert await conn.fetchval("SELECT count(*) FROM inbox WHERE event_id = $1", json.loads(event)["id"]) == 1


async def test_malformed_events_go_to_the_dlq_with_reasons_and_the_next_good_event_is_applied(stack, devices, unique):
    app, client = devices
    key = f"poison-{unique}".encode()
    unknown = new_event(type="lantern.patron.teleported", source="/elsewhere", key="x", data={"to": "mars"}).to_bytes()
    wrong_schema = new_event(
        type="lantern.patron.enrolled", source="/lantern/registration", key="x", data={"patron_id": "not-a-uuid"}
    ).to_bytes()
    good_id = uuid.uuid4()

    await produce(stack, PATRONS, [
        (key, b"{this is not json", []),
        (key, unknown, CE_HEADERS),
        (key, wrong_schema, CE_HEADERS),
        (key, enrolled(good_id), CE_HEADERS),
    ])

    await eventually(lambda: borrower(client, good_id), what="the good event after the poison ones")
    dead = await read_topic(stack, DLQ, until=lambda rs: sum(r.key == key for r in rs) >= 3)
    ours = [r for r in dead if r.key == key]
    reasons = [header(r, "dlq-reason") for r in ours]
    assert "not JSON" in reasons[0]
    assert "unknown event type 'lantern.patron.teleported'" in reasons[1]
    assert "patron_id" in reasons[2]
    assert ours[0].value == b"{this is not json", "the original bytes are kept"
    for record in ours:
        assert header(record, "dlq-original-topic") == PATRONS
        assert header(record, "dlq-original-partition") is not None
        assert int(header(record, "dlq-original-offset")) >= 0
        assert header(record, "dlq-consumer") == "devices.borrowers"
    registry = app.state.runtime.metrics.registry
    assert metric_value(registry, "lantern_dlq_events_total", {"subscription": "borrowers", "reason": "invalid_envelope"}) >= 1
    assert metric_value(registry, "lantern_dlq_events_total", {"subscription": "borrowers", "reason": "unknown_type"}) >= 1
    assert metric_value(registry, "lantern_dlq_events_total", {"subscription": "borrowers", "reason": "invalid_data"}) >= 1


async def test_binary_mode_events_from_other_systems_are_accepted(stack, devices):
    app, client = devices
    patron_id = uuid.uuid4()
    headers = [
        ("ce_specversion", b"1.0"), ("ce_id", str(uuid.uuid4()).encode()), ("ce_source", b"/ils/sync"),
        ("ce_type", b"lantern.patron.enrolled"), ("content-type", b"application/json"),
    ]
    body = json.dumps({"patron_id": str(patron_id), "name": "N", "preferred_language": "vi",
                       "consent_to_contact": False, "consent_to_referral": False}).encode()
    await produce(stack, PATRONS, [(str(patron_id).encode(), body, headers)])
    await eventually(lambda: borrower(client, patron_id), what="the binary-mode event to be applied")


async def test_with_the_database_down_an_event_is_retried_not_dead_lettered_and_applied_later(stack, devices, unique):
    app, client = devices
    registry = app.state.runtime.metrics.registry
    retries_before = metric_value(registry, "lantern_event_retries_total", {"subscription": "borrowers"})
    patron_id = uuid.uuid4()

    stack.postgres.stop()
    try:
        await produce(stack, PATRONS, [(str(patron_id).encode(), enrolled(patron_id), CE_HEADERS)])

        async def retrying() -> bool:
            return metric_value(registry, "lantern_event_retries_total", {"subscription": "borrowers"}) >= retries_before + 2

        await eventually(retrying, what="the consumer to retry against the missing database")
    finally:
        stack.postgres.start()

    await eventually(lambda: borrower(client, patron_id), timeout=60, what="the event to be applied once the database is back")
    assert [r for r in await read_all(stack, PATRONS) if r.key == str(patron_id).encode()], "read_all reads the topic"
    dead = await read_all(stack, DLQ)
    assert dead, "earlier poison events are on the DLQ, so this read is a real one"
    assert not [r for r in dead if r.key == str(patron_id).encode()], "a transient failure is never dead-lettered"
