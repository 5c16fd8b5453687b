"""Closed-loop referrals: the referrer (staff), the partner and the patron each report where a referral stands;
each change is an event and is kept with the party who reported it; someone who is none of them is refused."""

import uuid

from .conftest import events_for
from .test_referrals import REFERRALS_TOPIC, a_service, patron


def acting(role: str) -> dict:
    return {"X-Lantern-Actor": f"{role}:{uuid.uuid4()}"}


async def report(client, referral_id: str, status: str, role: str):
    return await client.post(f"/internal/v1/referrals/{referral_id}/outcome", json={"outcome": status},
                             headers=acting(role))


async def test_the_referrer_the_partner_and_the_patron_each_update_the_status_and_each_change_is_an_event(
        stack, app, client, unique):
    partner, svc = await a_service(client, unique)
    ana = await patron(stack, app, consent=True)
    referral = (await client.post("/internal/v1/referrals", json={"patron_id": str(ana), "service_id": svc["id"]},
                                  headers=acting("staff"))).json()

    steps = [("staff", "contacted"), ("partner", "no_response"), ("patron", "contacted"), ("partner", "served")]
    for role, status in steps:
        answer = await report(client, referral["id"], status, role)
        assert answer.status_code == 200, answer.text
        assert answer.json()["outcome"] == status

    history = (await client.get(f"/internal/v1/referrals/{referral['id']}/history")).json()["items"]
    assert [(h["from_status"], h["to_status"], h["party"]) for h in history] == [
        ("pending", "contacted", "referrer"), ("contacted", "no_response", "partner"),
        ("no_response", "contacted", "patron"), ("contacted", "served", "partner")]
    events = await events_for(stack, REFERRALS_TOPIC, referral["id"], 5)
    assert [e["type"] for e in events] == ["lantern.referral.created"] + ["lantern.referral.status_changed"] * 4
    assert [(e["data"]["status"], e["data"]["party"]) for e in events[1:]] == [
        ("contacted", "referrer"), ("no_response", "partner"), ("contacted", "patron"), ("served", "partner")]
    assert all(set(e["data"]) == {"referral_id", "partner_id", "service_id", "status", "previous_status", "party",
                                  "changed_at"} for e in events[1:]), "no note and no patron in the status events"
    assert events[4]["data"]["partner_id"] == partner["id"]


async def test_a_caller_who_is_no_party_to_the_referral_and_a_closed_referral_are_refused(stack, app, client, unique):
    _, svc = await a_service(client, unique)
    ana = await patron(stack, app, consent=True)
    referral = (await client.post("/internal/v1/referrals", json={"patron_id": str(ana), "service_id": svc["id"]})).json()

    for actor in ("system:211-feed", "unspecified"):
        refused = await client.post(f"/internal/v1/referrals/{referral['id']}/outcome", json={"outcome": "served"},
                                    headers={"X-Lantern-Actor": actor})
        assert (refused.status_code, refused.json()["reason"]) == (403, "not_a_party_to_the_referral")
    assert (await report(client, referral["id"], "declined", "patron")).status_code == 200
    closed = await report(client, referral["id"], "no_response", "partner")
    assert (closed.status_code, closed.json()["reason"]) == (409, "referral_closed")
    history = (await client.get(f"/internal/v1/referrals/{referral['id']}/history")).json()["items"]
    assert [h["party"] for h in history] == ["patron"], "refused reports left no trace"
