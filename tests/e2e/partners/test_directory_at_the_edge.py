"""The directory as the outside meets it through the edge: the HSDS 3.0 read API is public and read-only, and each
party to a referral (the referrer, the partner, the patron) may report its status while nobody else may."""

import uuid

from tests.integration.partners.hsds_schemas import page_problems, problems
from tests.support import eventually

from .test_partner_flows import internal


async def test_the_hsds_read_api_needs_no_sign_in_and_cannot_be_written_through(edge, services, unique):
    async with internal(services, "partners") as partners:
        partner = (await partners.post("/partners", json={
            "name": f"Open Data Library Friends {unique}", "kind": "community_organization",
            "services": [{"name": f"Device lending {unique}", "needs": ["devices"], "languages": ["en"]}]})).json()

    listed = await edge.get("/api/v1/openreferral/services", params={"organization_id": partner["id"]})
    assert listed.status_code == 200, listed.text
    assert page_problems(listed.json(), "service_list") == [] and listed.json()["total_items"] == 1
    one = await edge.get(f"/api/v1/openreferral/services/{partner['services'][0]['id']}")
    assert one.status_code == 200 and problems(one.json(), "service") == []
    organization = await edge.get(f"/api/v1/openreferral/organizations/{partner['id']}")
    assert organization.status_code == 200 and problems(organization.json(), "organization") == []
    for method in ("POST", "PUT", "DELETE"):
        assert (await edge.request(method, "/api/v1/openreferral/services", json={})).status_code == 405
    assert (await edge.get("/api/v1/hsds/organizations")).status_code == 401, "the staff export still needs sign-in"


async def test_each_party_reports_a_referrals_status_and_others_are_refused(edge, caller, services, unique):
    async with internal(services, "partners") as partners, internal(services, "registration") as registration:
        partner = (await partners.post("/partners", json={
            "name": f"Digital Navigators {unique}", "kind": "community_organization",
            "services": [{"name": "Tech help", "needs": ["digital_literacy"], "languages": ["en"]}]})).json()
        rosa = (await registration.post("/patrons", json={
            "name": "Rosa Díaz", "email": f"rosa-{unique}@example.org", "consent_to_referral": True})).json()

        async def referred():
            answer = await partners.post("/referrals", json={"patron_id": rosa["id"],
                                                             "service_id": partner["services"][0]["id"]})
            return answer.json() if answer.status_code == 201 else None

        referral = await eventually(referred, what="partners to learn of the patron's consent")

    path = f"/api/v1/referrals/{referral['id']}/outcome"
    staff = caller.headers("staff")
    own_partner = caller.headers("partner", partner_id=partner["id"])
    the_patron = caller.headers("patron", patron_id=rosa["id"])
    other_partner = caller.headers("partner", partner_id=str(uuid.uuid4()))
    other_patron = caller.headers("patron", patron_id=str(uuid.uuid4()))

    for headers in (other_partner, other_patron):
        refused = await edge.post(path, headers=headers, json={"outcome": "served"})
        assert refused.status_code == 403, refused.text
    for headers, status in ((staff, "contacted"), (own_partner, "no_response"), (the_patron, "served")):
        answer = await edge.post(path, headers=headers, json={"outcome": status})
        assert answer.status_code == 200, answer.text
    history = await edge.get(f"/api/v1/referrals/{referral['id']}/history", headers=the_patron)
    assert [(h["to_status"], h["party"]) for h in history.json()["items"]] == [
        ("contacted", "referrer"), ("no_response", "partner"), ("served", "patron")]
    assert (await edge.get(f"/api/v1/referrals/{referral['id']}/history", headers=other_patron)).status_code == 403
