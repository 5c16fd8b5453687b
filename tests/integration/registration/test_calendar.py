"""Calendar files on the real database, read back with an independent reader (recurring-ical-events): the same
local times as the sessions, exceptions absent, moved and cancelled occurrences as they are."""

from datetime import datetime

import recurring_ical_events
from icalendar import Calendar

from tests.integration.registration.test_one_to_one_and_pls import a_slot
from tests.integration.registration.test_series import CHICAGO, WEEKLY, a_series, local

WINDOW = (datetime(2027, 1, 1), datetime(2027, 12, 31))


async def ics(desk, path: str, **params) -> Calendar:
    answer = await desk.api.get(path, params=params)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/calendar")
    return Calendar.from_ical(answer.content)


def occurrences(calendar: Calendar) -> list:
    return sorted(recurring_ical_events.of(calendar).between(*WINDOW), key=lambda e: e["DTSTART"].dt)


async def test_a_series_reads_back_as_its_sessions_local_times_with_moved_and_cancelled_occurrences(desk):
    program = await desk.program(titles={"en": "Job search club", "es": "Club de búsqueda de empleo"})
    series = await a_series(desk, program)
    second, fourth = series["occurrences"][1], series["occurrences"][3]
    await desk.ok("PATCH", f"/internal/v1/sessions/{second['id']}", json={
        "starts_at": "2027-03-11T17:00:00-06:00", "ends_at": "2027-03-11T18:30:00-06:00"})
    await desk.ok("POST", f"/internal/v1/sessions/{fourth['id']}/cancellation", json={"reason": "Branch closed"})

    calendar = await ics(desk, f"/internal/v1/series/{series['id']}/calendar.ics", language="es")

    masters = [e for e in calendar.walk("VEVENT") if "RRULE" in e]
    assert len(masters) == 1 and masters[0]["RRULE"]["FREQ"] == ["WEEKLY"]
    assert [d.dt.date().isoformat() for d in masters[0]["EXDATE"].dts] == ["2027-03-23"]
    read = occurrences(calendar)
    seen = await desk.ok("GET", f"/internal/v1/series/{series['id']}")
    assert [e["DTSTART"].dt.astimezone(CHICAGO) for e in read] == [local(o["starts_at"]) for o in seen["occurrences"]]
    assert [e["DTEND"].dt.astimezone(CHICAGO) for e in read] == [local(o["ends_at"]) for o in seen["occurrences"]]
    assert [str(e["DTSTART"].dt.tzinfo) for e in read] == ["America/Chicago"] * 5
    assert [e["DTSTART"].dt.strftime("%H:%M") for e in read] == ["18:00", "17:00", "18:00", "18:00", "18:00"]
    assert [str(e["STATUS"]) for e in read] == ["CONFIRMED", "CONFIRMED", "CONFIRMED", "CANCELLED", "CONFIRMED"]
    assert {str(e["SUMMARY"]) for e in read} == {"Club de búsqueda de empleo"}


async def test_a_session_file_reads_back_at_its_local_time(desk):
    session = await desk.session(starts_at="2027-06-01T10:00:00-05:00", ends_at="2027-06-01T11:30:00-05:00",
                                 timezone="America/Chicago")
    read = occurrences(await ics(desk, f"/internal/v1/sessions/{session['id']}/calendar.ics"))
    assert [(e["DTSTART"].dt.isoformat(), e["DTEND"].dt.isoformat()) for e in read] == [
        ("2027-06-01T10:00:00-05:00", "2027-06-01T11:30:00-05:00")]
    assert str(read[0]["LOCATION"]) == "Central, room 2"


async def test_public_feeds_filter_by_kind_and_language_and_keep_cancelled_sessions_as_cancelled(desk):
    kind = f"feed_test_{datetime.now().strftime('%H%M%S%f')}"
    wanted = await desk.program(kind=kind, languages=["vi"], titles={"en": "Phone basics", "vi": "Điện thoại cơ bản"})
    other = await desk.program(kind=kind, languages=["en"])
    held = await desk.session(wanted, languages=["vi"])
    called_off = await desk.session(wanted, languages=["vi"])
    await desk.session(other, languages=["en"])
    await desk.ok("POST", f"/internal/v1/sessions/{called_off['id']}/cancellation", json={"reason": "Snow"})

    feed = await ics(desk, "/internal/v1/calendar/programs.ics", kind=kind, language="vi")

    events = {str(e["UID"]): e for e in feed.walk("VEVENT")}
    assert set(events) == {f"session-{held['id']}@lantern.library", f"session-{called_off['id']}@lantern.library"}
    assert str(events[f"session-{called_off['id']}@lantern.library"]["STATUS"]) == "CANCELLED"
    assert {str(e["SUMMARY"]) for e in events.values()} == {"Điện thoại cơ bản"}


async def test_a_personal_feed_lists_the_patrons_sessions_at_a_secret_address_until_revoked(desk):
    program = await desk.program(registration={"unit": "series"})
    series = await a_series(desk, program)
    patron = await desk.enroll()
    single = await desk.session()
    await desk.register(single, patron)
    await desk.ok("POST", f"/internal/v1/series/{series['id']}/registrations", 201, json={"patron_id": patron["id"]})
    await desk.ok("POST", f"/internal/v1/sessions/{series['occurrences'][2]['id']}/cancellation", json={"reason": "x"})

    first = await desk.ok("POST", f"/internal/v1/patrons/{patron['id']}/calendar-feed", 201)
    feed = await ics(desk, f"/internal/v1{first['path']}")
    statuses = {str(e["UID"]).split("@")[0].removeprefix("session-"): str(e["STATUS"]) for e in feed.walk("VEVENT")}
    assert set(statuses) == {single["id"], *(o["id"] for o in series["occurrences"])}
    assert statuses[series["occurrences"][2]["id"]] == "CANCELLED"
    assert len(first["token"]) >= 40

    second = await desk.ok("POST", f"/internal/v1/patrons/{patron['id']}/calendar-feed", 201)
    assert (await desk.api.get(f"/internal/v1{first['path']}")).status_code == 404
    assert (await desk.api.get(f"/internal/v1{second['path']}")).status_code == 200
    await desk.ok("DELETE", f"/internal/v1/patrons/{patron['id']}/calendar-feed", 204)
    assert (await desk.api.get(f"/internal/v1{second['path']}")).status_code == 404


async def test_the_weekly_rule_reads_back_across_daylight_saving_at_six_pm(desk):
    series = await a_series(desk, rrule="FREQ=WEEKLY;UNTIL=20270420T000000Z", exdates=[])
    read = occurrences(await ics(desk, f"/internal/v1/series/{series['id']}/calendar.ics"))
    assert len(read) == len(series["occurrences"]) == 7 == len(WEEKLY["exdates"]) + 6
    assert {e["DTSTART"].dt.astimezone(CHICAGO).strftime("%H:%M") for e in read} == {"18:00"}
    assert sorted({e["DTSTART"].dt.utcoffset().total_seconds() / 3600 for e in read}) == [-6.0, -5.0]


async def test_a_patrons_series_booking_and_feed_are_exported_and_erasure_leaves_nothing_that_names_them(desk):
    program = await desk.program(registration={"unit": "series"})
    series = await a_series(desk, program)
    patron = await desk.enroll()
    await desk.ok("POST", f"/internal/v1/series/{series['id']}/registrations", 201, json={"patron_id": patron["id"]})
    slot = await a_slot(desk)
    await desk.ok("POST", f"/internal/v1/appointment-slots/{slot['id']}/booking", json={"patron_id": patron["id"]})
    feed = await desk.ok("POST", f"/internal/v1/patrons/{patron['id']}/calendar-feed", 201)
    export = f"/internal/v1/privacy/patrons/{patron['id']}"

    held = (await desk.ok("GET", export))["tables"]
    assert [r["series_id"] for r in held["series_registrations"]] == [series["id"]]
    assert [r["id"] for r in held["appointment_slots"]] == [slot["id"]]
    assert len(held["calendar_feeds"]) == 1

    await desk.ok("POST", f"/internal/v1/patrons/{patron['id']}/erasure")
    left = (await desk.ok("GET", export))["tables"]
    assert (left["calendar_feeds"], left["appointment_slots"]) == ([], []), "the feed is gone, the booking unlinked"
    assert [r["status"] for r in left["series_registrations"]] == ["cancelled"]
    assert (await desk.api.get(f"/internal/v1{feed['path']}")).status_code == 404
    reopened = await desk.ok("GET", f"/internal/v1/appointment-slots/{slot['id']}")
    assert (reopened["status"], reopened.get("patron_id")) == ("open", None), "the upcoming slot is free for others"
