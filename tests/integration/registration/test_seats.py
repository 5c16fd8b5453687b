"""Seats and the waitlist, on the real database: arrival order, promotion, capacity, refusals with reasons."""

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from lantern_registration.events import REGISTRATIONS_TOPIC, SESSIONS_TOPIC
from lantern_registration.handlers import seats
from lantern_registration.handlers import sessions as sessions_handlers
from lantern_shared.refusals import Kind, Refusal


async def test_many_patrons_racing_for_ten_seats_end_with_ten_confirmed_and_a_gapless_waitlist(desk):
    session = await desk.session(capacity=10)
    patrons = [await desk.enroll(f"Patron {i}") for i in range(30)]

    answers = await asyncio.gather(*(desk.register(session, p) for p in patrons))

    confirmed = [a for a in answers if a["status"] == "confirmed"]
    waitlisted = sorted((a for a in answers if a["status"] == "waitlisted"), key=lambda a: a["waitlist_position"])
    assert len(confirmed) == 10
    assert [a["waitlist_position"] for a in waitlisted] == list(range(1, 21))
    # Arrival order: whoever waits at position n registered before whoever waits at n + 1.
    assert [a["registered_at"] for a in waitlisted] == sorted(a["registered_at"] for a in waitlisted)
    assert max(a["registered_at"] for a in confirmed) < waitlisted[0]["registered_at"]
    seen = await desk.ok("GET", f"/internal/v1/sessions/{session['id']}")
    assert (seen["confirmed"], seen["waitlisted"], seen["seats_left"]) == (10, 20, 0)


async def test_concurrent_cancellations_hand_each_freed_seat_to_the_next_in_line_exactly_once(desk):
    session = await desk.session(capacity=5)
    answers = [await desk.register(session, await desk.enroll(f"Patron {i}")) for i in range(12)]
    seated, line = answers[:5], answers[5:]

    await asyncio.gather(*(desk.ok("POST", f"/internal/v1/registrations/{r['id']}/cancellation") for r in seated[:4]))

    after = {r["id"]: r for r in (await desk.ok("GET", "/internal/v1/registrations", params={
        "session_id": session["id"], "limit": 50}))["items"]}
    assert [after[r["id"]]["status"] for r in line] == ["confirmed"] * 4 + ["waitlisted"] * 3
    assert [after[r["id"]]["waitlist_position"] for r in line[4:]] == [1, 2, 3]
    seen = await desk.ok("GET", f"/internal/v1/sessions/{session['id']}")
    assert (seen["confirmed"], seen["waitlisted"]) == (5, 3)


async def test_a_cancellation_promotes_the_first_waitlisted_patron(desk):
    session = await desk.session(capacity=1)
    ana, ben, cleo = [await desk.enroll(n) for n in ("Ana", "Ben", "Cleo")]
    seat = await desk.register(session, ana)
    first_in_line = await desk.register(session, ben)
    second_in_line = await desk.register(session, cleo)
    assert (first_in_line["status"], first_in_line["waitlist_position"]) == ("waitlisted", 1)

    cancelled = await desk.ok("POST", f"/internal/v1/registrations/{seat['id']}/cancellation")

    assert cancelled["status"] == "cancelled" and cancelled["cancel_reason"] == "patron_cancelled"
    promoted = await desk.ok("GET", f"/internal/v1/registrations/{first_in_line['id']}")
    assert promoted["status"] == "confirmed" and promoted["waitlist_position"] is None
    still_waiting = await desk.ok("GET", f"/internal/v1/registrations/{second_in_line['id']}")
    assert still_waiting["waitlist_position"] == 1
    events = await desk.published(REGISTRATIONS_TOPIC, key=first_in_line["id"], count=2)
    assert [e["type"] for e in events] == ["lantern.registration.waitlisted", "lantern.registration.promoted"]
    assert events[1]["data"]["session_title"] == "Email basics"
    gone = await desk.published(REGISTRATIONS_TOPIC, key=seat["id"], type="lantern.registration.cancelled")
    assert gone[0]["data"]["reason"] == "patron_cancelled" and gone[0]["data"]["was"] == "confirmed"


async def test_a_waitlisted_patron_can_leave_the_list_and_those_behind_move_up(desk):
    session = await desk.session(capacity=1)
    holder, first, second = [await desk.enroll(n) for n in ("Ana", "Ben", "Cleo")]
    await desk.register(session, holder)
    leaving = await desk.register(session, first)
    behind = await desk.register(session, second)

    left = await desk.ok("POST", f"/internal/v1/registrations/{leaving['id']}/cancellation")

    assert left["cancel_reason"] == "left_waitlist"
    assert (await desk.ok("GET", f"/internal/v1/registrations/{behind['id']}"))["waitlist_position"] == 1
    event = (await desk.published(REGISTRATIONS_TOPIC, key=leaving["id"], type="lantern.registration.cancelled"))[0]
    assert event["data"]["reason"] == "left_waitlist" and event["data"]["was"] == "waitlisted"


async def test_a_second_registration_for_the_same_session_is_a_conflict_naming_the_first(desk):
    session = await desk.session(capacity=5)
    patron = await desk.enroll()
    first = await desk.register(session, patron)

    answer = await desk.api.post(f"/internal/v1/sessions/{session['id']}/registrations", json={"patron_id": patron["id"]})

    assert answer.status_code == 409
    assert answer.json()["reason"] == "already_registered" and answer.json()["registration_id"] == first["id"]


async def test_registering_outside_the_window_or_for_a_cancelled_session_is_refused_with_a_reason(desk):
    patron = await desk.enroll()
    not_yet = await desk.session(registration_opens_at=(datetime.now(UTC) + timedelta(minutes=30)).isoformat())
    cancelled = await desk.session()
    await desk.ok("POST", f"/internal/v1/sessions/{cancelled['id']}/cancellation", json={"reason": "Instructor unwell"})

    early = await desk.api.post(f"/internal/v1/sessions/{not_yet['id']}/registrations", json={"patron_id": patron["id"]})
    late = await desk.api.post(f"/internal/v1/sessions/{cancelled['id']}/registrations", json={"patron_id": patron["id"]})

    assert (early.status_code, early.json()["reason"]) == (409, "registration_not_open")
    assert (late.status_code, late.json()["reason"]) == (409, "session_cancelled")


async def test_raising_capacity_promotes_from_the_waitlist_and_lowering_it_below_confirmed_is_refused(desk):
    session = await desk.session(capacity=2)
    patrons = [await desk.enroll(f"P{i}") for i in range(4)]
    answers = [await desk.register(session, p) for p in patrons]

    too_small = await desk.api.patch(f"/internal/v1/sessions/{session['id']}", json={"capacity": 1})
    raised = await desk.ok("PATCH", f"/internal/v1/sessions/{session['id']}", json={"capacity": 3})

    assert too_small.status_code == 409 and too_small.json()["reason"] == "capacity_below_confirmed"
    assert (raised["capacity"], raised["confirmed"], raised["waitlisted"]) == (3, 3, 1)
    assert (await desk.ok("GET", f"/internal/v1/registrations/{answers[2]['id']}"))["status"] == "confirmed"
    assert (await desk.ok("GET", f"/internal/v1/registrations/{answers[3]['id']}"))["waitlist_position"] == 1


async def test_moving_a_session_publishes_its_full_new_state(desk):
    session = await desk.session(capacity=6)
    later = datetime.fromisoformat(session["starts_at"]) + timedelta(days=1)

    moved = await desk.ok("PATCH", f"/internal/v1/sessions/{session['id']}", json={
        "starts_at": later.isoformat(), "ends_at": (later + timedelta(hours=1)).isoformat(),
        "place": {"kind": "online", "name": "Video call", "url": "https://meet.example.org/email-basics"}})

    assert moved["place"]["kind"] == "online" and moved["capacity"] == 6
    updated = (await desk.published(SESSIONS_TOPIC, key=session["id"], type="lantern.session.updated"))[0]
    assert datetime.fromisoformat(updated["data"]["starts_at"]) == later
    assert updated["data"]["place"]["url"] == "https://meet.example.org/email-basics"
    assert updated["data"]["capacity"] == 6 and updated["data"]["titles"]["es"] == "Correo electrónico básico"


async def test_a_confirmation_made_after_the_session_moved_tells_its_new_time_and_place(desk):
    session = await desk.session(capacity=6)
    await desk.register(session, await desk.enroll("Ana"))  # the service has now seen the session as it was
    later = datetime.fromisoformat(session["starts_at"]) + timedelta(days=1)
    await desk.ok("PATCH", f"/internal/v1/sessions/{session['id']}", json={
        "starts_at": later.isoformat(), "ends_at": (later + timedelta(hours=1)).isoformat(),
        "place": {"kind": "online", "name": "Video call", "url": "https://meet.example.org/email-basics"}})

    ben = await desk.register(session, await desk.enroll("Ben"))

    assert ben["status"] == "confirmed"
    confirmed = (await desk.published(REGISTRATIONS_TOPIC, key=ben["id"], type="lantern.registration.confirmed"))[0]
    assert datetime.fromisoformat(confirmed["data"]["starts_at"]) == later
    assert confirmed["data"]["place_name"] == "Video call"


async def test_registration_outcomes_are_counted_by_program_kind_for_prometheus(desk):
    session = await desk.session(await desk.program(kind="outreach_visit"), capacity=1)
    first, second = await desk.enroll(), await desk.enroll()
    await desk.register(session, first)
    await desk.register(session, second)

    scraped = (await desk.api.get("/metrics")).text

    for outcome in ("confirmed", "waitlisted"):
        assert f'lantern_registration_registrations_total{{outcome="{outcome}",program_kind="outreach_visit"}}' in scraped
    await sessions_handlers.refresh_seat_gauges(desk.deps)
    scraped = (await desk.api.get("/metrics")).text
    assert "lantern_registration_waitlist_length" in scraped and "lantern_registration_upcoming_seats_filled" in scraped


async def test_once_a_session_has_started_its_seats_no_longer_change_hands(desk):
    session = await desk.session(capacity=1)
    seat = await desk.register(session, await desk.enroll())
    waiting = await desk.register(session, await desk.enroll())

    with pytest.raises(Refusal) as refused, desk.at(datetime.fromisoformat(session["starts_at"]) + timedelta(minutes=5)):
        await seats.cancel(desk.deps, uuid.UUID(seat["id"]), "patron")

    assert refused.value.kind is Kind.CONFLICT and refused.value.reason == "session_started"
    assert (await desk.ok("GET", f"/internal/v1/registrations/{waiting['id']}"))["status"] == "waitlisted"
