"""Cancellation reasons, the feedback form, and which incentive milestones a patron has reached."""

from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from lantern_registration.domain.patrons import PatronChanges, PatronDetails
from lantern_registration.domain.participation import FeedbackForm, Milestone, cancel_reason, milestones_reached


def test_a_patron_leaving_the_waitlist_is_told_apart_from_one_giving_up_a_seat():
    assert cancel_reason("confirmed", "patron") == "patron_cancelled"
    assert cancel_reason("waitlisted", "patron") == "left_waitlist"
    assert cancel_reason("confirmed", "staff") == "staff_cancelled"


def form(**overrides) -> FeedbackForm:
    return FeedbackForm.model_validate(
        {"patron_id": uuid4(), "knowledge": 5, "confidence": 4, "application": 4, "awareness": 3} | overrides
    )


@given(scores=st.lists(st.integers(1, 5), min_size=4, max_size=4))
def test_the_single_rating_is_the_rounded_mean_of_the_four_outcomes_and_stays_on_the_scale(scores):
    f = form(knowledge=scores[0], confidence=scores[1], application=scores[2], awareness=scores[3])
    assert 1 <= f.rating <= 5
    assert abs(f.rating - sum(scores) / 4) <= 0.5


def test_outcome_scores_stay_on_the_five_point_agree_scale():
    with pytest.raises(ValidationError) as error:
        form(confidence=6)
    assert error.value.errors()[0]["loc"] == ("confidence",)


def test_skills_wished_for_are_counted_once_however_they_are_typed():
    assert form(wants_to_learn=["Excel", " excel ", "Video  calls"]).wants_to_learn == ["excel", "video calls"]


def test_milestones_reached_are_those_whose_threshold_the_patron_has_met():
    certificate = Milestone(code="certificate", sessions_required=3, reward="certificate")
    perk = Milestone(code="perk", sessions_required=5, reward="coffee voucher")
    assert milestones_reached(2, [certificate, perk]) == []
    assert milestones_reached(3, [certificate, perk]) == [certificate]
    assert milestones_reached(7, [certificate, perk]) == [certificate, perk]


def test_a_patron_change_cannot_leave_them_unreachable():
    current = PatronDetails(name="Ana", email="ana@example.org")
    assert PatronChanges(phone="+1 206 555 0100").applied_to(current).email == "ana@example.org"
    with pytest.raises(ValidationError, match="email or phone"):
        PatronChanges(email=None).applied_to(current)
