"""What people hear, exactly once, in their language, when they chose: real broker, database and SMTP server."""

import json
import uuid
from datetime import UTC, datetime, timedelta

from tests.integration.notifications.conftest import (
    DELIVERIES, LOANS, MAX_ATTEMPTS, PATRONS, REGISTRATIONS, SESSIONS, deliveries, in_days, loan, mail_to,
    patron_enrolled, recipient_known, registration, send, session_scheduled, session_updated, settled,
)
from tests.support import eventually, metric_value, read_topic


def _published(records, cause_event_id: str, event_type: str) -> list[dict]:
    found = []
    for record in records:
        body = json.loads(record.value)
        if body["type"] == event_type and body["data"]["cause_event_id"] == cause_event_id:
            found.append(body["data"])
    return found


async def test_a_vietnamese_speaker_gets_one_vietnamese_email_even_when_the_event_is_redelivered(stack, app, client, inbox, unique):
    registry = app.state.runtime.metrics.registry
    duplicates_before = metric_value(registry, "lantern_inbox_duplicates_total", {"subscription": "messages"})
    patron_id, registration_id = uuid.uuid4(), uuid.uuid4()
    address = f"linh-{unique}@example.org"
    await send(stack, PATRONS, patron_enrolled(patron_id, language="vi", email=address))
    await recipient_known(client, patron_id)
    session_id = uuid.uuid4()
    # The session was announced with a Vietnamese title; registration events carry the fallback-language one.
    await send(stack, SESSIONS, session_scheduled(session_id, starts_at=datetime(2027, 3, 4, 2, 0, tzinfo=UTC),
                                                  titles={"en": "Basic computer skills", "vi": "Kỹ năng máy tính cơ bản"}))

    async def titles_known():  # sessions and registrations are two topics, read in no fixed order
        async with app.state.runtime.pool.acquire() as conn:
            return await conn.fetchval("SELECT true FROM session_titles WHERE session_id = $1", session_id)

    await eventually(titles_known, what="the session's titles")
    confirmed = registration("confirmed", registration_id=registration_id, patron_id=patron_id,
                             starts_at=datetime(2027, 3, 4, 2, 0, tzinfo=UTC), session_id=str(session_id))

    await send(stack, REGISTRATIONS, confirmed, confirmed)  # the same event, delivered twice

    [mail] = await mail_to(inbox, address)
    assert mail["Subject"] == "Đã xác nhận đăng ký: Kỹ năng máy tính cơ bản"
    assert mail["Content-Language"] == "vi"
    text = mail.get_body(("plain",)).get_content()
    assert "Kính chào Nguyễn Thị Linh" in text
    # 02:00 UTC on 4 March is 6 PM the day before in Seattle; CLDR writes the time first in Vietnamese.
    assert "18:00 Thứ Tư, 3 tháng 3, 2027" in text
    assert '<html lang="vi">' in mail.get_body(("html",)).get_content()

    async def duplicate_seen() -> bool:
        return metric_value(registry, "lantern_inbox_duplicates_total", {"subscription": "messages"}) > duplicates_before

    await eventually(duplicate_seen, what="the redelivered event to reach the inbox")
    await app.state.dispatcher.run(app.state.runtime.pool)  # one more round: nothing more goes out
    assert len(inbox.to(address)) == 1
    cause_id = json.loads(confirmed[1])["id"]
    emails = await settled(client, cause_event_id=cause_id, channel="email")
    assert sorted((d["message"], d["status"], d["language"], d["attempts"]) for d in emails) == [
        ("feedback_request", "scheduled", "vi", 0),
        ("follow_up_survey", "scheduled", "vi", 0),
        ("registration_confirmed", "sent", "vi", 1),
        ("session_reminder", "scheduled", "vi", 0),
    ], "one of each, the follow-ups waiting for their day"
    records = await read_topic(stack, DELIVERIES, until=lambda rs: len(
        _published(rs, cause_id, "lantern.notification.delivered")) >= 2)  # email and in-app
    published = _published(records, cause_id, "lantern.notification.delivered")
    assert sorted(p["channel"] for p in published) == ["email", "in_app"]
    assert {p["language"] for p in published} == {"vi"} and {p["recipient_id"] for p in published} == {str(patron_id)}


async def test_a_language_without_translations_gets_the_default_language_and_the_fallback_is_counted(stack, app, client, inbox, unique):
    registry = app.state.runtime.metrics.registry
    labels = {"channel": "email", "language": "so", "category": "transactional"}
    before = metric_value(registry, "lantern_notifications_template_fallbacks_total", labels)
    patron_id = uuid.uuid4()
    address = f"hodan-{unique}@example.org"
    await send(stack, PATRONS, patron_enrolled(patron_id, language="so", email=address, name="Hodan Abdi"))
    await recipient_known(client, patron_id)

    await send(stack, REGISTRATIONS, registration("waitlisted", registration_id=uuid.uuid4(), patron_id=patron_id,
                                                  starts_at=in_days(10), position=4))

    [mail] = await mail_to(inbox, address)
    assert mail["Subject"] == "You're on the waitlist: Basic computer skills"
    assert "You are number 4 in line." in mail.get_body(("plain",)).get_content()
    assert metric_value(registry, "lantern_notifications_template_fallbacks_total", labels) == before + 1
    [logged] = await settled(client, recipient_id=patron_id, channel="email")
    assert logged["language"] == "en", "the log records the language the message was written in"


async def test_an_opted_out_reminder_is_not_sent_but_a_recall_is(stack, app, client, inbox, unique):
    registry = app.state.runtime.metrics.registry
    suppressed = {"channel": "email", "language": "es", "category": "reminders", "reason": "preference"}
    before = metric_value(registry, "lantern_notifications_suppressed_total", suppressed)
    patron_id, loan_id = uuid.uuid4(), uuid.uuid4()
    address = f"ana-{unique}@example.org"
    await send(stack, PATRONS, patron_enrolled(patron_id, language="es", email=address, name="Ana Pérez"))
    await recipient_known(client, patron_id)
    chosen = await client.put(f"/internal/v1/recipients/{patron_id}/preferences",
                              json={"opted_out": ["reminders"], "quiet_hours_enabled": False})  # any hour of the test
    assert chosen.status_code == 200, chosen.text
    borrower = {"kind": "patron", "id": str(patron_id)}
    due = (datetime.now(UTC) + timedelta(days=2)).isoformat()

    await send(stack, LOANS,
               loan("due_soon", loan_id=loan_id, borrower=borrower, due_at=due),
               loan("recall_requested", loan_id=loan_id, borrower=borrower, due_at=due, reason="maintenance"))

    [recall] = await mail_to(inbox, address)
    assert recall["Subject"] == "Solicitud de devolución: punto de acceso Wi-Fi, etiqueta HS-0042"

    async def settled():
        rows = await deliveries(client, recipient_id=patron_id)
        return rows if all(r["status"] in {"sent", "suppressed"} for r in rows) and len(rows) == 4 else None

    rows = await eventually(settled, what="both loan messages to be settled")
    outcome = {(r["message"], r["channel"]): (r["status"], r["reason"]) for r in rows}
    assert outcome == {
        ("loan_due_soon", "email"): ("suppressed", "preference"),
        ("loan_due_soon", "in_app"): ("suppressed", "preference"),
        ("loan_recall", "email"): ("sent", None),
        ("loan_recall", "in_app"): ("sent", None),
    }
    assert len(inbox.to(address)) == 1

    async def counted():
        return metric_value(registry, "lantern_notifications_suppressed_total", suppressed) == before + 1

    await eventually(counted, what="the suppression to be counted")
    app_inbox = (await client.get(f"/internal/v1/recipients/{patron_id}/inbox")).json()["items"]
    assert [m["message"] for m in app_inbox] == ["loan_recall"]


async def test_quiet_hours_hold_a_reminder_until_they_end_while_the_confirmation_goes_at_once(stack, app, client, inbox, unique):
    patron_id, registration_id = uuid.uuid4(), uuid.uuid4()
    address = f"minh-{unique}@example.org"
    await send(stack, PATRONS, patron_enrolled(patron_id, language="vi", email=address, name="Trần Minh"))
    await recipient_known(client, patron_id)
    now = datetime.now(UTC)
    quiet = {"start": (now - timedelta(hours=1)).strftime("%H:%M"), "end": (now + timedelta(hours=2)).strftime("%H:%M")}
    chosen = await client.put(f"/internal/v1/recipients/{patron_id}/preferences",
                              json={"quiet_hours": quiet, "timezone": "UTC"})
    assert chosen.status_code == 200, chosen.text

    # Registered 20 hours before the session: the day-before reminder is due at once, but it is quiet time.
    await send(stack, REGISTRATIONS, registration("confirmed", registration_id=registration_id, patron_id=patron_id,
                                                  starts_at=now + timedelta(hours=20)))

    [confirmation] = await mail_to(inbox, address)
    assert confirmation["Subject"].startswith("Đã xác nhận đăng ký")

    async def held():
        rows = await deliveries(client, recipient_id=patron_id, message="session_reminder", channel="email")
        return rows[0] if rows and rows[0]["reason"] == "quiet_hours" else None

    reminder = await eventually(held, what="the reminder to be held for quiet hours")
    quiet_end = datetime.fromisoformat(reminder["send_after"])
    assert reminder["status"] == "scheduled" and reminder["attempts"] == 0
    assert quiet_end.strftime("%H:%M") == quiet["end"] and now < quiet_end <= now + timedelta(hours=2)
    assert len(inbox.to(address)) == 1

    await app.state.dispatcher.run(app.state.runtime.pool, now=quiet_end + timedelta(seconds=1))

    subjects = [m["Subject"] for m in inbox.to(address)]
    assert subjects[1] == "Nhắc nhở: Basic computer skills diễn ra vào ngày mai"


async def test_a_failing_smtp_server_is_retried_then_the_failure_is_published_with_its_reason(stack, app, client, inbox, unique):
    registry = app.state.runtime.metrics.registry
    patron_id = uuid.uuid4()
    address = f"busy-{unique}@example.org"
    await send(stack, PATRONS, patron_enrolled(patron_id, language="en", email=address, name="Sam Lee"))
    await recipient_known(client, patron_id)
    retries_before = metric_value(registry, "lantern_notifications_retries_total", {"channel": "email"})
    promoted = registration("promoted", registration_id=uuid.uuid4(), patron_id=patron_id, starts_at=in_days(7))

    await send(stack, REGISTRATIONS, promoted)

    cause_id = json.loads(promoted[1])["id"]
    records = await read_topic(stack, DELIVERIES, until=lambda rs: bool(
        _published(rs, cause_id, "lantern.notification.failed")))
    [failed] = _published(records, cause_id, "lantern.notification.failed")
    assert failed["channel"] == "email" and failed["recipient_id"] == str(patron_id)
    assert failed["reason"] == "smtp_recipient_refused:451" and failed["attempts"] == MAX_ATTEMPTS
    assert inbox.refused.count(address) == MAX_ATTEMPTS
    assert metric_value(registry, "lantern_notifications_retries_total", {"channel": "email"}) >= retries_before + 2
    [logged] = await deliveries(client, cause_event_id=cause_id, channel="email", message="registration_promoted")
    assert (logged["status"], logged["attempts"], logged["reason"]) == ("failed", 3, "smtp_recipient_refused:451")
    assert {p["channel"] for p in _published(records, cause_id, "lantern.notification.delivered")} <= {"in_app"}


async def test_a_mailbox_that_does_not_exist_fails_at_once_and_the_address_is_recorded_as_bouncing(stack, app, client, inbox, unique):
    patron_id = uuid.uuid4()
    address = f"gone-{unique}@example.org"
    await send(stack, PATRONS, patron_enrolled(patron_id, language="es", email=address, name="Luis Soto"))
    await recipient_known(client, patron_id)

    await send(stack, REGISTRATIONS, registration("confirmed", registration_id=uuid.uuid4(), patron_id=patron_id,
                                                  starts_at=in_days(9)))

    async def failed():
        rows = await deliveries(client, recipient_id=patron_id, message="registration_confirmed", channel="email")
        return rows[0] if rows and rows[0]["status"] == "failed" else None

    logged = await eventually(failed, what="the refused message to fail")
    assert (logged["attempts"], logged["reason"]) == (1, "smtp_recipient_refused:550")
    seen = (await client.get(f"/internal/v1/recipients/{patron_id}")).json()
    assert seen["has_email"] and seen["email_bounced"]
    effective = (await client.get(f"/internal/v1/recipients/{patron_id}/preferences")).json()["effective_channels"]
    assert effective == ["in_app"], "a bounced address is not written to again"


async def test_a_cancelled_registration_cancels_its_reminder_and_follow_ups(stack, app, client, inbox, unique):
    patron_id, registration_id = uuid.uuid4(), uuid.uuid4()
    address = f"rosa-{unique}@example.org"
    starts_at = in_days(5)
    await send(stack, PATRONS, patron_enrolled(patron_id, language="es", email=address, name="Rosa Díaz"))
    await recipient_known(client, patron_id)
    await send(stack, REGISTRATIONS, registration("confirmed", registration_id=registration_id, patron_id=patron_id,
                                                  starts_at=starts_at))
    await mail_to(inbox, address)
    scheduled = await deliveries(client, recipient_id=patron_id, message="session_reminder", channel="email")
    assert scheduled[0]["status"] == "scheduled"
    assert datetime.fromisoformat(scheduled[0]["send_after"]) == starts_at - timedelta(hours=24)

    await send(stack, REGISTRATIONS, registration("cancelled", registration_id=registration_id, patron_id=patron_id,
                                                  starts_at=starts_at, reason="session_cancelled", was="confirmed"))

    [_, cancellation] = await mail_to(inbox, address, count=2)
    assert cancellation["Subject"] == "Cancelado: Basic computer skills"
    follow_ups = await deliveries(client, recipient_id=patron_id, status="cancelled")
    assert {(d["message"], d["reason"]) for d in follow_ups} == {
        ("session_reminder", "registration_session_cancelled"),
        ("feedback_request", "registration_session_cancelled"),
        ("follow_up_survey", "registration_session_cancelled"),
    }
    # The day before the session comes, and the reminder stays unsent.
    await app.state.dispatcher.run(app.state.runtime.pool, now=starts_at - timedelta(hours=23))
    assert [m["Subject"] for m in inbox.to(address)][2:] == []


async def test_a_moved_session_tells_its_registrants_and_moves_their_reminder(stack, app, client, inbox, unique):
    patron_id, registration_id, session_id = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    address = f"moved-{unique}@example.org"
    starts_at = in_days(6)
    await send(stack, PATRONS, patron_enrolled(patron_id, language="en", email=address, name="Ana Reyes"))
    await recipient_known(client, patron_id)
    await send(stack, REGISTRATIONS, registration("confirmed", registration_id=registration_id, patron_id=patron_id,
                                                  starts_at=starts_at, session_id=str(session_id)))
    await mail_to(inbox, address)
    later = starts_at + timedelta(days=2)

    await send(stack, SESSIONS, session_updated(session_id, starts_at=later, place_name="Central Library, Room 2"))

    [_, change] = await mail_to(inbox, address, count=2)
    assert change["Subject"] == "New time: Basic computer skills"
    assert "Your seat is kept." in change.get_body(("plain",)).get_content()
    reminders = await deliveries(client, recipient_id=patron_id, message="session_reminder", channel="email")
    assert sorted((r["status"], r["reason"], datetime.fromisoformat(r["send_after"])) for r in reminders) == [
        ("cancelled", "session_changed", starts_at - timedelta(hours=24)),
        ("scheduled", None, later - timedelta(hours=24)),
    ]


async def test_a_reminder_that_quiet_hours_would_carry_past_the_start_of_its_session_is_dropped(stack, app, client, inbox, unique):
    patron_id = uuid.uuid4()
    address = f"late-{unique}@example.org"
    await send(stack, PATRONS, patron_enrolled(patron_id, language="en", email=address, name="Late Owl"))
    await recipient_known(client, patron_id)
    now = datetime.now(UTC)
    quiet = {"start": (now - timedelta(hours=1)).strftime("%H:%M"), "end": (now + timedelta(hours=3)).strftime("%H:%M")}
    await client.put(f"/internal/v1/recipients/{patron_id}/preferences", json={"quiet_hours": quiet, "timezone": "UTC"})

    await send(stack, REGISTRATIONS, registration("confirmed", registration_id=uuid.uuid4(), patron_id=patron_id,
                                                  starts_at=now + timedelta(hours=2)))

    async def held():
        rows = await deliveries(client, recipient_id=patron_id, message="session_reminder", channel="email")
        return rows[0] if rows and rows[0]["reason"] == "quiet_hours" else None

    reminder = await eventually(held, what="the reminder to wait for quiet hours to end")
    await app.state.dispatcher.run(app.state.runtime.pool, now=datetime.fromisoformat(reminder["send_after"]))

    dropped = (await client.get(f"/internal/v1/deliveries/{reminder['id']}")).json()
    assert (dropped["status"], dropped["reason"]) == ("cancelled", "too_late")
    [confirmation] = await mail_to(inbox, address)
    assert confirmation["Subject"] == "You're registered: Basic computer skills"
