"""The retention schedule on a controlled clock: the registration service's own periodic job removes attendance
detail and blanks feedback text when the schedule says, and keeps what it does not yet say to remove."""

import uuid
from datetime import UTC, datetime, timedelta

from tests.integration.conftest import running_service
from tests.support import eventually


async def _attended_with_feedback(client, unique: str) -> tuple[str, str]:
    enrolled = await client.post("/internal/v1/patrons", json={"name": f"Retained {unique}",
                                                               "email": f"retained-{unique}@example.org"})
    assert enrolled.status_code == 201, enrolled.text
    patron = enrolled.json()
    program = await client.post("/internal/v1/programs", json={
        "kind": "digital_literacy_workshop", "fallback_language": "en", "languages": ["en"],
        "titles": {"en": f"Retention {unique}"}, "host": {"kind": "branch", "branch": "Central"}})
    assert program.status_code == 201, program.text
    starts = datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=30)
    session = (await client.post("/internal/v1/sessions", json={
        "program_id": program.json()["id"], "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=1)).isoformat(), "timezone": "America/Los_Angeles",
        "place": {"kind": "branch", "name": "Central"}, "capacity": 5})).json()
    registered = await client.post(f"/internal/v1/sessions/{session['id']}/registrations",
                                   json={"patron_id": patron["id"]})
    assert registered.status_code == 201, registered.text
    checked = await client.post(f"/internal/v1/sessions/{session['id']}/check-ins", json={"patron_id": patron["id"]})
    assert checked.status_code in (200, 201), checked.text
    feedback = await client.post(f"/internal/v1/sessions/{session['id']}/feedback", json={
        "patron_id": patron["id"], "knowledge": 5, "confidence": 4, "application": 3, "awareness": 5,
        "liked_most": "The patient teacher"})
    assert feedback.status_code == 201, feedback.text
    return patron["id"], session["id"]


async def test_the_schedule_removes_attendance_after_a_year_and_feedback_text_after_two(stack, unique):
    schedule = {"attendance_detail": 365, "feedback": 730}
    async with running_service(stack, "registration", test_clock=True, retention_interval_s=0.3,
                               retention_days=schedule) as (app, client):
        patron_id, session_id = await _attended_with_feedback(client, unique)
        pool = app.state.runtime.pool

        async def held() -> tuple[int, str | None, int | None]:
            async with pool.acquire() as conn:
                attended = await conn.fetchval("SELECT count(*) FROM attendance WHERE patron_id = $1",
                                               uuid.UUID(patron_id))
                row = await conn.fetchrow("SELECT liked_most, knowledge FROM feedback WHERE patron_id = $1",
                                          uuid.UUID(patron_id))
            return attended, row["liked_most"], row["knowledge"]

        assert await held() == (1, "The patient teacher", 5)

        async def move_clock(days: int) -> None:
            answer = await client.put("/internal/v1/test/clock",
                                      json={"now": (datetime.now(UTC) + timedelta(days=days)).isoformat()})
            assert answer.status_code == 200, answer.text

        await move_clock(366)
        await eventually(lambda: _is(held, (0, "The patient teacher", 5)), timeout=30,
                         what="attendance detail gone after a year, feedback text kept")
        await move_clock(731)
        await eventually(lambda: _is(held, (0, None, 5)), timeout=30,
                         what="feedback text gone after two years, the rating kept for the report")
        export = (await client.get(f"/internal/v1/privacy/patrons/{patron_id}")).json()
        assert export["service"] == "registration"
        assert export["tables"]["attendance"] == [] and export["tables"]["feedback"][0]["knowledge"] == 5
        assert session_id


async def _is(probe, expected) -> bool:
    return await probe() == expected
