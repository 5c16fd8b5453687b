"""The delivery log staff read, what it keeps and for how long, and the metrics operators watch."""

import json
import uuid
from datetime import UTC, datetime, timedelta

from lantern_notifications.delivery.dispatcher import apply_retention
from tests.integration.notifications.conftest import (
    LOANS, PATRONS, REGISTRATIONS, deliveries, in_days, loan, mail_to, patron_enrolled, recipient_known, registration,
    send, settled,
)
from tests.support import eventually, metric_value


async def test_the_log_pages_newest_first_and_filters_by_status_channel_and_language(stack, client, inbox, unique):
    patron_id = uuid.uuid4()
    address = f"log-{unique}@example.org"
    await send(stack, PATRONS, patron_enrolled(patron_id, language="vi", email=address))
    await recipient_known(client, patron_id)
    await send(stack, REGISTRATIONS, registration("confirmed", registration_id=uuid.uuid4(), patron_id=patron_id,
                                                  starts_at=in_days(12)))
    await mail_to(inbox, address)

    whole = await deliveries(client, recipient_id=patron_id)
    assert len(whole) == 8 and [d["seq"] for d in whole] == sorted((d["seq"] for d in whole), reverse=True)
    assert all(set(d) >= {"status", "channel", "language", "attempts", "message", "category"} for d in whole)
    assert not any(key in d for d in whole for key in ("body", "render_data", "email", "address"))
    pages, cursor = [], None
    while True:
        params = {"recipient_id": str(patron_id), "limit": 3} | ({"cursor": cursor} if cursor else {})
        page = (await client.get("/internal/v1/deliveries", params=params)).json()
        pages.append([d["id"] for d in page["items"]])
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert [len(p) for p in pages] == [3, 3, 2] and sum(pages, []) == [d["id"] for d in whole]
    waiting = await deliveries(client, recipient_id=patron_id, status="scheduled", channel="email", language="vi")
    assert sorted(d["message"] for d in waiting) == ["feedback_request", "follow_up_survey", "session_reminder"]
    bad = await client.get("/internal/v1/deliveries", params={"status": "lost"})
    assert bad.status_code == 422


async def test_a_message_for_someone_never_enrolled_is_logged_as_no_contact_and_counted(stack, app, client, unique):
    registry = app.state.runtime.metrics.registry
    labels = {"channel": "email", "language": "en", "category": "transactional", "reason": "no_contact"}
    before = metric_value(registry, "lantern_notifications_suppressed_total", labels)
    stranger = uuid.uuid4()

    await send(stack, LOANS, loan("overdue", loan_id=uuid.uuid4(), borrower={"kind": "patron", "id": str(stranger)},
                                  due_at=in_days(-3).isoformat(), days_overdue=3))

    async def settled():
        rows = await deliveries(client, recipient_id=stranger)
        return rows if rows and rows[0]["status"] == "suppressed" else None

    [logged] = await eventually(settled, what="the message to be suppressed")
    assert (logged["message"], logged["reason"]) == ("loan_overdue", "no_contact")

    async def counted():
        # At least ours: messages planned from earlier tests' events for people this service never heard of are
        # suppressed too, once they have waited `recipient_wait_s` for them, possibly meanwhile.
        return metric_value(registry, "lantern_notifications_suppressed_total", labels) >= before + 1

    await eventually(counted, what="the suppression to be counted")


async def test_message_data_and_then_log_lines_are_dropped_once_settled_past_their_retention(stack, app, client, inbox, unique):
    patron_id = uuid.uuid4()
    address = f"keep-{unique}@example.org"
    await send(stack, PATRONS, patron_enrolled(patron_id, language="es", email=address))
    await recipient_known(client, patron_id)
    confirmed = registration("confirmed", registration_id=uuid.uuid4(), patron_id=patron_id, starts_at=in_days(12))
    await send(stack, REGISTRATIONS, confirmed)
    await mail_to(inbox, address)
    cause_id = json.loads(confirmed[1])["id"]
    await settled(client, cause_event_id=cause_id)
    pool = app.state.runtime.pool

    await apply_retention(pool, render_data=timedelta(days=30), log=timedelta(days=400),
                          now=datetime.now(UTC) + timedelta(days=31))

    async with pool.acquire() as conn:
        kept = await conn.fetch(
            "SELECT message, status FROM deliveries WHERE cause_event_id = $1 AND render_data IS NOT NULL "
            "AND channel = 'email' ORDER BY message", cause_id)
    assert [(r["message"], r["status"]) for r in kept] == [
        ("feedback_request", "scheduled"), ("follow_up_survey", "scheduled"), ("session_reminder", "scheduled")]
    [sent] = await deliveries(client, cause_event_id=cause_id, channel="email", message="registration_confirmed")
    assert sent["status"] == "sent", "the log line itself stays"

    await apply_retention(pool, render_data=timedelta(days=30), log=timedelta(days=400),
                          now=datetime.now(UTC) + timedelta(days=401))
    remaining = await deliveries(client, cause_event_id=cause_id, channel="email")
    assert sorted(d["message"] for d in remaining) == ["feedback_request", "follow_up_survey", "session_reminder"], (
        "settled lines past the log's retention are deleted; waiting ones stay")


async def test_operators_see_sends_latency_and_the_scheduled_queue_in_metrics(stack, app, client, inbox, unique):
    registry = app.state.runtime.metrics.registry
    labels = {"channel": "email", "language": "vi", "category": "transactional"}
    sent_before = metric_value(registry, "lantern_notifications_sent_total", labels)
    latency_before = metric_value(registry, "lantern_notifications_delivery_latency_seconds_count",
                                  {"channel": "email", "category": "transactional"})
    patron_id = uuid.uuid4()
    address = f"metrics-{unique}@example.org"
    await send(stack, PATRONS, patron_enrolled(patron_id, language="vi", email=address))
    await recipient_known(client, patron_id)

    await send(stack, REGISTRATIONS, registration("confirmed", registration_id=uuid.uuid4(), patron_id=patron_id,
                                                  starts_at=in_days(12)))

    await mail_to(inbox, address)

    async def counted():  # the count follows the SMTP server's acceptance by a moment
        return metric_value(registry, "lantern_notifications_sent_total", labels) == sent_before + 1

    await eventually(counted, what="the sent message to be counted")
    assert metric_value(registry, "lantern_notifications_delivery_latency_seconds_count",
                        {"channel": "email", "category": "transactional"}) == latency_before + 1

    async def queue_counted():
        return metric_value(registry, "lantern_notifications_scheduled") >= 3

    await eventually(queue_counted, what="the scheduled queue gauge")
    exposed = (await client.get("/metrics")).text
    for name in ("lantern_notifications_sent_total", "lantern_notifications_suppressed_total",
                 "lantern_notifications_template_fallbacks_total", "lantern_notifications_scheduled",
                 "lantern_notifications_delivery_latency_seconds_bucket"):
        assert name in exposed


async def test_staff_can_send_a_failed_message_again_once_the_address_is_fixed(stack, client, inbox, unique):
    patron_id = uuid.uuid4()
    wrong, right = f"gone-{unique}@example.org", f"fixed-{unique}@example.org"
    await send(stack, PATRONS, patron_enrolled(patron_id, language="en", email=wrong, name="Pat Kim"))
    await recipient_known(client, patron_id, awake=True)
    await send(stack, LOANS, loan("recall_requested", loan_id=uuid.uuid4(), borrower={"kind": "patron", "id": str(patron_id)},
                                  due_at=in_days(3).isoformat(), reason="maintenance"))

    async def failed():
        rows = await deliveries(client, recipient_id=patron_id, channel="email", status="failed")
        return rows or None

    [recall] = await eventually(failed, what="the recall to fail on the wrong address")
    not_yet = await client.post(f"/internal/v1/deliveries/{uuid.uuid4()}/retry")
    assert not_yet.status_code == 404
    await send(stack, PATRONS, patron_enrolled(patron_id, language="en", email=right, name="Pat Kim"))

    async def address_fixed():
        return not (await client.get(f"/internal/v1/recipients/{patron_id}")).json()["email_bounced"]

    await eventually(address_fixed, what="the corrected address")

    retried = await client.post(f"/internal/v1/deliveries/{recall['id']}/retry")

    assert retried.status_code == 200 and retried.json()["attempts"] == 0
    [mail] = await mail_to(inbox, right)
    assert mail["Subject"] == "Please return the Wi-Fi hotspot, asset tag HS-0042"
    [sent] = await settled(client, recipient_id=patron_id, channel="email")
    assert (sent["status"], sent["attempts"]) == ("sent", 1)
    again = await client.post(f"/internal/v1/deliveries/{recall['id']}/retry")
    assert again.status_code == 409 and again.json()["status_now"] == "sent"


async def test_a_message_claimed_by_a_dispatcher_that_died_is_sent_once_its_lease_runs_out(stack, app, client, inbox, unique):
    patron_id = uuid.uuid4()
    address = f"crash-{unique}@example.org"
    starts_at = in_days(5)
    await send(stack, PATRONS, patron_enrolled(patron_id, language="en", email=address, name="Ray Chen"))
    await recipient_known(client, patron_id, awake=True)
    await send(stack, REGISTRATIONS, registration("confirmed", registration_id=uuid.uuid4(), patron_id=patron_id,
                                                  starts_at=starts_at))
    await mail_to(inbox, address)
    [reminder] = await deliveries(client, recipient_id=patron_id, message="session_reminder", channel="email")
    day_before = starts_at - timedelta(hours=23)
    pool = app.state.runtime.pool
    async with pool.acquire() as conn, conn.transaction():  # a dispatcher claims it, then its process is killed
        await conn.execute("UPDATE deliveries SET status = 'sending', lease_until = now() - interval '1 second' "
                           "WHERE id = $1", uuid.UUID(reminder["id"]))

    await app.state.dispatcher.run(pool, now=day_before)

    reminders = [m for m in inbox.to(address) if m["Subject"].startswith("Reminder:")]
    assert len(reminders) == 1
    after = (await client.get(f"/internal/v1/deliveries/{reminder['id']}")).json()
    assert (after["status"], after["attempts"]) == ("sent", 1)
