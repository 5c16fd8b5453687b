"""The equipment saga with the devices service over real Kafka, and what a cancelled session tells its registrants."""

import uuid

from tests.support import eventually
from lantern_registration.events import REGISTRATIONS_TOPIC, RESERVATIONS_TOPIC, SESSIONS_TOPIC

DEVICES = "/lantern/devices"


async def test_a_session_needing_devices_becomes_ready_when_devices_reserves_them(desk):
    session = await desk.session(devices_needed={"laptop": 12, "hotspot": 3})
    assert session["status"] == "equipment_pending"
    scheduled = (await desk.published(SESSIONS_TOPIC, key=session["id"], type="lantern.session.scheduled"))[0]
    assert scheduled["data"]["devices_needed"] == {"laptop": 12, "hotspot": 3}
    assert scheduled["data"]["title"] == "Email basics" and scheduled["data"]["program_kind"] == "digital_literacy_workshop"

    await desk.send(RESERVATIONS_TOPIC, "lantern.devices.reserved", {
        "session_id": session["id"], "reserved": {"laptop": 12, "hotspot": 3},
        "device_ids": [str(uuid.uuid4()) for _ in range(15)],
    }, key=session["id"], source=DEVICES)

    ready = await desk.eventually_get(f"/internal/v1/sessions/{session['id']}", lambda s: s["status"] != "equipment_pending",
                                      what="the session to follow the devices answer")
    assert ready["status"] == "ready" and ready["devices_missing"] == {}
    changed = await desk.published(SESSIONS_TOPIC, key=session["id"], type="lantern.session.equipment_changed")
    assert changed[0]["data"]["equipment_status"] == "ready" and changed[0]["data"]["missing"] == {}


async def test_a_session_short_of_devices_shows_the_shortfall_and_tells_staff_what_is_missing(desk):
    session = await desk.session(devices_needed={"laptop": 12, "hotspot": 3})

    await desk.send(RESERVATIONS_TOPIC, "lantern.devices.reservation_failed", {
        "session_id": session["id"], "requested": {"laptop": 12, "hotspot": 3}, "missing": {"hotspot": 2},
    }, key=session["id"], source=DEVICES, binary=True)

    short = await desk.eventually_get(f"/internal/v1/sessions/{session['id']}", lambda s: s["status"] != "equipment_pending",
                                      what="the session to follow the devices answer")
    assert short["status"] == "equipment_shortfall" and short["devices_missing"] == {"hotspot": 2}
    changed = await desk.published(SESSIONS_TOPIC, key=session["id"], type="lantern.session.equipment_changed")
    assert changed[0]["data"]["equipment_status"] == "shortfall" and changed[0]["data"]["missing"] == {"hotspot": 2}


async def test_cancelling_a_session_tells_every_registrant_and_a_late_devices_answer_changes_nothing(desk):
    session = await desk.session(capacity=1, devices_needed={"tablet": 4})
    seated, waiting = await desk.enroll("Ana"), await desk.enroll("Ben")
    seat = await desk.register(session, seated)
    queue = await desk.register(session, waiting)

    cancelled = await desk.ok("POST", f"/internal/v1/sessions/{session['id']}/cancellation",
                              json={"reason": "Branch closed for repairs"})
    late = await desk.send(RESERVATIONS_TOPIC, "lantern.devices.reserved", {
        "session_id": session["id"], "reserved": {"tablet": 4}, "device_ids": [],
    }, key=session["id"], source=DEVICES)

    assert cancelled["status"] == "cancelled" and cancelled["confirmed"] == 0 and cancelled["waitlisted"] == 0
    told = (await desk.published(SESSIONS_TOPIC, key=session["id"], type="lantern.session.cancelled"))[0]
    assert told["data"]["reason"] == "Branch closed for repairs"
    for registration, was in ((seat, "confirmed"), (queue, "waitlisted")):
        event = (await desk.published(REGISTRATIONS_TOPIC, key=registration["id"], type="lantern.registration.cancelled"))[0]
        assert (event["data"]["reason"], event["data"]["was"]) == ("session_cancelled", was)

    async def late_answer_consumed() -> bool:
        async with desk.deps.pool.acquire() as conn:
            return await conn.fetchval("SELECT count(*) FROM inbox WHERE event_id = $1", late) == 1

    await eventually(late_answer_consumed, what="the late devices answer to be consumed")
    assert (await desk.ok("GET", f"/internal/v1/sessions/{session['id']}"))["status"] == "cancelled"


async def test_an_answer_for_a_session_unknown_here_is_tolerated_not_dead_lettered(desk):
    before = desk.app.state.runtime.metrics.registry.get_sample_value(
        "lantern_dlq_events_total", {"subscription": "equipment", "reason": "handler_error"}) or 0
    stranger = str(uuid.uuid4())
    await desk.send(RESERVATIONS_TOPIC, "lantern.devices.reservation_failed",
                    {"session_id": stranger, "requested": {"laptop": 1}, "missing": {"laptop": 1}}, key=stranger,
                    source=DEVICES)
    session = await desk.session(devices_needed={"laptop": 1})
    await desk.send(RESERVATIONS_TOPIC, "lantern.devices.reserved",
                    {"session_id": session["id"], "reserved": {"laptop": 1}, "device_ids": []}, key=stranger,
                    source=DEVICES)
    # Same key, same partition: once the second answer is applied, the first has been handled.
    await desk.eventually_get(f"/internal/v1/sessions/{session['id']}", lambda s: s["status"] == "ready", what="ready")
    after = desk.app.state.runtime.metrics.registry.get_sample_value(
        "lantern_dlq_events_total", {"subscription": "equipment", "reason": "handler_error"}) or 0
    assert after == before


async def test_changing_the_devices_a_ready_session_needs_puts_it_back_to_pending_until_devices_answers_anew(desk):
    session = await desk.session(devices_needed={"laptop": 4})
    await desk.send(RESERVATIONS_TOPIC, "lantern.devices.reserved", {
        "session_id": session["id"], "reserved": {"laptop": 4}, "device_ids": []}, key=session["id"], source=DEVICES)
    await desk.eventually_get(f"/internal/v1/sessions/{session['id']}", lambda s: s["status"] == "ready", what="ready")

    changed = await desk.ok("PATCH", f"/internal/v1/sessions/{session['id']}", json={"devices_needed": {"laptop": 8}})
    assert changed["status"] == "equipment_pending"
    updated = (await desk.published(SESSIONS_TOPIC, key=session["id"], type="lantern.session.updated"))[0]
    assert updated["data"]["devices_needed"] == {"laptop": 8}

    # A late answer to the old request must not make the session look ready; the answer to the new one does.
    await desk.send(RESERVATIONS_TOPIC, "lantern.devices.reservation_failed", {
        "session_id": session["id"], "requested": {"laptop": 4}, "missing": {"laptop": 1}}, key=session["id"],
        source=DEVICES)
    await desk.send(RESERVATIONS_TOPIC, "lantern.devices.reserved", {
        "session_id": session["id"], "reserved": {"laptop": 8}, "device_ids": []}, key=session["id"], source=DEVICES)
    await desk.eventually_get(f"/internal/v1/sessions/{session['id']}", lambda s: s["status"] == "ready", what="ready")

    statuses = await desk.published(SESSIONS_TOPIC, key=session["id"], type="lantern.session.equipment_changed", count=3)
    assert [e["data"]["equipment_status"] for e in statuses] == ["ready", "pending", "ready"]
