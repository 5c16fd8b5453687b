"""Partnership status with history, where a lapse tells devices to recall loans; agreements signed and ended;
distribution lists and broadcasts."""

from datetime import datetime
from zoneinfo import ZoneInfo

from .conftest import PARTNERS_TOPIC, events_for
from .records import partner_record

AGREEMENTS_TOPIC = "lantern.partners.agreements"
BROADCASTS_TOPIC = "lantern.partners.broadcasts"


async def register(client, name: str, **extra) -> dict:
    answer = await client.post("/internal/v1/partners", json=partner_record(name, **extra))
    assert answer.status_code == 201, answer.text
    return answer.json()


async def set_status(client, partner: dict, status: str, reason: str | None = None):
    return await client.post(f"/internal/v1/partners/{partner['id']}/status", json={"status": status, "reason": reason},
                             headers={"X-Lantern-Actor": "staff:outreach-7"})


async def test_a_lapse_publishes_the_event_devices_recalls_loans_on_and_every_change_is_published(stack, client, unique):
    partner = await register(client, f"Westside Schools {unique}", kind="school")

    assert (await set_status(client, partner, "active")).json()["status"] == "active"
    lapsed = await set_status(client, partner, "lapsed", "Agreement not renewed")
    assert lapsed.status_code == 200 and lapsed.json()["status"] == "lapsed"

    events = await events_for(stack, PARTNERS_TOPIC, partner["id"], 5)
    assert [e["type"] for e in events] == [
        "lantern.partner.registered", "lantern.partner.updated", "lantern.partner.activated",
        "lantern.partner.updated", "lantern.partner.lapsed",
    ]
    lapse = events[4]
    assert lapse["data"] == {"partner_id": partner["id"], "name": partner["name"], "reason": "Agreement not renewed"}
    assert lapse["partitionkey"] == partner["id"] and lapse["dataschema"] == "urn:lantern:schema:lantern.partner.lapsed:v1"
    assert events[3]["data"]["status"] == "lapsed"
    assert events[0]["data"]["contacts"][0] | {"contact_id": None} == {
        "contact_id": None, "name": "Dana Okafor", "role": "Program manager", "email": "dana@eastside.example.org",
        "phone": "+15552013000", "language": "en",  # stored and published as E.164
    }
    history = (await client.get(f"/internal/v1/partners/{partner['id']}/status-history")).json()["items"]
    assert [(h["from_status"], h["to_status"], h["reason"], h["changed_by"]) for h in history] == [
        (None, "prospect", "registered", "unspecified"),
        ("prospect", "active", None, "staff:outreach-7"),
        ("active", "lapsed", "Agreement not renewed", "staff:outreach-7"),
    ]


async def test_status_changes_follow_the_partnership_lifecycle(client, unique):
    partner = await register(client, f"Health Clinic {unique}", kind="health")

    early_lapse = await set_status(client, partner, "lapsed", "never started")
    assert (early_lapse.status_code, early_lapse.json()["reason"]) == (409, "status_change_not_allowed")
    await set_status(client, partner, "active")
    silent_lapse = await set_status(client, partner, "lapsed")
    assert (silent_lapse.status_code, silent_lapse.json()["reason"]) == (409, "reason_required")
    await set_status(client, partner, "lapsed", "contact left")
    assert (await set_status(client, partner, "active")).json()["status"] == "active", "a lapsed partner can come back"


async def test_editing_a_record_publishes_the_new_state_only_when_something_others_use_changed(stack, client, unique):
    partner = await register(client, f"Tutoring Co {unique}", kind="higher_education")
    record = {k: partner[k] for k in ("name", "description", "kind", "email", "website", "services", "locations", "contacts")}

    same = await client.put(f"/internal/v1/partners/{partner['id']}", json=record | {"description": "Now with evening hours"})
    renamed = await client.put(f"/internal/v1/partners/{partner['id']}", json=record | {"name": f"Tutoring Collective {unique}"})
    new_contact = {"name": "Priya Shah", "role": "Volunteer lead", "phone": "+1 555 777 0100", "language": "gu"}
    restaffed = await client.put(f"/internal/v1/partners/{partner['id']}", json=record | {
        "name": f"Tutoring Collective {unique}", "contacts": [new_contact]})

    assert same.status_code == 200 and renamed.json()["name"] == f"Tutoring Collective {unique}"
    events = await events_for(stack, PARTNERS_TOPIC, partner["id"], 3)
    assert [e["type"] for e in events] == ["lantern.partner.registered", "lantern.partner.updated", "lantern.partner.updated"]
    assert events[1]["data"]["name"] == f"Tutoring Collective {unique}", "a description change alone told no one"
    assert events[2]["data"]["contacts"] == [{
        "contact_id": restaffed.json()["contacts"][0]["id"], "name": "Priya Shah", "role": "Volunteer lead",
        "email": None, "phone": "+15557770100", "language": "gu"}], "notifications learns who to write to now (E.164)"


async def test_agreements_are_signed_listed_when_ending_soon_and_ended_when_their_term_runs_out(
    stack, app, client, clock_at, unique,
):
    partner = await register(client, f"Makerspace {unique}", kind="community_organization")
    await set_status(client, partner, "active")
    clock_at(datetime(2026, 11, 22, 9, tzinfo=ZoneInfo("UTC")))
    sign = f"/internal/v1/partners/{partner['id']}/agreements"
    short = (await client.post(sign, json={"kind": "workspace", "starts_on": "2026-01-01", "ends_on": "2026-12-15",
                                            "library_contact": "Outreach desk"})).json()
    long = (await client.post(sign, json={"kind": "device_loans", "starts_on": "2026-06-01", "ends_on": "2028-05-31",
                                           "library_contact": "Outreach desk"})).json()

    ending = (await client.get("/internal/v1/agreements", params={"partner_id": partner["id"], "ending_within_days": 60})).json()
    assert [a["id"] for a in ending["items"]] == [short["id"]]
    signed = await events_for(stack, AGREEMENTS_TOPIC, short["id"], 1)
    assert signed[0]["data"] == {"agreement_id": short["id"], "partner_id": partner["id"], "kind": "workspace",
                                 "starts_on": "2026-01-01", "ends_on": "2026-12-15"}

    clock_at(datetime(2026, 12, 16, 9, tzinfo=ZoneInfo("UTC")))
    [end_job] = [job for job in app.state.runtime.jobs if job.name == "partners-agreements-ended"]
    assert await end_job.run(app.state.runtime.pool) >= 1

    ended = await events_for(stack, AGREEMENTS_TOPIC, short["id"], 2)
    assert ended[1]["type"] == "lantern.agreement.ended" and ended[1]["data"]["ended_on"] == "2026-12-15"
    active = (await client.get("/internal/v1/agreements", params={"partner_id": partner["id"], "state": "active"})).json()
    assert [a["id"] for a in active["items"]] == [long["id"]]
    assert await end_job.run(app.state.runtime.pool) == 0, "an ended agreement ends once"


async def test_a_lapsed_partner_cannot_sign_an_agreement(client, unique):
    partner = await register(client, f"Old Friend {unique}")
    await set_status(client, partner, "active")
    await set_status(client, partner, "lapsed", "closed its office")

    answer = await client.post(f"/internal/v1/partners/{partner['id']}/agreements", json={
        "kind": "expertise", "starts_on": "2026-12-01", "library_contact": "Outreach desk"})

    assert (answer.status_code, answer.json()["reason"]) == (409, "partner_lapsed")


async def test_a_broadcast_to_a_list_reaches_each_active_organizations_chosen_contact(stack, client, unique):
    food_bank = await register(client, f"Food Bank {unique}", contacts=[
        {"name": "Lee Chen", "role": "Director", "email": "lee@food.example.org", "language": "en"},
        {"name": "Rosa Díaz", "role": "Volunteers", "email": "rosa@food.example.org", "language": "es"},
    ])
    shelter = await register(client, f"Shelter {unique}", kind="homelessness_services")
    await set_status(client, shelter, "active")
    await set_status(client, shelter, "lapsed", "merged with another agency")
    no_contact = await register(client, f"Quiet Org {unique}", contacts=[])
    listing = (await client.post("/internal/v1/distribution-lists", json={"name": f"Flyers {unique}"})).json()
    members = f"/internal/v1/distribution-lists/{listing['id']}/members"
    rosa = food_bank["contacts"][1]["id"]
    assert (await client.put(f"{members}/{food_bank['id']}", json={"contact_id": rosa})).status_code == 204
    for org in (shelter, no_contact):
        assert (await client.put(f"{members}/{org['id']}")).status_code == 204

    answer = await client.post(f"/internal/v1/distribution-lists/{listing['id']}/broadcasts", json={
        "category": "programme_news", "subject": {"en": "Winter workshops", "es": "Talleres de invierno"},
        "body": {"en": "Please share our flyer.", "es": "Por favor compartan el folleto."}, "fallback_language": "en",
    })

    assert answer.status_code == 202, answer.text
    receipt = answer.json()
    assert receipt["contact_ids"] == [rosa]
    assert {(s["partner_id"], s["reason"]) for s in receipt["skipped"]} == {
        (shelter["id"], "partner_lapsed"), (no_contact["id"], "no_contact_on_record")}
    [event] = await events_for(stack, BROADCASTS_TOPIC, receipt["broadcast_id"], 1)
    assert event["type"] == "lantern.broadcast.requested"
    assert event["data"]["contact_ids"] == [rosa] and event["data"]["list_id"] == listing["id"]
    assert event["data"]["subject"]["es"] == "Talleres de invierno"


async def test_a_broadcast_missing_its_fallback_language_is_a_problem_naming_the_field(client, unique):
    listing = (await client.post("/internal/v1/distribution-lists", json={"name": f"Bad {unique}"})).json()

    answer = await client.post(f"/internal/v1/distribution-lists/{listing['id']}/broadcasts", json={
        "subject": {"en": "Hi"}, "body": {"en": "Hello"}, "fallback_language": "fr"})

    assert answer.status_code == 422
    assert "fallback language" in answer.json()["errors"][0]["message"]


async def test_an_agreement_ended_early_says_so_at_once_or_on_its_new_last_day(stack, app, client, clock_at, unique):
    partner = await register(client, f"Grant Partner {unique}", kind="higher_education")
    clock_at(datetime(2026, 11, 22, 9, tzinfo=ZoneInfo("UTC")))
    sign = f"/internal/v1/partners/{partner['id']}/agreements"
    grant = (await client.post(sign, json={"kind": "joint_grant", "starts_on": "2026-01-01",
                                           "library_contact": "Grants officer"})).json()
    classes = (await client.post(sign, json={"kind": "programming", "starts_on": "2026-01-01", "ends_on": "2027-06-30",
                                             "library_contact": "Programs"})).json()

    now = await client.post(f"/internal/v1/agreements/{grant['id']}/end", json={"reason": "grant not awarded"})
    later = await client.post(f"/internal/v1/agreements/{classes['id']}/end", json={"ended_on": "2026-12-31"})
    twice = await client.post(f"/internal/v1/agreements/{grant['id']}/end", json={})

    assert now.json()["ended_on"] == "2026-11-22"
    assert later.json()["ends_on"] == "2026-12-31" and later.json()["ended_on"] is None
    assert (twice.status_code, twice.json()["reason"]) == (409, "agreement_already_ended")
    ended = await events_for(stack, AGREEMENTS_TOPIC, grant["id"], 2)
    assert ended[1]["type"] == "lantern.agreement.ended" and ended[1]["data"]["ended_on"] == "2026-11-22"
    ending = (await client.get("/internal/v1/agreements/ending-soon", params={"partner_id": partner["id"]})).json()["items"]
    assert classes["id"] in [a["id"] for a in ending] and grant["id"] not in [a["id"] for a in ending]
