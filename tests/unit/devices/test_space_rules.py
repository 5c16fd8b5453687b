"""The opening-hours rule of spaces, on the branch's own clock: daylight saving, padding, closures, closed days."""

import uuid
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from lantern_devices.domain.spaces import Branch, Closure, OpeningHours, check_open, padded
from lantern_shared.refusals import Kind, Refusal

BRANCH_ZONE = ZoneInfo("America/Chicago")
BRANCH = Branch(code="central", name="Central Library", timezone="America/Chicago",
                hours=[OpeningHours(weekday=d, opens=time(9), closes=time(18)) for d in range(1, 8) if d != 1])


def refusal(held_from: datetime, held_until: datetime, closures: list[Closure] | None = None) -> Refusal | None:
    try:
        check_open(BRANCH, closures or [], held_from, held_until)
    except Refusal as refused:
        return refused
    return None


def test_opening_hours_follow_the_branchs_clock_across_the_change_to_daylight_saving():
    # Sunday 2027-03-14: clocks go forward at 2 am; 9 am is 14:00 UTC that day, 15:00 UTC the day before.
    assert refusal(datetime(2027, 3, 14, 14, tzinfo=UTC), datetime(2027, 3, 14, 15, tzinfo=UTC)) is None
    assert refusal(datetime(2027, 3, 13, 14, tzinfo=UTC), datetime(2027, 3, 13, 15, tzinfo=UTC)).reason == \
        "outside_opening_hours"  # 8 am on Saturday, still on standard time
    assert refusal(datetime(2027, 3, 13, 15, tzinfo=UTC), datetime(2027, 3, 13, 16, tzinfo=UTC)) is None


def test_setup_and_teardown_must_fit_the_hours_too():
    starts, ends = datetime(2027, 3, 16, 14, tzinfo=UTC), datetime(2027, 3, 16, 23, tzinfo=UTC)  # 9 am to 6 pm CDT
    assert refusal(starts, ends) is None
    refused = refusal(*padded(starts, ends, 0, 15))
    assert (refused.kind, refused.reason, refused.field) == (Kind.INVALID, "outside_opening_hours", "starts_at")
    assert "18:15" in refused.detail


def test_a_closed_weekday_and_a_closure_refuse_with_what_a_person_can_act_on():
    monday = refusal(datetime(2027, 3, 15, 15, tzinfo=UTC), datetime(2027, 3, 15, 16, tzinfo=UTC))
    assert monday.reason == "outside_opening_hours" and "Monday" in monday.detail
    closure = Closure(id=uuid.uuid4(), branch="central", starts_on=date(2027, 3, 16), ends_on=date(2027, 3, 17),
                      reason="Carpet replacement")
    closed = refusal(datetime(2027, 3, 17, 15, tzinfo=UTC), datetime(2027, 3, 17, 16, tzinfo=UTC), [closure])
    assert (closed.kind, closed.reason) == (Kind.CONFLICT, "branch_closed") and "Carpet replacement" in closed.detail
    assert refusal(datetime(2027, 3, 18, 15, tzinfo=UTC), datetime(2027, 3, 18, 16, tzinfo=UTC), [closure]) is None


@pytest.mark.parametrize("hours", [(8, 30), (17, 45)])
def test_a_window_reaching_past_either_end_of_the_day_is_refused(hours):
    start = datetime(2027, 3, 16, hours[0], hours[1]).replace(tzinfo=BRANCH_ZONE)
    assert refusal(start, start.replace(hour=start.hour + 1)).reason == "outside_opening_hours"
