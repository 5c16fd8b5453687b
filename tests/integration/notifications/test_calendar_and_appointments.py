"""The confirmation's "add to calendar" file, and one-to-one help notices: real broker, database and SMTP server.

The attachment must leave the email a valid MIME message, and read back with an independent reader
(recurring-ical-events) to the session's local times, the series' rule and its exception."""

import email
import uuid
from datetime import UTC, datetime, timedelta
from email.policy import default as default_policy
from zoneinfo import ZoneInfo

import recurring_ical_events
from icalendar import Calendar

from tests.integration.notifications.conftest import (
    PATRONS, REGISTRATIONS, deliveries, event, in_days, mail_to, patron_enrolled, recipient_known, registration, send,
)

APPOINTMENTS = "lantern.registration.appointments"
SEATTLE = ZoneInfo("America/Los_Angeles")


def attachment_of(mail) -> tuple[Calendar, email.message.EmailMessage]:
    # Parsed again from the bytes the server received, as a mail reader would; every part without defects.
    parsed = email.message_from_bytes(mail.as_bytes(), policy=default_policy)
    assert parsed.get_content_type() == "multipart/mixed"
    assert [p.defects for p in parsed.walk()] == [[] for _ in parsed.walk()]
    assert parsed.get_body(("plain",)) is not None and parsed.get_body(("html",)) is not None
    [part] = list(parsed.iter_attachments())
    assert part.get_content_type() == "text/calendar" and part.get_filename() == "invite.ics"
    return Calendar.from_ical(part.get_content()), part


async def test_a_confirmation_carries_a_calendar_file_at_the_sessions_local_time(stack, app, client, inbox, unique):
    patron_id = uuid.uuid4()
    address = f"ana-{unique}@example.org"
    await send(stack, PATRONS, patron_enrolled(patron_id, language="es", email=address))
    await recipient_known(client, patron_id)
    starts_at = datetime(2027, 3, 16, 1, 0, tzinfo=UTC)  # 6 pm on 15 March in Seattle (daylight time)

    await send(stack, REGISTRATIONS, registration("confirmed", registration_id=uuid.uuid4(), patron_id=patron_id,
                                                  starts_at=starts_at))

    [mail] = await mail_to(inbox, address)
    calendar, part = attachment_of(mail)
    [read] = recurring_ical_events.of(calendar).between(datetime(2027, 1, 1), datetime(2028, 1, 1))
    assert read["DTSTART"].dt.isoformat() == "2027-03-15T18:00:00-07:00"
    assert str(read["DTSTART"].dt.tzinfo) == "America/Los_Angeles"
    assert read["DTEND"].dt - read["DTSTART"].dt == timedelta(hours=2)
    assert str(read["LOCATION"]) == "Central Library, Room 2"
    assert part.get_param("method") == "PUBLISH"


async def test_a_whole_series_confirmation_carries_one_recurring_event_with_its_exception(stack, app, client, inbox,
                                                                                          unique):
    patron_id = uuid.uuid4()
    address = f"bao-{unique}@example.org"
    await send(stack, PATRONS, patron_enrolled(patron_id, language="vi", email=address))
    await recipient_known(client, patron_id)
    series_id = uuid.uuid4()
    series = {"series_id": str(series_id), "rrule": "FREQ=WEEKLY;BYDAY=TU;COUNT=6",
              "first_starts_at": "2027-03-02T18:00:00", "duration_minutes": 90, "exdates": ["2027-03-23"],
              "occurrences": 5}

    await send(stack, REGISTRATIONS, registration("confirmed", registration_id=uuid.uuid4(), patron_id=patron_id,
                                                  starts_at=datetime(2027, 3, 3, 2, 0, tzinfo=UTC), series=series))

    [mail] = await mail_to(inbox, address)
    calendar, _ = attachment_of(mail)
    [master] = calendar.walk("VEVENT")
    assert str(master["UID"]) == f"series-{series_id}@lantern.library"
    read = recurring_ical_events.of(calendar).between(datetime(2027, 1, 1), datetime(2028, 1, 1))
    starts = [e["DTSTART"].dt.astimezone(SEATTLE) for e in read]
    assert [s.date().isoformat() for s in starts] == ["2027-03-02", "2027-03-09", "2027-03-16", "2027-03-30",
                                                      "2027-04-06"]
    assert {s.strftime("%H:%M") for s in starts} == {"18:00"}
    assert {e["DTEND"].dt.astimezone(SEATTLE).strftime("%H:%M") for e in read} == {"19:30"}


def appointment(event_type: str, appointment_id: uuid.UUID, patron_id: uuid.UUID, starts_at: datetime):
    return event(f"lantern.appointment.{event_type}", "/lantern/registration", str(appointment_id), {
        "appointment_id": str(appointment_id), "patron_id": str(patron_id), "kind": "resume_help",
        "helper_name": "Volunteer Vi", "branch": "Central Library", "starts_at": starts_at.isoformat(),
        "ends_at": (starts_at + timedelta(minutes=45)).isoformat(), "timezone": "America/Los_Angeles",
        "format": "in_person_on_site", **({"by": "patron"} if event_type == "cancelled" else {})})


async def test_a_booked_appointment_is_confirmed_reminded_the_day_before_and_a_cancellation_stops_the_reminder(
        stack, app, client, inbox, unique):
    patron_id, appointment_id = uuid.uuid4(), uuid.uuid4()
    address = f"rosa-{unique}@example.org"
    # Noon in Seattle four days on, so the reminder falls due at noon too, outside anyone's quiet hours.
    starts_at = in_days(4).replace(hour=20, minute=0, second=0, microsecond=0)
    await send(stack, PATRONS, patron_enrolled(patron_id, language="es", email=address, name="Rosa Díaz"))
    await recipient_known(client, patron_id)

    await send(stack, APPOINTMENTS, appointment("booked", appointment_id, patron_id, starts_at))

    [booked] = await mail_to(inbox, address)
    assert booked["Subject"] == "Su cita de ayuda con el currículum está reservada"
    assert "Central Library" in booked.get_body(("plain",)).get_content()
    [reminder] = await deliveries(client, recipient_id=patron_id, message="appointment_reminder", channel="email")
    assert reminder["status"] == "scheduled"
    assert datetime.fromisoformat(reminder["send_after"]) == starts_at - timedelta(hours=24)
    await app.state.dispatcher.run(app.state.runtime.pool, now=starts_at - timedelta(hours=23))
    [_, reminded] = await mail_to(inbox, address, count=2)
    assert reminded["Subject"] == "Recordatorio: su cita de ayuda con el currículum"

    later = uuid.uuid4()
    await send(stack, APPOINTMENTS, appointment("booked", later, patron_id, in_days(6)))
    await mail_to(inbox, address, count=3)
    await send(stack, APPOINTMENTS, appointment("cancelled", later, patron_id, in_days(6)))
    [*_, cancelled] = await mail_to(inbox, address, count=4)
    assert cancelled["Subject"] == "Su cita de ayuda con el currículum fue cancelada"
    stopped = await deliveries(client, recipient_id=patron_id, message="appointment_reminder", status="cancelled",
                                    channel="email")
    assert [d["reason"] for d in stopped] == ["appointment_cancelled"]
