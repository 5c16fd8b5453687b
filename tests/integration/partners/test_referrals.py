"""Referrals: only with the patron's recorded consent, sharing only what the patron agreed to, with outcomes;
a patron's erasure removes the link."""

import uuid

import asyncpg

from lantern_shared.sealing import PREFIX, KeyStore, open_sealed

from tests.support import eventually

from .conftest import applied, cloud_event, events_for, patron_enrolled, send
from .records import partner_record, service

REFERRALS_TOPIC = "lantern.partners.referrals"
STAFF = {"X-Lantern-Actor": "staff:librarian"}  # as the edge names the person acting


async def a_service(client, unique: str, **extra) -> tuple[dict, dict]:
    answer = await client.post("/internal/v1/partners", json=partner_record(f"Job Center {unique}", services=[
        service("Resume help", ["resume_help", "job_training"], **extra),
    ]))
    partner = answer.json()
    return partner, partner["services"][0]


async def patron(stack, app, *, consent: bool) -> uuid.UUID:
    """A patron registration has told partners about (consenting to referral or not)."""
    patron_id = uuid.uuid4()
    await applied(app, await patron_enrolled(stack, patron_id, consent=consent))
    return patron_id


async def test_a_referral_without_the_patrons_consent_is_refused(stack, app, client, unique):
    _, svc = await a_service(client, unique)
    declined, unknown = await patron(stack, app, consent=False), uuid.uuid4()

    for someone in (declined, unknown):
        answer = await client.post("/internal/v1/referrals", json={"patron_id": str(someone), "service_id": svc["id"]})
        assert answer.status_code == 409
        assert answer.json()["reason"] == "no_consent_to_referral"
        listed = await client.get("/internal/v1/referrals", params={"patron_id": str(someone)})
        assert listed.json()["items"] == [], "nothing was recorded"
    consent = (await client.get(f"/internal/v1/patrons/{declined}/referral-consent")).json()
    assert consent == {"patron_id": str(declined), "known": True, "consent_to_referral": False}


async def test_a_consented_referral_is_published_sharing_only_what_the_patron_agreed_to(stack, app, client, unique):
    partner, svc = await a_service(client, unique)
    ana = uuid.uuid4()
    await applied(app, await patron_enrolled(stack, ana, consent=True, name="Ana María Pérez"))

    answer = await client.post("/internal/v1/referrals", json={
        "patron_id": str(ana), "service_id": svc["id"], "need": "job_training", "share_email": True,
    })

    assert answer.status_code == 201, answer.text
    referral = answer.json()
    assert referral["outcome"] == "pending" and referral["need"] == "job_training"
    [event] = await events_for(stack, REFERRALS_TOPIC, referral["id"], 1)
    assert event["type"] == "lantern.referral.created"
    assert event["data"]["shared_with_partner"]["email"].startswith(PREFIX), "shared contact points travel sealed"
    keys = KeyStore(stack.keys_dsn)
    try:
        data = await open_sealed(keys, event["data"])
    finally:
        await keys.close()
    assert data | {"referral_id": None} == {
        "referral_id": None, "patron_id": str(ana), "partner_id": partner["id"], "service_id": svc["id"],
        "service_name": "Resume help", "need": "job_training", "contact_id": partner["contacts"][0]["id"],
        "shared_with_partner": {"first_name": "Ana", "email": "ana@example.org", "phone": None},
        "partner_name": partner["name"],
    }


async def test_a_referral_to_a_need_the_service_does_not_meet_or_a_closed_service_is_refused(stack, app, client, unique):
    _, svc = await a_service(client, unique)
    _, closed = await a_service(client, f"{unique}-closed", status="temporarily closed")
    ana = await patron(stack, app, consent=True)

    wrong_need = await client.post("/internal/v1/referrals", json={
        "patron_id": str(ana), "service_id": svc["id"], "need": "housing"})
    to_closed = await client.post("/internal/v1/referrals", json={"patron_id": str(ana), "service_id": closed["id"]})
    nowhere = await client.post("/internal/v1/referrals", json={"patron_id": str(ana), "service_id": str(uuid.uuid4())})

    assert (wrong_need.status_code, wrong_need.json()["reason"]) == (409, "need_not_met_by_service")
    assert (to_closed.status_code, to_closed.json()["reason"]) == (409, "service_not_accepting_referrals")
    assert nowhere.status_code == 404


async def test_withdrawn_consent_stops_new_referrals(stack, app, client, unique):
    _, svc = await a_service(client, unique)
    ana = await patron(stack, app, consent=True)
    await applied(app, await patron_enrolled(stack, ana, consent=False, event_type="lantern.patron.updated"))

    answer = await client.post("/internal/v1/referrals", json={"patron_id": str(ana), "service_id": svc["id"]})

    assert answer.json()["reason"] == "no_consent_to_referral"


async def test_outcomes_are_recorded_in_order_and_a_closed_referral_stays_closed(stack, app, client, unique):
    _, svc = await a_service(client, unique)
    ana = await patron(stack, app, consent=True)
    referral = (await client.post("/internal/v1/referrals", json={"patron_id": str(ana), "service_id": svc["id"]})).json()

    contacted = await client.post(f"/internal/v1/referrals/{referral['id']}/outcome", json={"outcome": "contacted"}, headers=STAFF)
    served = await client.post(f"/internal/v1/referrals/{referral['id']}/outcome", json={"outcome": "served"}, headers=STAFF)
    declined = await client.post(f"/internal/v1/referrals/{referral['id']}/outcome", json={"outcome": "declined"}, headers=STAFF)

    assert contacted.json()["outcome"] == "contacted"
    assert served.json()["outcome"] == "served"
    assert (declined.status_code, declined.json()["reason"]) == (409, "referral_closed")
    assert (await client.get(f"/internal/v1/referrals/{referral['id']}")).json()["outcome"] == "served"


async def test_erasing_a_patron_removes_the_link_from_their_referrals_and_their_consent(stack, app, client, unique):
    _, svc = await a_service(client, unique)
    ana = await patron(stack, app, consent=True)
    referral = (await client.post("/internal/v1/referrals", json={"patron_id": str(ana), "service_id": svc["id"]})).json()
    as_ana = {"X-Lantern-Actor": f"patron:{ana}"}  # the patron closing the loop themselves
    reported = await client.post(f"/internal/v1/referrals/{referral['id']}/outcome",
                                 json={"outcome": "contacted", "note": "they called me back"}, headers=as_ana)
    assert reported.status_code == 200, reported.text

    await send(stack, "lantern.registration.patrons", [(str(ana), cloud_event(
        "lantern.patron.erased", "/lantern/registration", str(ana),
        {"patron_id": str(ana), "erased_at": "2026-11-22T10:00:00Z"}))])

    async def unlinked():
        found = (await client.get(f"/internal/v1/referrals/{referral['id']}")).json()
        return found if found["patron_id"] is None else None

    kept = await eventually(unlinked, what="the referral to lose its patron")
    assert kept["service_name"] == "Resume help", "the referral itself stays, for the counts"
    assert (kept["outcome"], kept["outcome_note"], kept["outcome_by"]) == ("contacted", None, "patron")
    conn = await asyncpg.connect(stack.dsn("partners"))
    try:
        reporters = await conn.fetch("SELECT party, changed_by FROM referral_status_changes WHERE referral_id = $1",
                                     uuid.UUID(referral["id"]))
    finally:
        await conn.close()
    assert [tuple(r) for r in reporters] == [("patron", "patron")], "the status they reported no longer names them"
    assert (await client.get("/internal/v1/referrals", params={"patron_id": str(ana)})).json()["items"] == []
    # A late update about the erased patron does not bring their data back.
    await applied(app, await patron_enrolled(stack, ana, consent=True, event_type="lantern.patron.updated"))
    again = await client.post("/internal/v1/referrals", json={"patron_id": str(ana), "service_id": svc["id"]})
    assert again.status_code == 409


async def test_a_patrons_referrals_are_listed_newest_first_page_by_page(stack, app, client, unique):
    _, svc = await a_service(client, unique)
    ana = await patron(stack, app, consent=True)
    made = [(await client.post("/internal/v1/referrals", json={"patron_id": str(ana), "service_id": svc["id"]})).json()["id"]
            for _ in range(3)]

    first = (await client.get("/internal/v1/referrals", params={"patron_id": str(ana), "limit": 2})).json()
    second = (await client.get("/internal/v1/referrals", params={
        "patron_id": str(ana), "limit": 2, "cursor": first["next_cursor"]})).json()

    assert [r["id"] for r in first["items"] + second["items"]] == made[::-1]
    assert second["next_cursor"] is None
