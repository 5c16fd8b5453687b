"""HSDS 3.0 in and out: the export is valid HSDS and re-imports to the same records; inbound updates from a 211
are validated, applied whole and idempotently, and bad ones are dead-lettered with their reasons."""

import json
import uuid

from lantern_partners.hsds.schema import schema_problems
from tests.support import eventually, header, read_topic

from .conftest import PARTNERS_TOPIC, cloud_event, events_for, send
from .records import hsds_organization, location, partner_record, service

INBOUND = "lantern.inbound.partner-updates"
DLQ = "lantern.partners.dlq"


def organization_updated(document: dict, *, key: str | None = None) -> tuple[str, bytes]:
    key = key or str(document.get("id", "no-id"))
    return key, cloud_event("lantern.hsds.organization_updated", "/211/central-ohio", key, document)


async def a_full_partner(client, unique: str) -> dict:
    loc = location("43215", lat=39.96, lon=-82.99)
    online = {"id": str(uuid.uuid4()), "kind": "virtual", "name": "Online", "url": "https://eastside.example.org/live"}
    record = partner_record(f"Eastside {unique}", locations=[loc, online], services=[
        service("Resume clinic", [f"resume_{unique}", "job_training"], languages=["en", "es"],
                location_ids=[loc["id"]], eligibility="Adults 18+", minimum_age=18, fees="Free",
                verified_on="2026-09-01",
                schedules=[{"byday": ["TU", "TH"], "opens_at": "10:00", "closes_at": "14:30"}]),
        service("Online job search lab", ["job_search"], languages=["en"], location_ids=[online["id"]],
                status="temporarily closed"),
    ])
    answer = await client.post("/internal/v1/partners", json=record)
    assert answer.status_code == 201, answer.text
    return answer.json()


async def test_the_export_is_valid_hsds_3_and_importing_it_reproduces_the_same_records(client, unique):
    original = await a_full_partner(client, unique)

    exported = (await client.get("/internal/v1/hsds/organizations")).json()
    ours = next(org for org in exported if org["id"] == original["id"])
    assert all(schema_problems(org) == [] for org in exported), "every exported organization is valid HSDS 3.0"
    assert [s["name"] for s in ours["services"]] == ["Resume clinic", "Online job search lab"]

    # The same document back is recognised as nothing new ...
    again = await client.post("/internal/v1/hsds/organizations", json=ours)
    assert again.json() == [{"index": 0, "id": original["id"], "outcome": "unchanged", "problems": [], "warnings": []}]
    # ... and under fresh ids it becomes an organization identical to the original.
    text = json.dumps(ours)
    for old in {original["id"], *(x["id"] for part in ("services", "locations", "contacts") for x in original[part])}:
        text = text.replace(old, str(uuid.uuid4()))
    copy = json.loads(text)
    imported = await client.post("/internal/v1/hsds/organizations", json=[copy])
    assert imported.json()[0]["outcome"] == "created"
    reimported = (await client.get(f"/internal/v1/partners/{copy['id']}")).json()

    def without_ids(value):
        if isinstance(value, dict):
            return {k: without_ids(v) for k, v in value.items() if k not in {"id", "location_ids", "status_changed_at"}}
        if isinstance(value, list):
            return [without_ids(v) for v in value]
        return value

    assert without_ids(reimported) == without_ids(original)
    assert len(reimported["services"][0]["location_ids"]) == 1


async def test_an_inbound_update_is_applied_and_the_same_content_again_changes_nothing(stack, client, unique):
    document = hsds_organization(name=f"Northside {unique}", need=f"housing_{unique}")

    await send(stack, INBOUND, [organization_updated(document)])

    async def imported():
        answer = await client.get(f"/internal/v1/partners/{document['id']}")
        return answer.json() if answer.status_code == 200 else None

    partner = await eventually(imported, what="the inbound HSDS organization to be applied")
    assert partner["status"] == "prospect" and partner["kind"] == "other"
    assert partner["contacts"][0]["language"] == "es", "the contact's language comes from the HSDS phone languages"
    assert partner["services"][0]["verified_on"] == "2026-10-01"

    renamed = {**document, "name": f"Northside Housing {unique}"}
    # A re-send of the same content (a new event id) and then a real change.
    await send(stack, INBOUND, [organization_updated(document), organization_updated(renamed)])

    async def renamed_seen():
        found = await imported()
        return found if found and found["name"] == renamed["name"] else None

    await eventually(renamed_seen, what="the renamed organization")
    # Events of one organization are in order: had the re-send published anything, it would come second.
    published = await events_for(stack, PARTNERS_TOPIC, document["id"], 2)
    assert [e["type"] for e in published] == ["lantern.partner.registered", "lantern.partner.updated"]
    assert published[1]["data"]["name"] == renamed["name"], "the unchanged re-send published nothing"


async def test_an_update_the_hsds_schema_refuses_is_dead_lettered_with_its_reasons_and_good_ones_still_apply(stack, client, unique):
    good = hsds_organization(name=f"Good {unique}", need=f"food_{unique}")
    bad = hsds_organization(name=f"Bad {unique}")
    bad["services"][0]["status"] = "open-ish"
    bad["email"] = "not an email"
    del bad["description"]
    odd = hsds_organization(name=f"Odd {unique}")
    odd["services"][0]["schedules"][0]["closes_at"] = "08:00"  # closes before it opens: HSDS allows it, Lantern cannot use it
    not_an_object = ("lantern.hsds.organization_updated", "/211/central-ohio", f"list-{unique}", ["not", "an", "object"])

    await send(stack, INBOUND, [
        organization_updated(bad), organization_updated(odd),
        (not_an_object[2], cloud_event(*not_an_object[:3], not_an_object[3])),  # type: ignore[arg-type]
        organization_updated(good),
    ])

    async def good_applied():
        return (await client.get(f"/internal/v1/partners/{good['id']}")).status_code == 200

    await eventually(good_applied, what="the good update after the bad ones")
    keys = {bad["id"].encode(), not_an_object[2].encode()}
    dead = await read_topic(stack, DLQ, until=lambda rs: {r.key for r in rs} >= keys)
    reasons = {r.key.decode(): header(r, "dlq-reason") for r in dead if r.key in keys}
    assert "services.0.status: must be one of 'active', 'inactive', 'defunct', 'temporarily closed'" in reasons[bad["id"]]
    assert "'description' is a required property" in reasons[bad["id"]]
    assert "email: must be a valid email" in reasons[bad["id"]]
    assert "not an email" not in reasons[bad["id"]], "values, which may be a person's contact points, are not echoed"
    assert "data" in reasons[not_an_object[2]]
    for record in dead:
        if record.key in keys:
            assert header(record, "dlq-original-topic") == INBOUND
    assert (await client.get(f"/internal/v1/partners/{bad['id']}")).status_code == 404, "nothing half-applied"
    kept = (await client.get(f"/internal/v1/partners/{odd['id']}")).json()
    assert kept["services"][0]["name"] == "Housing navigation" and kept["services"][0]["schedules"] == [], \
        "a value the HSDS schema allows never rejects the organization: the unusable schedule alone is left out"


async def test_an_http_import_applies_good_records_and_rejects_bad_ones_naming_the_field(client, unique):
    good = hsds_organization(name=f"Clinic {unique}", need="health")
    bad = hsds_organization(name=f"Broken {unique}")
    bad["locations"][0]["location_type"] = "spaceship"

    answer = await client.post("/internal/v1/hsds/organizations", json=[good, bad])

    assert answer.status_code == 200
    first, second = answer.json()
    assert first["outcome"] == "created"
    assert second["outcome"] == "rejected" and any("locations.0.location_type" in p for p in second["problems"])
    assert (await client.get(f"/internal/v1/partners/{bad['id']}")).status_code == 404


async def test_a_service_id_that_belongs_to_another_organization_is_refused(client, unique):
    first = hsds_organization(name=f"First {unique}")
    second = hsds_organization(name=f"Second {unique}")
    second["services"][0]["id"] = first["services"][0]["id"]
    second["services"][0]["service_at_locations"][0]["service_id"] = first["services"][0]["id"]
    await client.post("/internal/v1/hsds/organizations", json=first)

    answer = await client.post("/internal/v1/hsds/organizations", json=second)

    assert answer.status_code == 422 and answer.headers["content-type"] == "application/problem+json"
    assert "belongs to another organization" in answer.json()["results"][0]["problems"][0]


async def test_a_service_missing_from_an_update_leaves_the_directory(client, unique):
    need = f"shelter_{unique}"
    document = hsds_organization(name=f"Shelter Net {unique}", need=need)
    await client.post("/internal/v1/hsds/organizations", json=document)

    async def found() -> list[str]:
        answer = await client.get("/internal/v1/directory/services", params={"need": need})
        return [hit["service_name"] for hit in answer.json()["items"]]

    assert await found() == ["Housing navigation"]
    outcome = await client.post("/internal/v1/hsds/organizations", json={**document, "services": []})
    assert outcome.json()[0]["outcome"] == "updated"
    assert await found() == []
