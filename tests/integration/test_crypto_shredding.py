"""Crypto-shredding on the real broker: a consumer opens sealed personal fields with the patron's key; once the key
is destroyed (erasure), a sealed event is skipped and counted, never dead-lettered, and the next event goes on."""

import json
import uuid

from lantern_registration.events import PATRON_ENROLLED
from lantern_shared.envelope import new_event
from lantern_shared.sealing import PREFIX, KeyStore, patron_subject, seal
from tests.support import eventually, metric_value, produce, read_all

PATRONS = "lantern.registration.patrons"
DLQ = "lantern.devices.dlq"
CE_HEADERS = [("content-type", b"application/cloudevents+json")]


async def sealed_enrolment(keys: KeyStore, patron_id: uuid.UUID, name: str) -> bytes:
    data = {"patron_id": str(patron_id), "name": name, "email": f"{patron_id.hex[:8]}@example.org",
            "phone": None, "preferred_language": "en", "consent_to_contact": True, "consent_to_referral": False}
    sealed = await seal(keys, PATRON_ENROLLED, data)
    assert sealed["name"].startswith(PREFIX) and name not in json.dumps(sealed), "the name is not readable sealed"
    assert sealed["phone"] is None and sealed["patron_id"] == str(patron_id), "only personal values are sealed"
    return new_event(type=PATRON_ENROLLED.type, source="/lantern/registration", key=str(patron_id),
                     data=sealed).to_bytes()


async def borrower(client, patron_id: uuid.UUID) -> dict | None:
    answer = await client.get(f"/internal/v1/borrowers/{patron_id}")
    return answer.json() if answer.status_code == 200 else None


async def test_a_shredded_event_is_skipped_not_dead_lettered_and_the_next_one_is_applied(stack, devices, unique):
    app, client = devices
    registry = app.state.runtime.metrics.registry
    labels = {"subscription": "borrowers", "event_type": PATRON_ENROLLED.type, "outcome": "shredded"}
    shredded_before = metric_value(registry, "lantern_events_handled_total", labels)
    keys = KeyStore(stack.keys_dsn)
    try:
        readable, erased, after = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
        key = f"shred-{unique}".encode()  # one key: one partition, so the three arrive in this order
        first = await sealed_enrolment(keys, readable, "Readable Patron")
        gone = await sealed_enrolment(keys, erased, "Erased Patron")
        await keys.destroy(patron_subject(erased))
        last = await sealed_enrolment(keys, after, "Later Patron")
        await produce(stack, PATRONS, [(key, first, CE_HEADERS), (key, gone, CE_HEADERS), (key, last, CE_HEADERS)])

        await eventually(lambda: borrower(client, after), timeout=60, what="the event after the shredded one")
        assert await borrower(client, readable) is not None, "a sealed event whose key exists is opened and applied"
        assert await borrower(client, erased) is None, "nothing of an erased patron is applied"
        assert metric_value(registry, "lantern_events_handled_total", labels) >= shredded_before + 1
        assert not [r for r in await read_all(stack, DLQ) if r.key == key], "a shredded event is not poison"
        try:
            await keys.key_for_sealing(patron_subject(erased))
        except Exception as refused:  # noqa: BLE001 - the refusal is the point
            assert type(refused).__name__ == "Shredded"
        else:
            raise AssertionError("a destroyed key must never be made again")
    finally:
        await keys.close()
