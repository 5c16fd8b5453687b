"""A program's registration rules on the real database: its window, staff-only mode and no-show policy, each
refusal a 409 with its reason."""

from datetime import UTC, datetime, timedelta

from lantern_registration.handlers import sessions as sessions_handlers

AS_PATRON = "patron:{}"


async def self_register(desk, session: dict, patron: dict):
    """The patron registering themselves, as the edge forwards it (naming the acting patron)."""
    return await desk.api.post(f"/internal/v1/sessions/{session['id']}/registrations", json={"patron_id": patron["id"]},
                               headers={"X-Lantern-Actor": AS_PATRON.format(patron["id"])})


async def test_registration_opens_days_before_and_closes_hours_before_the_start(desk):
    program = await desk.program(registration={"opens_days_before": 7, "closes_hours_before": 24})
    far = await desk.session(program, starts_in=timedelta(days=30))
    near = await desk.session(program, starts_in=timedelta(hours=12))
    due = await desk.session(program, starts_in=timedelta(days=3))
    patron = await desk.enroll()

    too_early = await self_register(desk, far, patron)
    too_late = await self_register(desk, near, patron)
    in_time = await self_register(desk, due, patron)

    assert too_early.status_code == 409 and too_early.json()["reason"] == "registration_not_open"
    opens = datetime.fromisoformat(far["starts_at"]) - timedelta(days=7)
    assert opens.isoformat() in too_early.json()["detail"]
    assert too_late.status_code == 409 and too_late.json()["reason"] == "registration_closed"
    assert in_time.status_code == 201 and in_time.json()["status"] == "confirmed"


async def test_the_window_of_a_series_is_that_of_its_first_occurrence(desk):
    program = await desk.program(registration={"unit": "series", "opens_days_before": 14})
    first = datetime.now(UTC) + timedelta(days=20)
    series = await desk.ok("POST", "/internal/v1/series", 201, json={
        "program_id": program["id"], "starts_at": first.isoformat(), "ends_at": (first + timedelta(hours=1)).isoformat(),
        "timezone": "America/Chicago", "rrule": "FREQ=WEEKLY;COUNT=3", "place": {"kind": "branch", "name": "Central"},
        "capacity": 5})
    patron = await desk.enroll()

    early = await desk.api.post(f"/internal/v1/series/{series['id']}/registrations", json={"patron_id": patron["id"]})
    with desk.at(first - timedelta(days=10)):
        open_now = await desk.api.post(f"/internal/v1/series/{series['id']}/registrations",
                                       json={"patron_id": patron["id"]})

    assert early.status_code == 409 and early.json()["reason"] == "registration_not_open"
    assert open_now.status_code == 201 and open_now.json()["occurrences_held"] == 3


async def test_staff_only_programs_refuse_patrons_with_the_instructions_and_take_staff_registrations(desk):
    instructions = {"en": "Call the branch at 555-0100 to sign up.", "es": "Llame a la biblioteca al 555-0100."}
    program = await desk.program(registration={"mode": "staff_only", "staff_only_instructions": instructions})
    session = await desk.session(program)
    patron = await desk.enroll()

    refused = await self_register(desk, session, patron)
    by_staff = await desk.api.post(f"/internal/v1/sessions/{session['id']}/registrations",
                                   json={"patron_id": patron["id"]}, headers={"X-Lantern-Actor": "staff:libby"})

    assert refused.status_code == 409
    assert refused.json()["reason"] == "staff_registration_only"
    assert refused.json()["instructions"] == instructions
    assert by_staff.status_code == 201


async def test_consecutive_no_shows_pause_self_registration_until_staff_lift_it(desk):
    program = await desk.program(registration={"no_show_policy": {"consecutive": 2, "pause_days": 30}})
    missed = [await desk.session(program, starts_in=timedelta(hours=h)) for h in (1, 5)]
    later = await desk.session(program, starts_in=timedelta(days=2))
    patron, punctual = await desk.enroll("Absent Al"), await desk.enroll("Punctual Pat")
    for session in missed:
        assert (await self_register(desk, session, patron)).status_code == 201
        assert (await self_register(desk, session, punctual)).status_code == 201
        with desk.at(datetime.fromisoformat(session["starts_at"])):
            await desk.ok("POST", f"/internal/v1/sessions/{session['id']}/check-ins", 201,
                          json={"patron_id": punctual["id"]})

    with desk.at(datetime.now(UTC) + timedelta(hours=8)):
        await sessions_handlers.complete_ended_sessions(desk.deps)
        paused = await self_register(desk, later, patron)
        fine = await self_register(desk, later, punctual)
        pauses = await desk.ok("GET", f"/internal/v1/programs/{program['id']}/no-show-pauses")
        await desk.ok("DELETE", f"/internal/v1/programs/{program['id']}/no-show-pauses/{patron['id']}", 204)
        after_lift = await self_register(desk, later, patron)

    assert paused.status_code == 409 and paused.json()["reason"] == "self_registration_paused"
    assert "paused_until" in paused.json()
    assert fine.status_code == 201
    assert [p["patron_id"] for p in pauses] == [patron["id"]]
    assert after_lift.status_code == 201


async def test_the_no_show_policy_is_off_by_default(desk):
    program = await desk.program()
    missed = [await desk.session(program, starts_in=timedelta(hours=h)) for h in (1, 2, 3)]
    later = await desk.session(program, starts_in=timedelta(days=2))
    patron = await desk.enroll()
    for session in missed:
        await self_register(desk, session, patron)
    with desk.at(datetime.now(UTC) + timedelta(hours=8)):
        await sessions_handlers.complete_ended_sessions(desk.deps)
        answer = await self_register(desk, later, patron)
    assert answer.status_code == 201


async def test_an_unknown_registration_mode_is_refused_naming_the_field(desk):
    answer = await desk.api.post("/internal/v1/programs", json={
        "kind": "class", "titles": {"en": "Typing"}, "fallback_language": "en", "languages": ["en"],
        "host": {"kind": "branch", "branch": "Central"}, "registration": {"mode": "by_lottery"}})
    assert answer.status_code == 422 and "registration.mode" in answer.text
