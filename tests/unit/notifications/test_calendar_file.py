"""The confirmation's calendar file, and the email that carries it staying valid MIME."""

import email
from datetime import UTC, datetime
from email.policy import default as default_policy

from icalendar import Calendar

from lantern_notifications.delivery.calendar_file import ics_for
from lantern_notifications.delivery.mailer import Email, as_bytes

DATA = {"session_title": "Kỹ năng máy tính", "place_name": "Thư viện Trung tâm",
        "starts_at": "2027-03-16T01:00:00+00:00", "ends_at": "2027-03-16T03:00:00+00:00",
        "calendar": {"session_id": "7b0c", "timezone": "America/Los_Angeles", "series": None}}
NOW = datetime(2027, 1, 1, tzinfo=UTC)


def test_only_confirmations_carry_a_calendar_file():
    assert ics_for("registration_waitlisted", DATA, NOW) is None
    assert ics_for("registration_confirmed", {k: v for k, v in DATA.items() if k != "calendar"}, NOW) is None
    event = Calendar.from_ical(ics_for("registration_promoted", DATA, NOW)).walk("VEVENT")[0]
    assert event["DTSTART"].dt.isoformat() == "2027-03-15T18:00:00-07:00"
    assert str(event["UID"]) == "session-7b0c@lantern.library"


def test_a_vietnamese_email_with_its_calendar_file_is_valid_mime_with_the_file_beside_the_text():
    ics = ics_for("registration_confirmed", DATA, NOW)
    raw = as_bytes("Riverside Library <outreach@library.example>", Email(
        to="linh@example.org", to_name="Nguyễn Thị Linh", subject="Đã xác nhận đăng ký: Kỹ năng máy tính",
        text="Kính chào", html="<p>Kính chào</p>", language="vi", reference="d-1", calendar=ics))

    parsed = email.message_from_bytes(raw, policy=default_policy)
    assert parsed.get_content_type() == "multipart/mixed"
    assert all(part.defects == [] for part in parsed.walk())
    assert parsed.get_body(("plain",)).get_content().strip() == "Kính chào"
    [attachment] = list(parsed.iter_attachments())
    assert (attachment.get_content_type(), attachment.get_filename()) == ("text/calendar", "invite.ics")
    assert attachment.get_content() == ics.decode()  # "Thư viện" reads back as written: the file says its charset
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))


def test_the_file_carries_the_same_time_zone_icalendar_would_add_once_per_file():
    # The VTIMEZONE is built once per zone and put in by hand; a reader must get exactly what icalendar writes.
    ours = Calendar.from_ical(ics_for("registration_confirmed", DATA, NOW))
    expected = Calendar.from_ical(ics_for("registration_confirmed", DATA, NOW))
    expected.subcomponents = [c for c in expected.subcomponents if c.name != "VTIMEZONE"]
    expected.add_missing_timezones()
    assert [c.name for c in ours.subcomponents] == ["VTIMEZONE", "VEVENT"]
    assert ours.walk("VTIMEZONE")[0].to_ical() == expected.walk("VTIMEZONE")[0].to_ical()
    assert ours.walk("VEVENT")[0].to_ical() == expected.walk("VEVENT")[0].to_ical()


def test_a_session_in_utc_carries_no_time_zone_and_one_past_2038_gets_its_transitions():
    in_utc = ics_for("registration_confirmed", DATA | {"calendar": DATA["calendar"] | {"timezone": "UTC"}}, NOW)
    assert b"VTIMEZONE" not in in_utc
    late = DATA | {"starts_at": "2041-07-01T17:00:00+00:00", "ends_at": "2041-07-01T19:00:00+00:00"}
    zone = Calendar.from_ical(ics_for("registration_confirmed", late, NOW)).walk("VTIMEZONE")[0]
    assert zone.to_tz().utcoffset(datetime(2041, 7, 1, 10)).total_seconds() == -7 * 3600  # daylight time in 2041
