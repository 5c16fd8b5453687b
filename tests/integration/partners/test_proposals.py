"""Partner self-service: a partner contact proposes a change to their organization's record, and it reaches the
record only when staff apply it (who and when recorded, each service assured that day); a rejected one never does."""

from datetime import datetime
from zoneinfo import ZoneInfo

from .conftest import PARTNERS_TOPIC, events_for
from .records import partner_record, service

PARTNER = {"X-Lantern-Actor": "partner:dana"}
STAFF = {"X-Lantern-Actor": "staff:libby"}


async def a_partner(client, unique: str) -> dict:
    answer = await client.post("/internal/v1/partners", json=partner_record(f"Eastside {unique}", services=[
        service("Resume clinic", ["resume_help"], verified_on="2025-01-10")]), headers=STAFF)
    assert answer.status_code == 201, answer.text
    return answer.json()


def edited(partner: dict, **changes) -> dict:
    keep = ("name", "description", "kind", "email", "website", "services", "locations", "contacts")
    return {k: v for k, v in partner.items() if k in keep} | changes


async def test_a_proposed_change_reaches_the_record_only_after_staff_apply_it(stack, client, clock_at, unique):
    partner = await a_partner(client, unique)
    services = [dict(partner["services"][0], description="Now on Saturdays too")]

    proposed = await client.post(f"/internal/v1/partners/{partner['id']}/proposals", headers=PARTNER, json={
        "record": edited(partner, website="https://eastside.example.org/new", services=services),
        "note": "New website; Saturday hours"})

    assert proposed.status_code == 201, proposed.text
    assert proposed.json()["state"] == "pending" and proposed.json()["proposed_by"] == "partner:dana"
    before = (await client.get(f"/internal/v1/partners/{partner['id']}")).json()
    assert before["website"] == "https://eastside.example.org", "nothing changes before review"
    queue = (await client.get("/internal/v1/proposals", params={"state": "pending", "partner_id": partner["id"]})).json()
    assert [p["id"] for p in queue["items"]] == [proposed.json()["id"]]

    clock_at(datetime(2026, 12, 3, 15, tzinfo=ZoneInfo("UTC")))
    applied = await client.post(f"/internal/v1/proposals/{proposed.json()['id']}/apply", headers=STAFF,
                                json={"assurer_email": "libby@library.example.org"})

    assert applied.status_code == 200, applied.text
    review = applied.json()
    assert (review["state"], review["reviewed_by"], review["assured_on"], review["assurer_email"]) == \
        ("applied", "staff:libby", "2026-12-03", "libby@library.example.org")
    after = (await client.get(f"/internal/v1/partners/{partner['id']}")).json()
    assert after["website"] == "https://eastside.example.org/new"
    assert after["services"][0]["description"] == "Now on Saturdays too"
    assert (after["services"][0]["verified_on"], after["services"][0]["assurer_email"]) == \
        ("2026-12-03", "libby@library.example.org"), "the HSDS assured_date and assurer are recorded"
    exported = (await client.get(f"/internal/v1/openreferral/services/{after['services'][0]['id']}")).json()
    assert (exported["assured_date"], exported["assurer_email"]) == ("2026-12-03", "libby@library.example.org")
    events = await events_for(stack, PARTNERS_TOPIC, partner["id"], 3)
    assert [e["type"] for e in events] == ["lantern.partner.registered", "lantern.partner.change_proposed",
                                          "lantern.partner.change_reviewed"]
    assert events[2]["data"]["decision"] == "applied"
    again = await client.post(f"/internal/v1/proposals/{proposed.json()['id']}/reject", headers=STAFF,
                              json={"reason": "changed my mind"})
    assert (again.status_code, again.json()["reason"]) == (409, "proposal_already_reviewed")


async def test_a_rejected_proposal_never_reaches_the_record_and_the_partner_sees_why(client, unique):
    partner = await a_partner(client, unique)
    proposed = (await client.post(f"/internal/v1/partners/{partner['id']}/proposals", headers=PARTNER,
                                  json={"record": edited(partner, name=f"Eastside Renamed {unique}")})).json()

    rejected = await client.post(f"/internal/v1/proposals/{proposed['id']}/reject", headers=STAFF,
                                 json={"reason": "The legal name is unchanged; please keep it"})

    assert rejected.status_code == 200 and rejected.json()["state"] == "rejected"
    assert (await client.get(f"/internal/v1/partners/{partner['id']}")).json()["name"] == f"Eastside {unique}"
    mine = (await client.get("/internal/v1/proposals", params={"partner_id": partner["id"]})).json()["items"]
    assert [(p["state"], p["review_note"]) for p in mine] == [("rejected", "The legal name is unchanged; please keep it")]


async def test_a_proposal_made_before_a_staff_edit_cannot_undo_it(client, unique):
    partner = await a_partner(client, unique)
    proposed = (await client.post(f"/internal/v1/partners/{partner['id']}/proposals", headers=PARTNER,
                                  json={"record": edited(partner, description="Old idea")})).json()
    await client.put(f"/internal/v1/partners/{partner['id']}", headers=STAFF,
                     json=edited(partner, description="Staff fixed the description"))

    stale = await client.post(f"/internal/v1/proposals/{proposed['id']}/apply", headers=STAFF, json={})

    assert (stale.status_code, stale.json()["reason"]) == (409, "record_changed_since_proposal")
    assert (await client.get(f"/internal/v1/partners/{partner['id']}")).json()["description"] == \
        "Staff fixed the description"


async def test_an_invalid_proposal_is_a_problem_naming_the_field(client, unique):
    partner = await a_partner(client, unique)
    bad = edited(partner)
    bad["contacts"][0]["email"] = "not-an-email"

    answer = await client.post(f"/internal/v1/partners/{partner['id']}/proposals", headers=PARTNER, json={"record": bad})

    assert answer.status_code == 422
    assert "record.contacts.0.email" in {e["field"] for e in answer.json()["errors"]}
