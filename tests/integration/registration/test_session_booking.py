"""A session names the space booked for it: kept, shown, changed, and carried on its events for devices to act on."""

import uuid

from lantern_registration.events import SESSIONS_TOPIC


async def test_a_session_carries_its_space_booking_in_the_api_and_on_its_events(desk):
    booking_id, moved_to = str(uuid.uuid4()), str(uuid.uuid4())
    session = await desk.session(booking_id=booking_id)
    assert session["booking_id"] == booking_id
    scheduled = (await desk.published(SESSIONS_TOPIC, key=session["id"], type="lantern.session.scheduled"))[0]
    assert scheduled["data"]["booking_id"] == booking_id

    changed = await desk.ok("PATCH", f"/internal/v1/sessions/{session['id']}", json={"booking_id": moved_to})
    assert changed["booking_id"] == moved_to
    assert (await desk.ok("GET", f"/internal/v1/sessions/{session['id']}"))["booking_id"] == moved_to
    updated = (await desk.published(SESSIONS_TOPIC, key=session["id"], type="lantern.session.updated"))[0]
    assert updated["data"]["booking_id"] == moved_to


async def test_a_session_without_a_booking_says_so(desk):
    session = await desk.session()
    assert session["booking_id"] is None
