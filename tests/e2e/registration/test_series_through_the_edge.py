"""Series, registration rules and calendar feeds through the edge, every service a real process: a patron registers
for a whole series herself, gets the series in her confirmation email, subscribes to her own feed without signing in,
and a staff-only program tells her what to do instead."""

import email
import uuid
from datetime import UTC, datetime, timedelta
from email.policy import default as default_policy

import recurring_ical_events
from icalendar import Calendar

from lantern_notifications.smtp_sink import recipient_tag
from tests.support import eventually

API = "/api/v1"


async def ok(answer, status: int = 200) -> dict:
    assert answer.status_code == status, answer.text
    return answer.json() if answer.content else {}


async def test_a_patron_registers_for_a_series_and_reads_it_back_from_her_email_and_her_feed(services, edge, caller,
                                                                                             unique):
    staff = caller.headers("staff")
    kind = f"class_{unique}"
    program = await ok(await edge.post(f"{API}/programs", headers=staff, json={
        "kind": kind, "titles": {"en": "Computer basics", "es": "Computación básica"}, "fallback_language": "en",
        "languages": ["es"], "host": {"kind": "branch", "branch": "Central"}, "registration": {"unit": "series"}}), 201)
    first = (datetime.now(UTC) + timedelta(days=3)).replace(microsecond=0)
    series = await ok(await edge.post(f"{API}/series", headers=staff, json={
        "program_id": program["id"], "starts_at": first.isoformat(), "ends_at": (first + timedelta(hours=1)).isoformat(),
        "timezone": "America/Chicago", "rrule": "FREQ=WEEKLY;COUNT=4", "place": {"kind": "branch", "name": "Lab"},
        "capacity": 8}), 201)
    address = f"series-{unique}@example.org"
    patron = await ok(await edge.post(f"{API}/patrons", headers=staff, json={
        "name": "Ana Pérez", "email": address, "preferred_language": "es", "consent_to_contact": True}), 201)
    me = caller.headers("patron", patron_id=patron["id"])

    held = await ok(await edge.post(f"{API}/series/{series['id']}/registrations", headers=me,
                                    json={"patron_id": patron["id"]}), 201)
    someone_else = await edge.post(f"{API}/series/{series['id']}/registrations", headers=me,
                                   json={"patron_id": str(uuid.uuid4())})

    assert (held["status"], held["occurrences_held"]) == ("confirmed", 4)
    assert someone_else.status_code == 403
    mine = await ok(await edge.get(f"{API}/me/series-registrations", headers=me))
    assert [r["id"] for r in mine["items"]] == [held["id"]]

    async def mailed():
        return sorted(services.config.mail_dir.glob(f"*{recipient_tag(address)}*.eml")) or None

    [path] = await eventually(mailed, timeout=60, what="the confirmation in the mail folder")
    message = email.message_from_bytes(path.read_bytes(), policy=default_policy)
    [attachment] = list(message.iter_attachments())
    emailed = Calendar.from_ical(attachment.get_content())
    window = (datetime(2020, 1, 1), datetime(2040, 1, 1))
    starts = [o["starts_at"] for o in series["occurrences"]]
    assert [e["DTSTART"].dt for e in recurring_ical_events.of(emailed).between(*window)] == [
        datetime.fromisoformat(s) for s in starts]

    # Calendar apps fetch without signing in: the series' file, the public feed, and her own feed by its secret.
    public = await edge.get(f"{API}/series/{series['id']}/calendar.ics")
    assert public.status_code == 200 and public.headers["content-type"].startswith("text/calendar")
    assert len(recurring_ical_events.of(Calendar.from_ical(public.content)).between(*window)) == 4
    feed = await edge.get(f"{API}/calendar/programs.ics", params={"kind": kind, "language": "es"})
    assert {str(e["SUMMARY"]) for e in Calendar.from_ical(feed.content).walk("VEVENT")} == {"Computación básica"}
    assert (await edge.get(f"{API}/series/{series['id']}")).status_code == 401  # the JSON API stays signed-in only
    personal = await ok(await edge.post(f"{API}/patrons/{patron['id']}/calendar-feed", headers=me), 201)
    assert (await edge.post(f"{API}/patrons/{uuid.uuid4()}/calendar-feed", headers=me)).status_code == 403
    subscribed = await edge.get(f"{API}{personal['path']}")
    assert subscribed.status_code == 200
    assert len(list(Calendar.from_ical(subscribed.content).walk("VEVENT"))) == 4
    await ok(await edge.delete(f"{API}/patrons/{patron['id']}/calendar-feed", headers=me), 204)
    assert (await edge.get(f"{API}{personal['path']}")).status_code == 404


async def test_a_staff_only_program_refuses_a_patron_with_its_instructions_and_staff_register_her(edge, caller):
    staff = caller.headers("staff")
    instructions = {"en": "Ask at the front desk.", "es": "Pregunte en el mostrador."}
    program = await ok(await edge.post(f"{API}/programs", headers=staff, json={
        "kind": "job_skills_training", "titles": {"en": "Forklift safety"}, "fallback_language": "en",
        "languages": ["en"], "host": {"kind": "branch", "branch": "Central"},
        "registration": {"mode": "staff_only", "staff_only_instructions": instructions}}), 201)
    starts = datetime.now(UTC) + timedelta(days=2)
    session = await ok(await edge.post(f"{API}/sessions", headers=staff, json={
        "program_id": program["id"], "starts_at": starts.isoformat(), "ends_at": (starts + timedelta(hours=1)).isoformat(),
        "timezone": "America/Chicago", "place": {"kind": "branch", "name": "Dock"}, "capacity": 4}), 201)
    patron = await ok(await edge.post(f"{API}/patrons", headers=staff, json={
        "name": "Bea", "email": f"bea-{uuid.uuid4().hex[:8]}@example.org", "preferred_language": "es"}), 201)

    refused = await edge.post(f"{API}/sessions/{session['id']}/registrations",
                              headers=caller.headers("patron", patron_id=patron["id"]), json={"patron_id": patron["id"]})
    by_staff = await edge.post(f"{API}/sessions/{session['id']}/registrations", headers=staff,
                               json={"patron_id": patron["id"]})

    assert refused.status_code == 409
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert (refused.json()["reason"], refused.json()["instructions"]) == ("staff_registration_only", instructions)
    assert by_staff.status_code == 201
