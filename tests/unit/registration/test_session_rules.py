"""What a session accepts, when registration is open, and how its equipment status follows the devices service."""

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
from pydantic import ValidationError

from lantern_registration.domain.programs import (
    ProgramDetails, Session, SessionChanges, SessionDetails, registration_refusal, status_after_equipment_answer,
    status_when_scheduled,
)

START = datetime(2026, 12, 1, 17, 0, tzinfo=UTC)


def details(**overrides) -> dict:
    return {
        "program_id": uuid4(), "starts_at": START, "ends_at": START + timedelta(hours=2), "timezone": "America/Chicago",
        "place": {"kind": "branch", "name": "Central, room 2"}, "capacity": 12,
    } | overrides


def session(**overrides) -> Session:
    return Session.model_validate(details(
        id=uuid4(), languages=["en"], status="scheduled", created_at=START, updated_at=START,
    ) | overrides)


def test_a_session_needing_devices_waits_for_equipment_and_one_needing_none_is_simply_scheduled():
    assert status_when_scheduled({"laptop": 12, "hotspot": 3}) == "equipment_pending"
    assert status_when_scheduled({}) == "scheduled"


@pytest.mark.parametrize("reserved,expected", [(True, "ready"), (False, "equipment_shortfall")])
def test_the_devices_answer_decides_the_equipment_status(reserved, expected):
    assert status_after_equipment_answer("equipment_pending", reserved=reserved) == expected
    assert status_after_equipment_answer("equipment_shortfall", reserved=True) == "ready"


@pytest.mark.parametrize("closed", ["cancelled", "completed"])
def test_a_late_devices_answer_leaves_a_closed_session_alone(closed):
    assert status_after_equipment_answer(closed, reserved=True) is None


def test_times_must_be_timezone_aware_and_in_order():
    with pytest.raises(ValidationError) as naive:
        SessionDetails.model_validate(details(starts_at=datetime(2026, 12, 1, 17, 0)))
    assert naive.value.errors()[0]["loc"] == ("starts_at",)
    with pytest.raises(ValidationError, match="ends_at must be after starts_at"):
        SessionDetails.model_validate(details(ends_at=START - timedelta(minutes=1)))


def test_an_unknown_time_zone_or_device_kind_is_refused_naming_the_field():
    with pytest.raises(ValidationError) as zone:
        SessionDetails.model_validate(details(timezone="Mars/Olympus"))
    assert zone.value.errors()[0]["loc"] == ("timezone",)
    with pytest.raises(ValidationError) as kind:
        SessionDetails.model_validate(details(devices_needed={"typewriter": 2}))
    assert kind.value.errors()[0]["loc"][0] == "devices_needed"


def test_an_online_session_needs_its_link():
    with pytest.raises(ValidationError, match="url"):
        SessionDetails.model_validate(details(place={"kind": "online", "name": "Zoom"}))


@pytest.mark.parametrize("now,reason", [
    (START - timedelta(days=3), "registration_not_open"),
    (START - timedelta(hours=1), None),
    (START, "registration_closed"),
    (START + timedelta(hours=3), "session_ended"),
])
def test_registration_is_open_only_inside_its_window(now, reason):
    s = session(registration_opens_at=START - timedelta(days=2))
    refusal = registration_refusal(s, now)
    assert (refusal[0] if refusal else None) == reason


def test_a_cancelled_session_refuses_registrations_whatever_the_time():
    assert registration_refusal(session(status="cancelled"), START - timedelta(days=1))[0] == "session_cancelled"


def test_a_change_keeps_what_it_does_not_mention_and_is_validated_as_a_whole():
    current = SessionDetails.model_validate(details())
    moved = SessionChanges(starts_at=START + timedelta(hours=1), ends_at=START + timedelta(hours=3)).applied_to(current)
    assert moved.capacity == 12 and moved.starts_at == START + timedelta(hours=1)
    with pytest.raises(ValidationError, match="ends_at must be after starts_at"):
        SessionChanges(starts_at=START + timedelta(hours=5)).applied_to(current)


def program(**overrides) -> dict:
    return {
        "kind": "job_skills_training", "titles": {"en": "Resume clinic", "es": "Taller de currículum"},
        "fallback_language": "en", "languages": ["en", "es"], "host": {"kind": "branch", "branch": "Eastside"},
    } | overrides


def test_a_program_title_falls_back_to_its_fallback_language():
    p = ProgramDetails.model_validate(program())
    assert p.title_in("es") == "Taller de currículum" and p.title_in("vi") == "Resume clinic"


def test_the_fallback_language_must_be_one_the_title_is_given_in():
    with pytest.raises(ValidationError, match="fallback_language"):
        ProgramDetails.model_validate(program(fallback_language="vi"))


def test_a_partner_hosted_program_names_its_partner_and_a_mentorship_names_its_pair():
    with pytest.raises(ValidationError, match="partner_id"):
        ProgramDetails.model_validate(program(host={"kind": "partner"}))
    with pytest.raises(ValidationError, match="mentee and mentor"):
        ProgramDetails.model_validate(program(kind="mentorship"))
    pair = {"mentee_id": str(uuid4()), "mentor_id": str(uuid4())}
    assert ProgramDetails.model_validate(program(kind="mentorship", mentorship=pair)).mentorship is not None


def test_a_place_address_is_accepted_only_if_what_is_stored_can_be_read_back():
    # A 2,083-character address passed pydantic's limit, gained a trailing slash when normalized, was stored, and the
    # session could then no longer be read (a 500 on every later change; stateful fuzzing found it).
    host = "https://" + ".".join(["a" * 60] * 33)  # normalizes to the same text plus "/"
    with pytest.raises(ValidationError) as refused:
        SessionDetails.model_validate(details(place={"kind": "online", "name": "Zoom", "url": host[:2000]}))
    assert refused.value.errors()[0]["loc"] == ("place", "url")
    kept = SessionDetails.model_validate(details(place={"kind": "online", "name": "Zoom", "url": host[:1999]}))
    stored = kept.model_dump(mode="json")
    assert len(stored["place"]["url"]) == 2000
    assert session(place=stored["place"]).place == kept.place  # read back as it was written
