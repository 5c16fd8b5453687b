"""One-to-one help and the Public Libraries Survey figures on the real database: one patron per slot under a race,
and the PLS report matching hand counts over series, hybrid sessions and one-to-one help."""

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

from lantern_registration.events import APPOINTMENTS_TOPIC
from lantern_registration.handlers.sessions import complete_ended_sessions


async def a_slot(desk, kind: str = "resume_help", starts_in: timedelta = timedelta(hours=2)) -> dict:
    starts = datetime.now(UTC) + starts_in
    return await desk.ok("POST", "/internal/v1/appointment-slots", 201, json={
        "kind": kind, "helper_name": "Volunteer Vi", "helper_role": "volunteer", "branch": "Central",
        "starts_at": starts.isoformat(), "ends_at": (starts + timedelta(minutes=45)).isoformat(),
        "timezone": "America/Chicago", "languages": ["en", "vi"]})


async def test_patrons_racing_for_one_appointment_slot_leave_exactly_one_booking(desk):
    slot = await a_slot(desk)
    patrons = [await desk.enroll(f"Job seeker {i}") for i in range(6)]

    answers = await asyncio.gather(*(desk.api.post(f"/internal/v1/appointment-slots/{slot['id']}/booking",
                                                   json={"patron_id": p["id"]}) for p in patrons))

    assert sorted(a.status_code for a in answers) == [200] + [409] * 5
    assert {a.json()["reason"] for a in answers if a.status_code == 409} == {"slot_taken"}
    winner = next(a.json() for a in answers if a.status_code == 200)
    booked = await desk.published(APPOINTMENTS_TOPIC, key=slot["id"], type="lantern.appointment.booked")
    assert [e["data"]["patron_id"] for e in booked] == [winner["patron_id"]]
    assert booked[0]["data"]["kind"] == "resume_help"


async def test_a_given_up_booking_reopens_the_slot_and_says_so(desk):
    slot = await a_slot(desk, "tech_help")
    patron = await desk.enroll()
    await desk.ok("POST", f"/internal/v1/appointment-slots/{slot['id']}/booking", json={"patron_id": patron["id"]})

    reopened = await desk.ok("POST", f"/internal/v1/appointment-slots/{slot['id']}/booking-cancellation")

    assert (reopened["status"], reopened["patron_id"]) == ("open", None)
    told = await desk.published(APPOINTMENTS_TOPIC, key=slot["id"], type="lantern.appointment.cancelled")
    assert told[0]["data"]["patron_id"] == patron["id"]


async def _attend(desk, session: dict, count: int) -> None:
    with desk.at(datetime.fromisoformat(session["starts_at"])):
        for _ in range(count):
            patron = await desk.enroll()
            await desk.ok("POST", f"/internal/v1/sessions/{session['id']}/check-ins", 201,
                          json={"patron_id": patron["id"]})


async def test_the_pls_report_matches_hand_counts_over_series_hybrid_sessions_and_one_to_one_help(desk):
    year = 3000 + uuid.uuid4().int % 5000  # a reporting year of its own, far from other tests' sessions
    adults = await desk.program(age_group="adults", registration={"unit": "series"})
    kids = await desk.program(age_group="ages_6_11")
    first = datetime.now(UTC) + timedelta(hours=1)
    series = await desk.ok("POST", "/internal/v1/series", 201, json={
        "program_id": adults["id"], "starts_at": first.isoformat(), "ends_at": (first + timedelta(hours=1)).isoformat(),
        "timezone": "America/Chicago", "rrule": "FREQ=HOURLY;INTERVAL=2;COUNT=3",
        "place": {"kind": "branch", "name": "Central, lab"}, "capacity": 10})
    one, two, three = series["occurrences"]
    hybrid = await desk.session(kids, hybrid=True, starts_in=timedelta(hours=2))
    off_site = await desk.session(kids, place={"kind": "partner_site", "name": "Eastside Community Center"})
    online = await desk.session(kids, age_group="general_interest",
                                place={"kind": "online", "name": "Stream", "url": "https://example.org/live"})
    await desk.ok("POST", f"/internal/v1/sessions/{three['id']}/cancellation", json={"reason": "Snow day"})
    for session, attendees in ((one, 3), (two, 2), (hybrid, 4), (off_site, 2), (online, 1)):
        await _attend(desk, session, attendees)
    helped, missed, unbooked = (await a_slot(desk, "resume_help"), await a_slot(desk, "tech_help"),
                                await a_slot(desk, "tech_help"))
    for slot, came in ((helped, True), (missed, False)):
        patron = await desk.enroll()
        await desk.ok("POST", f"/internal/v1/appointment-slots/{slot['id']}/booking", json={"patron_id": patron["id"]})
        with desk.at(datetime.fromisoformat(slot["starts_at"])):
            await desk.ok("POST", f"/internal/v1/appointment-slots/{slot['id']}/attendance", json={"attended": came})
    with desk.at(datetime.now(UTC) + timedelta(hours=8)):
        await complete_ended_sessions(desk.deps)
    ids = [uuid.UUID(s["id"]) for s in (one, two, three, hybrid, off_site, online)]
    slots = [uuid.UUID(s["id"]) for s in (helped, missed, unbooked)]
    async with desk.deps.pool.acquire() as conn:  # move the dataset into its reporting year
        await conn.execute("UPDATE sessions SET starts_at = make_timestamptz($2, 3, 1, 10, 0, 0, 'UTC'), "
                           "ends_at = make_timestamptz($2, 3, 1, 12, 0, 0, 'UTC') WHERE id = ANY($1::uuid[])", ids, year)
        await conn.execute("UPDATE appointment_slots SET starts_at = make_timestamptz($2, 3, 1, 10, 0, 0, 'UTC'), "
                           "ends_at = make_timestamptz($2, 3, 1, 11, 0, 0, 'UTC') WHERE id = ANY($1::uuid[])",
                           slots, year)

    pls = await desk.ok("GET", "/internal/v1/reports/pls", params={"from": f"{year}-01-01", "to": f"{year + 1}-01-01"})

    # By hand: two held occurrences of the series (the third was cancelled), the hybrid session once and in person,
    # one off site, one live online for general interest; one-to-one help apart.
    zero = {"ages_0_5": 0, "ages_6_11": 0, "ages_12_18": 0, "adults": 0, "general_interest": 0}
    assert pls["sessions_by_format"] == {
        "in_person_on_site": zero | {"adults": 2, "ages_6_11": 1},
        "in_person_off_site": zero | {"ages_6_11": 1},
        "live_virtual": zero | {"general_interest": 1},
    }
    assert pls["attendance_by_format"] == {
        "in_person_on_site": zero | {"adults": 5, "ages_6_11": 4},
        "in_person_off_site": zero | {"ages_6_11": 2},
        "live_virtual": zero | {"general_interest": 1},
    }
    assert pls["sessions_by_age_group"] == zero | {"adults": 2, "ages_6_11": 2, "general_interest": 1}
    assert pls["attendance_by_age_group"] == zero | {"adults": 5, "ages_6_11": 6, "general_interest": 1}
    assert (pls["hybrid_sessions"], pls["virtual_sessions"], pls["virtual_attendance"]) == (1, 1, 1)
    assert pls["by_place"] == [  # where: each branch room or partner site by name, online sessions as one
        {"key": "Central, lab", "kind": "branch", "sessions_held": 2, "attended": 5},
        {"key": "Central, room 2", "kind": "branch", "sessions_held": 1, "attended": 4},
        {"key": "Eastside Community Center", "kind": "partner_site", "sessions_held": 1, "attended": 2},
        {"key": "online", "kind": "online", "sessions_held": 1, "attended": 1},
    ]
    assert pls["one_to_one"] == [{"kind": "resume_help", "booked": 1, "attended": 1},
                                 {"kind": "tech_help", "booked": 1, "attended": 0}]
