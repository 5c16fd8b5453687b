"""Whole flows through the edge only, every service a real process, the real broker, database and mail sink."""

import email
import email.policy
import uuid
from datetime import UTC, datetime, timedelta

import asyncpg
import httpx

from lantern_devstack.stack import SERVICES_WITH_DATABASE
from lantern_shared.envelope import new_event
from tests.support import eventually, produce, read_topic


def mail_to(stack, address: str) -> list[tuple[str, str]]:
    """(subject, plain text) of every email the sink received for an address."""
    found = []
    for path in sorted(stack.config.mail_dir.glob("*.eml")) if stack.config.mail_dir.exists() else ():
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        if address in str(message["To"]):
            body = message.get_body(preferencelist=("plain",))
            found.append((str(message["Subject"]), body.get_content() if body else ""))
    return found


async def program_and_session(staff, *, capacity: int, devices_needed: dict | None = None,
                              starts_in: timedelta = timedelta(days=10)):
    program = await staff.post("/api/v1/programs", json={
        "kind": "digital_literacy_workshop", "fallback_language": "en", "languages": ["en", "vi"],
        "titles": {"en": "Staying safe online", "vi": "An toàn trên mạng"},
        "host": {"kind": "branch", "branch": "Central"},
    })
    assert program.status_code == 201, program.text
    starts = datetime.now(UTC).replace(microsecond=0) + starts_in
    session = await staff.post("/api/v1/sessions", json={
        "program_id": program.json()["id"], "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=2)).isoformat(), "timezone": "America/Los_Angeles",
        "place": {"kind": "branch", "name": "Central Library, Room 3"}, "capacity": capacity,
        "devices_needed": devices_needed or {},
    })
    assert session.status_code == 201, session.text
    return session.json()


async def enroll(staff, name: str, language: str = "en") -> dict:
    address = f"{name.lower().replace(' ', '.')}.{uuid.uuid4().hex[:6]}@example.org"
    answer = await staff.post("/api/v1/patrons", json={
        "name": name, "email": address, "preferred_language": language, "consent_to_contact": True,
        "consent_to_referral": True,
    })
    assert answer.status_code == 201, answer.text
    return answer.json()


async def test_a_waitlisted_vietnamese_reader_is_promoted_and_told_in_vietnamese(services, staff, edge, caller):
    session = await program_and_session(staff, capacity=1)
    first = await enroll(staff, "Maria Lopez", "es")
    lan = await enroll(staff, "Tran Thi Lan", "vi")
    maria_token = caller.headers("patron", patron_id=first["id"])
    lan_token = caller.headers("patron", patron_id=lan["id"])

    seat = await edge.post(f"/api/v1/sessions/{session['id']}/registrations", json={}, headers=maria_token)
    assert seat.json()["status"] == "confirmed", seat.text
    waiting = await edge.post(f"/api/v1/sessions/{session['id']}/registrations", json={}, headers=lan_token)
    assert waiting.json()["status"] == "waitlisted" and waiting.json()["waitlist_position"] == 1

    cancelled = await edge.post(f"/api/v1/registrations/{seat.json()['id']}/cancellation", headers=maria_token)
    assert cancelled.status_code == 200, cancelled.text
    mine = (await edge.get("/api/v1/me/registrations", headers=lan_token)).json()["items"]
    assert [r["status"] for r in mine] == ["confirmed"]

    await eventually(lambda: (len(mail_to(services, lan["email"])) >= 2), timeout=60,
                     what="the waitlist notice and the promotion email")
    subjects = [subject for subject, _ in mail_to(services, lan["email"])]
    assert all(_looks_vietnamese(s) for s in subjects), subjects
    assert len(subjects) == 2, "one waitlist notice, one promotion: nothing twice"


async def test_a_session_needing_twelve_laptops_reserves_them_and_cancelling_releases_them_and_tells_registrants(
        services, staff, edge, caller):
    branch = f"Branch {uuid.uuid4().hex[:6]}"
    for _ in range(12):
        added = await staff.post("/api/v1/devices", json={
            "kind": "laptop", "asset_tag": f"LT-{uuid.uuid4().hex[:8]}", "serial": f"SN-{uuid.uuid4().hex}",
            "home_branch": branch,
        })
        assert added.status_code == 201, added.text
    session = await program_and_session(staff, capacity=12, devices_needed={"laptop": 12}, starts_in=timedelta(days=20))

    async def equipment(expected: str):
        answer = await staff.get(f"/api/v1/sessions/{session['id']}")
        return answer.json()["status"] == expected

    await eventually(lambda: equipment("ready"), timeout=60, what="the session's laptops to be reserved")
    reservation = (await staff.get(f"/api/v1/reservations/{session['id']}")).json()
    assert reservation["status"] == "reserved" and len(reservation["device_ids"]) == 12

    patron = await enroll(staff, "Ahmed Hassan", "en")
    registered = await edge.post(f"/api/v1/sessions/{session['id']}/registrations", json={},
                                 headers=caller.headers("patron", patron_id=patron["id"]))
    assert registered.json()["status"] == "confirmed"
    cancel = await staff.post(f"/api/v1/sessions/{session['id']}/cancellation", json={"reason": "Instructor unwell"})
    assert cancel.status_code == 200, cancel.text

    async def released():
        return (await staff.get(f"/api/v1/reservations/{session['id']}")).json()["status"] == "released"

    await eventually(released, timeout=60, what="the laptops to be released")
    await eventually(lambda: (mail_to(services, patron["email"])[-1:] and
                                    "cancel" in mail_to(services, patron["email"])[-1][0].lower()),
                     timeout=60, what="the registrant to be told of the cancellation")


async def test_a_lapsed_partner_has_its_loans_recalled_and_its_contact_told(services, staff, edge, caller):
    contact_email = f"coordinator.{uuid.uuid4().hex[:6]}@partner.example.org"
    partner = await staff.post("/api/v1/partners", json={
        "name": f"Eastside Workforce Center {uuid.uuid4().hex[:4]}", "kind": "workforce_development",
        "contacts": [{"name": "Dana Kim", "role": "Program coordinator", "email": contact_email, "language": "en"}],
    })
    assert partner.status_code == 201, partner.text
    partner_id = partner.json()["id"]
    assert (await staff.post(f"/api/v1/partners/{partner_id}/status", json={"status": "active"})).status_code == 200
    device = await staff.post("/api/v1/devices", json={
        "kind": "hotspot", "asset_tag": f"HS-{uuid.uuid4().hex[:8]}", "serial": f"SN-{uuid.uuid4().hex}",
        "home_branch": "Central",
    })

    async def lent():
        answer = await staff.post("/api/v1/loans", json={"borrower_id": partner_id, "device_id": device.json()["id"]})
        return answer.json() if answer.status_code == 201 else None

    loan = await eventually(lent, timeout=60, what="devices to know the partner (from its events) and lend to it")
    lapsed = await staff.post(f"/api/v1/partners/{partner_id}/status",
                              json={"status": "lapsed", "reason": "Agreement not renewed"})
    assert lapsed.status_code == 200, lapsed.text

    partner_view = caller.headers("partner", partner_id=partner_id)

    async def recalled():
        answer = await edge.get(f"/api/v1/loans/{loan['id']}", headers=partner_view)
        return answer.json().get("recall_requested_at")

    await eventually(recalled, timeout=60, what="the partner's loan to be recalled")
    contact_id = partner.json()["contacts"][0]["id"]

    async def contact_told():
        # Sent now, or (at night in the library's timezone) queued for the end of the contact's quiet hours.
        log = await staff.get("/api/v1/deliveries", params={"recipient_id": contact_id, "message": "partner_lapsed",
                                                          "channel": "email"})
        return [d for d in log.json()["items"] if d["status"] == "sent"
                or (d["status"] == "scheduled" and d["reason"] == "quiet_hours")]

    await eventually(contact_told, timeout=60, what="the partner's contact to be told")
    refused = await staff.post("/api/v1/loans", json={"borrower_id": partner_id, "kind": "hotspot"})
    assert refused.status_code in (409, 422), "a lapsed partner cannot borrow"


async def test_an_erased_patron_leaves_no_personal_data_in_any_service(services, staff, edge, caller):
    name, phone = f"Erasable {uuid.uuid4().hex[:8]}", "+1 206 555 0199"
    patron = (await staff.post("/api/v1/patrons", json={
        "name": name, "email": f"{uuid.uuid4().hex[:10]}@erase.example.org", "phone": phone,
        "preferred_language": "uk", "consent_to_contact": True, "consent_to_referral": True,
        "library_card_number": f"C{uuid.uuid4().hex[:10]}", "accessibility_needs": "Large print",
    })).json()
    session = await program_and_session(staff, capacity=5)
    own = caller.headers("patron", patron_id=patron["id"])
    assert (await edge.post(f"/api/v1/sessions/{session['id']}/registrations", json={}, headers=own)).status_code == 201

    async def reached_notifications():
        return (await staff.get(f"/api/v1/recipients/{patron['id']}")).status_code == 200

    await eventually(reached_notifications, timeout=60, what="notifications to know the patron")
    await eventually(lambda: (mail_to(services, patron["email"])), timeout=60, what="the confirmation email")

    erased = await edge.delete(f"/api/v1/patrons/{patron['id']}", headers=own)
    assert erased.status_code in (200, 202, 204), erased.text
    secrets = [name, patron["email"], phone, patron["phone"], patron["library_card_number"], "Large print"]

    async def nowhere():
        return not await _personal_data_left(services, secrets)

    await eventually(nowhere, timeout=90, what="every service to forget the patron")
    assert (await staff.get(f"/api/v1/patrons/{patron['id']}")).status_code == 404


async def test_a_kiosk_check_in_published_by_another_system_takes_effect(services, staff, edge, caller):
    session = await program_and_session(staff, capacity=3, starts_in=timedelta(minutes=10))
    patron = await enroll(staff, "Olena Shevchenko", "uk")
    registered = await edge.post(f"/api/v1/sessions/{session['id']}/registrations", json={},
                                 headers=caller.headers("patron", patron_id=patron["id"]))
    assert registered.status_code == 201, registered.text
    scan = new_event(type="lantern.checkin.recorded", source="/kiosk/central-3", key=session["id"], data={
        "session_id": session["id"], "patron_id": patron["id"], "checked_in_at": datetime.now(UTC).isoformat(),
        "kiosk_id": "central-3", "nonce": uuid.uuid4().hex,
    }).to_bytes()
    await produce(services, "lantern.inbound.checkins", [(session["id"].encode(), scan, [("content-type", b"application/cloudevents+json")])])

    async def checked_in():
        records = (await staff.get(f"/api/v1/sessions/{session['id']}/attendance")).json()
        return [r for r in records if r["patron_id"] == patron["id"] and r["method"] == "kiosk"]

    await eventually(checked_in, timeout=60, what="the kiosk check-in to be recorded")


def _looks_vietnamese(text: str) -> bool:
    return any(ch in text for ch in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")


async def _personal_data_left(stack, needles: list[str]) -> list[str]:
    """Every text column of every table of every service's database, searched for the patron's data."""
    hits = []
    for service in SERVICES_WITH_DATABASE:
        conn = await asyncpg.connect(stack.dsn(service))
        try:
            columns = await conn.fetch(
                """SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
                   JOIN information_schema.tables t USING (table_schema, table_name)
                   WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                     AND c.data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea', 'ARRAY')""")
            for column in columns:
                table, col, kind = column["table_name"], column["column_name"], column["data_type"]
                where = (f'position(convert_to($1, \'UTF8\') in "{col}") > 0' if kind == "bytea"
                         else f'position($1 in "{col}"::text) > 0')
                for needle in needles:
                    if await conn.fetchval(f'SELECT count(*) FROM "{table}" WHERE {where}', needle):
                        hits.append(f"{service}.{table}.{col}")
        finally:
            await conn.close()
    return hits



async def test_an_overdue_hotspot_brings_a_reminder_then_a_deactivation_request(services, staff, edge, caller):
    patron = await enroll(staff, "Samir Haddad", "ar")
    own = caller.headers("patron", patron_id=patron["id"])

    async def quiet_hours_off():  # the patron's own choice, so tonight's test need not wait for the morning
        answer = await edge.put("/api/v1/me/preferences", headers=own, json={"quiet_hours_enabled": False})
        return answer.status_code == 200

    await eventually(quiet_hours_off, timeout=60, what="notifications to know the patron")
    hotspot = await staff.post("/api/v1/devices", json={
        "kind": "hotspot", "asset_tag": f"HS-{uuid.uuid4().hex[:8]}", "serial": f"SN-{uuid.uuid4().hex}",
        "home_branch": "Central",
    })

    async def lent():
        answer = await staff.post("/api/v1/loans", json={"borrower_id": patron["id"], "device_id": hotspot.json()["id"]})
        return answer.json() if answer.status_code == 201 else None

    loan = await eventually(lent, timeout=60, what="devices to know the patron and lend the hotspot")
    due = datetime.fromisoformat(loan["due_at"])

    async def delivered(message: str):
        log = await staff.get("/api/v1/deliveries", params={"recipient_id": patron["id"], "message": message})
        return [d for d in log.json()["items"] if d["status"] == "sent" and d["channel"] == "email"]

    await move_devices_clock(services, due - timedelta(hours=6))
    await eventually(lambda: delivered("loan_due_soon"), timeout=60, what="the due-soon reminder to be sent")
    await move_devices_clock(services, due + timedelta(days=8))
    await eventually(lambda: delivered("loan_overdue"), timeout=60, what="the overdue notice to be sent")

    async def deactivation_requested():
        return (await edge.get(f"/api/v1/loans/{loan['id']}", headers=own)).json().get("deactivation_requested_at")

    await eventually(deactivation_requested, timeout=60, what="the carrier deactivation request")
    requests = await read_topic(services, "lantern.devices.devices", until=lambda rs: any(
        loan["id"] in (r.value or b"").decode() and b"deactivation_requested" in (r.value or b"") for r in rs))
    assert any(loan["id"] in r.value.decode() for r in requests)
    assert len(await delivered("loan_due_soon")) == 1, "one reminder, however often the scheduler runs"


async def move_devices_clock(stack, when: datetime) -> None:
    """The devices service's test clock (enabled only on the test stack): loans fall due without waiting a week."""
    async with httpx.AsyncClient(base_url=stack.config.url("devices"), timeout=10,
                                 headers={"X-Lantern-Internal-Token": stack.secrets["internal_token"]}) as devices:
        answer = await devices.put("/internal/v1/test/clock", json={"now": when.isoformat()})
    assert answer.status_code == 200, answer.text
