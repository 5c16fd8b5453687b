"""Recipients, their choices and their channels: preferences, in-app inbox, SMS, erasure, partner contacts, staff."""

import json
import uuid
from datetime import UTC, datetime, timedelta

from tests.integration.notifications.conftest import (
    BROADCASTS, DEVICES, LOANS, PARTNERS, PATRONS, REFERRALS, REGISTRATIONS, SESSIONS, deliveries, event, in_days, loan, mail_to,
    patron_enrolled, recipient_known, registration, send, settled,
)
from tests.support import eventually, metric_value


async def test_preferences_start_from_the_library_defaults_and_refuse_muting_transactional_messages(stack, client, unique):
    patron_id = uuid.uuid4()
    await send(stack, PATRONS, patron_enrolled(patron_id, language="es", email=f"eva-{unique}@example.org"))
    await recipient_known(client, patron_id)

    defaults = (await client.get(f"/internal/v1/recipients/{patron_id}/preferences")).json()
    assert defaults == {
        "channels": None, "effective_channels": ["email", "in_app"], "opted_out": [],
        "quiet_hours": {"start": "21:00:00", "end": "08:00:00"}, "quiet_hours_enabled": True,
        "timezone": "America/Los_Angeles",
    }
    refused = await client.put(f"/internal/v1/recipients/{patron_id}/preferences",
                               json={"opted_out": ["transactional"], "timezone": "Mars/Olympus_Mons"})
    assert refused.status_code == 422
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert {e["field"] for e in refused.json()["errors"]} == {"opted_out", "timezone"}

    chosen = await client.put(f"/internal/v1/recipients/{patron_id}/preferences",
                              json={"channels": ["in_app"], "opted_out": ["broadcasts", "programme_news"]})
    assert chosen.status_code == 200
    assert chosen.json()["effective_channels"] == ["in_app"]
    assert chosen.json()["opted_out"] == ["broadcasts", "programme_news"]
    unknown = await client.get(f"/internal/v1/recipients/{uuid.uuid4()}/preferences")
    assert unknown.status_code == 404


async def test_in_app_messages_are_listed_newest_first_page_by_page_and_can_be_marked_read(stack, client, unique):
    patron_id = uuid.uuid4()
    await send(stack, PATRONS, patron_enrolled(patron_id, language="en", email=f"kim-{unique}@example.org"))
    await recipient_known(client, patron_id)
    borrower = {"kind": "patron", "id": str(patron_id)}
    loan_id = uuid.uuid4()
    due = in_days(14).isoformat()

    async def messages(count: int):
        page = (await client.get(f"/internal/v1/recipients/{patron_id}/inbox")).json()
        return page["items"] if len(page["items"]) == count else None

    await send(stack, LOANS, loan("started", loan_id=loan_id, borrower=borrower, due_at=due,
                                  started_at=datetime.now(UTC).isoformat()))
    await eventually(lambda: messages(1), what="the first in-app message")
    await send(stack, LOANS, loan("overdue", loan_id=loan_id, borrower=borrower, due_at=due, days_overdue=3))
    newest, oldest = await eventually(lambda: messages(2), what="the second in-app message")
    assert (newest["message"], oldest["message"]) == ("loan_overdue", "loan_started")
    assert newest["subject"] == "Overdue: please return your Wi-Fi hotspot" and "3 days overdue" in newest["body"]
    first = (await client.get(f"/internal/v1/recipients/{patron_id}/inbox", params={"limit": 1})).json()
    assert [m["id"] for m in first["items"]] == [newest["id"]] and first["next_cursor"]
    second = (await client.get(f"/internal/v1/recipients/{patron_id}/inbox",
                               params={"limit": 1, "cursor": first["next_cursor"]})).json()
    assert [m["id"] for m in second["items"]] == [oldest["id"]] and second["next_cursor"] is None

    read = await client.post(f"/internal/v1/recipients/{patron_id}/inbox/{newest['id']}/read")
    assert read.status_code == 200 and read.json()["read_at"]
    unread = (await client.get(f"/internal/v1/recipients/{patron_id}/inbox", params={"unread": "true"})).json()
    assert [m["id"] for m in unread["items"]] == [oldest["id"]]
    someone_else = await client.post(f"/internal/v1/recipients/{uuid.uuid4()}/inbox/{oldest['id']}/read")
    assert someone_else.status_code == 404


async def test_erasing_a_patron_forgets_their_contact_points_inbox_and_message_data_but_keeps_the_counts(stack, app, client, inbox, unique):
    patron_id, registration_id = uuid.uuid4(), uuid.uuid4()
    address = f"erase-{unique}@example.org"
    await send(stack, PATRONS, patron_enrolled(patron_id, language="vi", email=address))
    await recipient_known(client, patron_id)
    confirmed = registration("confirmed", registration_id=registration_id, patron_id=patron_id, starts_at=in_days(8))
    await send(stack, REGISTRATIONS, confirmed)
    await mail_to(inbox, address)
    cause_id = json.loads(confirmed[1])["id"]
    await settled(client, cause_event_id=cause_id)

    await send(stack, PATRONS, event("lantern.patron.erased", "/lantern/registration", str(patron_id), {
        "patron_id": str(patron_id), "erased_at": datetime.now(UTC).isoformat()}))

    async def forgotten():
        return (await client.get(f"/internal/v1/recipients/{patron_id}")).status_code == 404

    await eventually(forgotten, what="the recipient to be erased")
    history = await deliveries(client, cause_event_id=cause_id)
    assert len(history) == 8  # 4 messages × (email, in-app), counted still
    assert {d["recipient_id"] for d in history} == {None}
    assert sorted({(d["message"], d["status"]) for d in history}) == [
        ("feedback_request", "cancelled"), ("follow_up_survey", "cancelled"),
        ("registration_confirmed", "sent"), ("session_reminder", "cancelled"),
    ]
    async with app.state.runtime.pool.acquire() as conn:
        kept = await conn.fetchval(
            "SELECT count(*) FROM deliveries WHERE cause_event_id = $1 AND render_data IS NOT NULL", cause_id)
        inbox_rows = await conn.fetchval("SELECT count(*) FROM inbox_messages WHERE recipient_id = $1", patron_id)
    assert kept == 0 and inbox_rows == 0


async def test_a_broadcast_reaches_each_partner_contact_in_their_language_or_the_lists_fallback(stack, app, client, inbox, unique):
    registry = app.state.runtime.metrics.registry
    fallback = {"channel": "email", "language": "vi", "category": "broadcasts"}
    before = metric_value(registry, "lantern_notifications_template_fallbacks_total", fallback)
    partner_id, spanish, vietnamese = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    await send(stack, PARTNERS, event("lantern.partner.registered", "/lantern/partners", str(partner_id), {
        "partner_id": str(partner_id), "name": "Eastside Help Center", "kind": "nonprofit", "status": "active",
        "contacts": [
            {"contact_id": str(spanish), "name": "María López", "email": f"maria-{unique}@eastside.example", "language": "es"},
            {"contact_id": str(vietnamese), "name": "Phạm Văn An", "email": f"an-{unique}@eastside.example", "language": "vi"},
        ],
    }))
    await recipient_known(client, spanish, awake=True)
    await recipient_known(client, vietnamese, awake=True)

    await send(stack, BROADCASTS, event("lantern.broadcast.requested", "/lantern/partners", str(uuid.uuid4()), {
        "broadcast_id": str(uuid.uuid4()), "list_id": str(uuid.uuid4()), "category": "broadcast",
        "subject": {"en": "Winter hours", "es": "Horario de invierno"},
        "body": {"en": "Branches close at 6 PM from December 1.",
                 "es": "Las sucursales cierran a las 6 p. m. desde el 1 de diciembre."},
        "fallback_language": "en", "contact_ids": [str(spanish), str(vietnamese)],
    }))

    [to_maria] = await mail_to(inbox, f"maria-{unique}@eastside.example")
    [to_an] = await mail_to(inbox, f"an-{unique}@eastside.example")
    assert to_maria["Subject"] == "Horario de invierno"
    assert "Hola, María López:" in to_maria.get_body(("plain",)).get_content()
    assert to_an["Subject"] == "Winter hours"
    assert "Branches close at 6 PM from December 1." in to_an.get_body(("plain",)).get_content()
    assert metric_value(registry, "lantern_notifications_template_fallbacks_total", fallback) == before + 1


async def test_a_referral_tells_the_patron_who_to_contact_and_the_partner_only_what_the_patron_shared(stack, client, inbox, unique):
    partner_id, contact_id, patron_id = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    partner_address, patron_address = f"intake-{unique}@eastside.example", f"tuan-{unique}@example.org"
    await send(stack, PARTNERS, event("lantern.partner.registered", "/lantern/partners", str(partner_id), {
        "partner_id": str(partner_id), "name": "Eastside Help Center", "kind": "nonprofit", "status": "active",
        "contacts": [{"contact_id": str(contact_id), "name": "María López", "email": partner_address,
                      "phone": "+1 206 555 0100", "language": "en"}],
    }))
    await send(stack, PATRONS, patron_enrolled(patron_id, language="vi", email=patron_address, name="Lê Văn Tuấn"))
    await recipient_known(client, contact_id, awake=True)
    await recipient_known(client, patron_id)

    await send(stack, REFERRALS, event("lantern.referral.created", "/lantern/partners", str(uuid.uuid4()), {
        "referral_id": str(uuid.uuid4()), "patron_id": str(patron_id), "partner_id": str(partner_id),
        "service_id": str(uuid.uuid4()), "service_name": "Free tax preparation", "need": "tax help",
        "contact_id": str(contact_id), "shared_with_partner": {"first_name": "Tuấn", "email": patron_address},
    }))

    [to_patron] = await mail_to(inbox, patron_address)
    [to_partner] = await mail_to(inbox, partner_address)
    patron_text = to_patron.get_body(("plain",)).get_content()
    assert to_patron["Subject"] == "Giới thiệu của quý vị đến Eastside Help Center"
    assert "María López" in patron_text and "(206) 555-0100" in patron_text and partner_address in patron_text
    partner_text = to_partner.get_body(("plain",)).get_content()
    assert "Tuấn" in partner_text and patron_address in partner_text
    assert "Lê Văn" not in partner_text, "the partner gets the first name only"


async def test_staff_hear_of_an_equipment_shortfall(stack, inbox, unique):
    title = f"Job search online {unique}"
    await send(stack, SESSIONS, event("lantern.session.equipment_changed", "/lantern/registration", str(uuid.uuid4()), {
        "session_id": str(uuid.uuid4()), "title": title, "starts_at": "2027-03-04T17:00:00+00:00",
        "equipment_status": "shortfall", "missing": {"laptop": 4, "hotspot": 2},
    }))

    async def notice():
        found = [m for m in inbox.to("outreach-staff@riverside.example") if title in m["Subject"]]
        return found or None

    [mail] = await eventually(notice, what="the staff notice")
    assert mail["Subject"] == f"Equipment shortfall: {title}, Thursday, March 4, 2027"
    text = mail.get_body(("plain",)).get_content()
    assert "- 2 × Wi-Fi hotspot" in text and "- 4 × laptop" in text


async def test_a_returned_device_cancels_the_due_soon_notice_still_waiting_for_quiet_hours_to_end(stack, app, client, inbox, unique):
    patron_id, loan_id = uuid.uuid4(), uuid.uuid4()
    address = f"night-{unique}@example.org"
    await send(stack, PATRONS, patron_enrolled(patron_id, language="en", email=address, name="Night Owl"))
    await recipient_known(client, patron_id)
    now = datetime.now(UTC)
    quiet = {"start": (now - timedelta(hours=1)).strftime("%H:%M"), "end": (now + timedelta(hours=3)).strftime("%H:%M")}
    await client.put(f"/internal/v1/recipients/{patron_id}/preferences",
                     json={"quiet_hours": quiet, "timezone": "UTC", "channels": ["email"]})
    borrower = {"kind": "patron", "id": str(patron_id)}
    await send(stack, LOANS, loan("due_soon", loan_id=loan_id, borrower=borrower, due_at=in_days(1).isoformat()))

    async def held():
        rows = await deliveries(client, recipient_id=patron_id, message="loan_due_soon")
        return rows[0] if rows and rows[0]["reason"] == "quiet_hours" else None

    notice = await eventually(held, what="the due-soon notice to wait for the end of quiet hours")

    await send(stack, LOANS, loan("returned", loan_id=loan_id, borrower=borrower, returned_at=now.isoformat(),
                                  condition="good", missing_accessories=[]))

    [thanks] = await mail_to(inbox, address)
    assert thanks["Subject"] == "Thank you: your Wi-Fi hotspot is returned"
    cancelled = await client.get(f"/internal/v1/deliveries/{notice['id']}")
    assert (cancelled.json()["status"], cancelled.json()["reason"]) == ("cancelled", "device_returned")
    await app.state.dispatcher.run(app.state.runtime.pool, now=datetime.fromisoformat(notice["send_after"]))
    assert len(inbox.to(address)) == 1


async def test_the_borrower_hears_when_the_carrier_pauses_an_overdue_hotspot(stack, client, inbox, unique):
    patron_id, loan_id, device_id = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    address = f"hotspot-{unique}@example.org"
    await send(stack, PATRONS, patron_enrolled(patron_id, language="en", email=address, name="Dee Moore"))
    await recipient_known(client, patron_id, awake=True)
    await send(stack, LOANS, loan("started", loan_id=loan_id, borrower={"kind": "patron", "id": str(patron_id)},
                                  due_at=in_days(-20).isoformat(), started_at=in_days(-41).isoformat()))
    await mail_to(inbox, address)

    await send(stack, DEVICES, event("lantern.device.deactivation_requested", "/lantern/devices", str(device_id), {
        "device_id": str(device_id), "asset_tag": "HS-0042", "kind": "hotspot", "loan_id": str(loan_id),
        "reason": "overdue_20_days",
    }))

    [_, paused] = await mail_to(inbox, address, count=2)
    assert paused["Subject"] == "Service paused on your Wi-Fi hotspot"
    assert "asset tag HS-0042" in paused.get_body(("plain",)).get_content()
