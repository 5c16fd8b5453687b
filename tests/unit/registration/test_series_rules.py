"""Series expansion, registration windows and whole-series seats as pure rules (no database)."""

import uuid
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from lantern_registration.domain.calendar import calendar, series_events
from lantern_registration.domain.programs import Program, Session
from lantern_registration.domain.rules import NoShowPolicy, RegistrationRules, pauses_after, self_service_refusal, window, window_refusal
from lantern_registration.domain.series import MAX_OCCURRENCES, Series, expand
from lantern_registration.domain.series_seats import seat_in_every

BERLIN = ZoneInfo("Europe/Berlin")


def test_a_weekly_rule_keeps_its_wall_time_when_europe_changes_its_clocks():
    found = expand("FREQ=WEEKLY;COUNT=3", datetime(2027, 3, 21, 18, 0), "Europe/Berlin", 60, [])
    assert [o.starts_at.strftime("%H:%M %z") for o in found] == ["18:00 +0100", "18:00 +0200", "18:00 +0200"]
    assert [o.key for o in found] == [datetime(2027, 3, d, 18, 0) for d in (21, 28)] + [datetime(2027, 4, 4, 18, 0)]


def test_an_exception_date_has_no_occurrence_and_a_rule_without_an_end_is_cut():
    found = expand("FREQ=DAILY;COUNT=4", datetime(2027, 1, 1, 9, 0), "UTC", 30, [date(2027, 1, 2)])
    assert [o.key.day for o in found] == [1, 3, 4]
    assert len(expand("FREQ=DAILY", datetime(2027, 1, 1, 9, 0), "UTC", 30, [])) == MAX_OCCURRENCES


@pytest.mark.parametrize("rule", ["FREQ=SOMETIMES", "", "DTSTART:20270101T090000\nRRULE:FREQ=DAILY"])
def test_a_rule_that_cannot_be_expanded_is_a_value_error(rule):
    with pytest.raises(ValueError):
        expand(rule, datetime(2027, 1, 1, 9, 0), "UTC", 30, [])


def test_the_window_opens_days_and_closes_hours_before_the_start_unless_the_session_says_otherwise():
    start = datetime(2027, 5, 10, 18, tzinfo=UTC)
    rules = RegistrationRules(opens_days_before=7, closes_hours_before=2)
    assert window(rules, start, None, None) == (start - timedelta(days=7), start - timedelta(hours=2))
    own = start - timedelta(days=1)
    assert window(rules, start, own, None)[0] == own
    assert window(RegistrationRules(), start, None, None) == (None, start)
    assert window_refusal(start - timedelta(days=7), start, start - timedelta(days=8))[0] == "registration_not_open"
    assert window_refusal(None, start - timedelta(hours=2), start - timedelta(hours=1))[0] == "registration_closed"
    assert window_refusal(None, start, start - timedelta(hours=1)) is None


def test_staff_only_mode_and_a_pause_stop_self_registration_until_the_pause_ends():
    now = datetime(2027, 5, 1, tzinfo=UTC)
    staff_only = RegistrationRules(mode="staff_only", staff_only_instructions={"en": "Call us"})
    assert self_service_refusal(staff_only, None, now) == (
        "staff_registration_only", "Staff register patrons for this program; see the instructions.",
        {"instructions": {"en": "Call us"}})
    assert self_service_refusal(RegistrationRules(), now + timedelta(days=1), now)[0] == "self_registration_paused"
    assert self_service_refusal(RegistrationRules(), now - timedelta(days=1), now) is None
    assert pauses_after(3, NoShowPolicy()) and not pauses_after(2, NoShowPolicy()) and not pauses_after(9, None)


def test_a_series_seat_needs_a_free_seat_in_every_occurrence_and_nobody_waiting():
    assert seat_in_every([(10, 9), (10, 3)], anyone_waiting=False) == "confirmed"
    assert seat_in_every([(10, 9), (10, 10)], anyone_waiting=False) == "waitlisted"
    assert seat_in_every([(10, 0)], anyone_waiting=True) == "waitlisted"


def _program() -> Program:
    now = datetime(2027, 1, 1, tzinfo=UTC)
    return Program(id=uuid.uuid4(), kind="class", titles={"en": "Typing", "es": "Mecanografía"},
                   fallback_language="en", languages=["en"], host={"kind": "branch", "branch": "Central"},
                   created_at=now, updated_at=now)


def _occurrence(series: Series, key: datetime, *, shift: timedelta = timedelta(0), status: str = "scheduled") -> Session:
    start = key.replace(tzinfo=BERLIN) + shift
    now = datetime(2027, 1, 1, tzinfo=UTC)
    return Session(id=uuid.uuid4(), program_id=series.program_id, starts_at=start, ends_at=start + timedelta(hours=1),
                   timezone="Europe/Berlin", place={"kind": "branch", "name": "Lab"}, capacity=5, languages=["en"],
                   status=status, created_at=now, updated_at=now, series_id=series.id, occurrence=key)


def test_a_series_file_is_one_recurring_event_with_overrides_only_where_an_occurrence_differs():
    now = datetime(2027, 1, 1, tzinfo=UTC)
    series = Series(id=uuid.uuid4(), program_id=uuid.uuid4(), rrule="FREQ=WEEKLY;COUNT=3",
                    first_starts_at=datetime(2027, 3, 21, 18), duration_minutes=60, timezone="Europe/Berlin",
                    exdates=[date(2027, 4, 4)], created_at=now, updated_at=now)
    keys = [datetime(2027, 3, 21, 18), datetime(2027, 3, 28, 18)]
    occurrences = [_occurrence(series, keys[0]), _occurrence(series, keys[1], shift=timedelta(hours=1))]
    cancelled = _occurrence(series, datetime(2027, 4, 11, 18), status="cancelled")

    parsed = Calendar.from_ical(calendar("Typing", series_events(series, [*occurrences, cancelled], _program(), now,
                                                                  "es")))

    events = list(parsed.walk("VEVENT"))
    assert len(events) == 3 and len({str(e["UID"]) for e in events}) == 1
    master, moved, gone = events
    assert "RRULE" in master and str(master["SUMMARY"]) == "Mecanografía"
    assert [d.dt for d in master["EXDATE"].dts] == [datetime(2027, 4, 4, 18, tzinfo=BERLIN)]
    assert moved["RECURRENCE-ID"].dt == keys[1].replace(tzinfo=BERLIN)
    assert moved["DTSTART"].dt == datetime(2027, 3, 28, 19, tzinfo=BERLIN)
    assert str(gone["STATUS"]) == "CANCELLED"
    assert any(c.name == "VTIMEZONE" for c in parsed.subcomponents)
