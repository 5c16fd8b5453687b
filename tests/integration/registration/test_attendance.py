"""Check-ins from staff and kiosks, no-shows after a session ends, feedback, incentives, and the program report."""

import uuid
from datetime import datetime, timedelta

from lantern_registration.events import ATTENDANCE_TOPIC, CHECKINS_TOPIC, SESSIONS_TOPIC
from lantern_registration.handlers.attendance import forget_old_scans
from lantern_registration.handlers.sessions import complete_ended_sessions

KIOSK = "/kiosk/central-lobby"


def scans_counted(desk, outcome: str) -> float:
    return desk.app.state.runtime.metrics.registry.get_sample_value(
        "lantern_registration_checkin_scans_total", {"outcome": outcome}) or 0


async def outbox_events(desk, event_type: str, key: str) -> int:
    async with desk.deps.pool.acquire() as conn:
        return await conn.fetchval("SELECT count(*) FROM outbox WHERE event_type = $1 AND key = $2", event_type, key)


async def test_a_resent_kiosk_scan_is_counted_once_even_under_a_new_event_id(desk):
    session = await desk.session()
    patron = await desk.enroll(library_card_number=f"2{uuid.uuid4().int % 10**12:012d}")
    bystander = await desk.enroll("Walk-in")
    await desk.register(session, patron)
    repeats_before = scans_counted(desk, "repeated_scan")
    scan = {"session_id": session["id"], "library_card_number": patron["library_card_number"],
            "checked_in_at": datetime.now().astimezone().isoformat(), "kiosk_id": "lobby-1", "nonce": uuid.uuid4().hex}

    await desk.send(CHECKINS_TOPIC, "lantern.checkin.recorded", scan, key=session["id"], source=KIOSK)
    await desk.send(CHECKINS_TOPIC, "lantern.checkin.recorded", scan, key=session["id"], source=KIOSK, binary=True)
    await desk.send(CHECKINS_TOPIC, "lantern.checkin.recorded", scan | {"patron_id": bystander["id"],
                    "library_card_number": None, "nonce": uuid.uuid4().hex}, key=session["id"], source=KIOSK)

    # Same key, same partition, handled in order: once the walk-in is in, both copies of the scan were handled.
    present = await desk.eventually_get(f"/internal/v1/sessions/{session['id']}/attendance", lambda a: len(a) >= 2,
                                        what="the kiosk check-ins")
    assert sorted(a["patron_id"] for a in present) == sorted([patron["id"], bystander["id"]])
    assert {a["method"] for a in present} == {"kiosk"}
    assert scans_counted(desk, "repeated_scan") == repeats_before + 1
    assert await outbox_events(desk, "lantern.attendance.recorded", patron["id"]) == 1
    standing = await desk.ok("GET", f"/internal/v1/patrons/{patron['id']}/incentives")
    assert (standing["sessions_attended"], standing["points"]) == (1, 10)
    recorded = (await desk.published(ATTENDANCE_TOPIC, key=patron["id"], type="lantern.attendance.recorded"))[0]
    assert recorded["data"]["method"] == "kiosk" and recorded["data"]["session_id"] == session["id"]
    mine = await desk.ok("GET", f"/internal/v1/registrations?session_id={session['id']}&patron_id={patron['id']}")
    assert mine["items"][0]["attendance"] == "attended"


async def test_staff_check_in_twice_records_one_attendance(desk):
    session = await desk.session()
    patron = await desk.enroll()
    first = await desk.ok("POST", f"/internal/v1/sessions/{session['id']}/check-ins", 201, json={"patron_id": patron["id"]})
    again = await desk.ok("POST", f"/internal/v1/sessions/{session['id']}/check-ins", 200, json={"patron_id": patron["id"]})
    assert again == first and first["method"] == "staff" and first["registration_id"] is None


async def test_after_a_session_ends_unchecked_registrants_are_no_shows_and_the_report_counts_them(desk):
    program = await desk.program(titles={"en": "Resume clinic"}, kind="job_skills_training", age_group="adults",
                                 audience_tags=["job-seekers"])
    session = await desk.session(program, capacity=4)
    came, missed = await desk.enroll("Came", preferred_language="vi"), await desk.enroll("Missed")
    for patron in (came, missed):
        await desk.register(session, patron)
    await desk.ok("POST", f"/internal/v1/sessions/{session['id']}/check-ins", 201, json={"patron_id": came["id"]})
    early = await desk.api.post(f"/internal/v1/sessions/{session['id']}/feedback", json={
        "patron_id": missed["id"], "knowledge": 5, "confidence": 5, "application": 5, "awareness": 5})

    with desk.at(datetime.fromisoformat(session["ends_at"]) + timedelta(minutes=1)):
        await complete_ended_sessions(desk.deps)

    assert early.status_code == 409 and early.json()["reason"] == "not_attended"
    done = await desk.ok("GET", f"/internal/v1/sessions/{session['id']}")
    assert done["status"] == "completed"
    marks = {r["patron_id"]: r["attendance"] for r in
             (await desk.ok("GET", f"/internal/v1/registrations?session_id={session['id']}"))["items"]}
    assert marks == {came["id"]: "attended", missed["id"]: "no_show"}
    completed = (await desk.published(SESSIONS_TOPIC, key=session["id"], type="lantern.session.completed"))[0]
    assert (completed["data"]["attended"], completed["data"]["no_shows"]) == (1, 1)

    feedback = await desk.ok("POST", f"/internal/v1/sessions/{session['id']}/feedback", 201, json={
        "patron_id": came["id"], "knowledge": 5, "confidence": 4, "application": 4, "awareness": 2,
        "liked_most": "Hands-on practice", "wants_to_learn": ["Excel", "LinkedIn"]})
    twice = await desk.api.post(f"/internal/v1/sessions/{session['id']}/feedback", json={
        "patron_id": came["id"], "knowledge": 1, "confidence": 1, "application": 1, "awareness": 1})
    await desk.ok("POST", f"/internal/v1/feedback/{feedback['id']}/follow-up", json={"applied": "yes"})
    report = await desk.ok("GET", f"/internal/v1/programs/{program['id']}/report")

    assert twice.status_code == 409 and twice.json()["reason"] == "feedback_already_given"
    received = (await desk.published(ATTENDANCE_TOPIC, key=came["id"], type="lantern.feedback.received"))[0]
    assert received["data"]["rating"] == 4 and received["data"]["wants_to_learn"] == ["excel", "linkedin"]
    assert (report["sessions_held"], report["seats_offered"], report["seats_filled"], report["attended"],
            report["no_shows"]) == (1, 4, 2, 1, 1)
    assert report["attendance_rate"] == 0.5 and report["fill_rate"] == 0.5
    assert report["outcomes"]["knowledge"] == 5 and report["outcomes"]["awareness"] == 2
    assert report["outcomes"]["follow_ups"] == {"yes": 1, "partly": 0, "no": 0}
    assert [w["skill"] for w in report["most_wanted_skills"]] == ["excel", "linkedin"]
    assert {t["key"]: t["attended"] for t in report["by_language"]} == {"vi": 1, "es": 0}


async def test_a_milestone_is_earned_exactly_once_per_patron(desk):
    code = f"certificate-{uuid.uuid4().hex[:6]}"
    await desk.ok("PUT", f"/internal/v1/incentives/milestones/{code}", json={"sessions_required": 2, "reward": "certificate"})
    try:
        patron = await desk.enroll()
        sessions = [await desk.session() for _ in range(3)]
        for session in sessions:
            await desk.ok("POST", f"/internal/v1/sessions/{session['id']}/check-ins", 201, json={"patron_id": patron["id"]})
        await desk.ok("POST", f"/internal/v1/sessions/{sessions[1]['id']}/check-ins", 200, json={"patron_id": patron["id"]})
    finally:
        await desk.ok("DELETE", f"/internal/v1/incentives/milestones/{code}", 204)

    standing = await desk.ok("GET", f"/internal/v1/patrons/{patron['id']}/incentives")
    assert standing["sessions_attended"] == 3 and standing["points"] == 30
    assert standing["milestones"] == [code]
    earned = await desk.published(ATTENDANCE_TOPIC, key=patron["id"], type="lantern.incentive.earned")
    assert [(e["data"]["milestone"], e["data"]["points_total"]) for e in earned] == [(code, 20)]
    assert await outbox_events(desk, "lantern.incentive.earned", patron["id"]) == 1


async def test_the_public_libraries_survey_figures_count_held_sessions_and_attendance_by_age_group(desk):
    year = 3000 + uuid.uuid4().int % 5000  # a reporting year of its own, far from other tests' sessions
    teens = await desk.program(age_group="ages_12_18", audience_tags=["gaming"], languages=["en"])
    kids = await desk.program(age_group="ages_6_11", languages=["es"])
    held = [await desk.session(teens), await desk.session(teens, place={"kind": "online", "name": "Stream",
                                                                       "url": "https://example.org/live"}),
            await desk.session(kids)]
    called_off = await desk.session(kids)
    for session, attendees in zip(held, (2, 1, 3)):
        for _ in range(attendees):
            patron = await desk.enroll()
            await desk.ok("POST", f"/internal/v1/sessions/{session['id']}/check-ins", 201, json={"patron_id": patron["id"]})
    await desk.ok("POST", f"/internal/v1/sessions/{called_off['id']}/cancellation", json={"reason": "Snow day"})
    with desk.at(datetime.fromisoformat(held[-1]["ends_at"]) + timedelta(minutes=5)):
        await complete_ended_sessions(desk.deps)
    async with desk.deps.pool.acquire() as conn:  # move the held sessions into that year
        await conn.execute("UPDATE sessions SET starts_at = make_timestamptz($2, 3, 1, 10, 0, 0, 'UTC'), "
                           "ends_at = make_timestamptz($2, 3, 1, 12, 0, 0, 'UTC') WHERE id = ANY($1::uuid[])",
                           [uuid.UUID(s["id"]) for s in held + [called_off]], year)

    pls = await desk.ok("GET", "/internal/v1/reports/pls", params={"from": f"{year}-01-01", "to": f"{year + 1}-01-01"})

    assert pls["sessions_by_age_group"] == {"ages_0_5": 0, "ages_6_11": 1, "ages_12_18": 2, "adults": 0,
                                            "general_interest": 0}
    assert pls["attendance_by_age_group"]["ages_12_18"] == 3 and pls["attendance_by_age_group"]["ages_6_11"] == 3
    assert (pls["virtual_sessions"], pls["virtual_attendance"]) == (1, 1)
    assert {t["key"]: t["attended"] for t in pls["by_language_of_instruction"]} == {"en": 3, "es": 3}


async def test_old_scan_nonces_are_forgotten_while_the_attendance_they_recorded_stays(desk):
    session = await desk.session()
    patron = await desk.enroll()
    nonce = uuid.uuid4().hex
    await desk.send(CHECKINS_TOPIC, "lantern.checkin.recorded", {
        "session_id": session["id"], "patron_id": patron["id"], "checked_in_at": datetime.now().astimezone().isoformat(),
        "kiosk_id": "lobby-2", "nonce": nonce}, key=session["id"], source=KIOSK)
    await desk.eventually_get(f"/internal/v1/sessions/{session['id']}/attendance", lambda a: len(a) == 1, what="check-in")

    with desk.at(datetime.now().astimezone() + timedelta(days=91)):
        await forget_old_scans(desk.deps, timedelta(days=90))

    async with desk.deps.pool.acquire() as conn:
        assert await conn.fetchval("SELECT count(*) FROM checkin_scans WHERE nonce = $1", nonce) == 0
    assert len(await desk.ok("GET", f"/internal/v1/sessions/{session['id']}/attendance")) == 1
