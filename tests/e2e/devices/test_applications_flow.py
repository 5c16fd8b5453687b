"""The long-loan programme through the edge, every service a real process: a partner applies for someone it referred
(with their consent), the applicant follows their place on the list, staff offer and lend the unit, and the
referring partner's event says the person was served. Other callers are refused."""

import json
import uuid

from tests.support import eventually, read_topic

KIND = "tablet"


async def test_a_partner_applies_for_someone_it_referred_who_is_offered_a_tablet_and_the_partner_hears(
        services, staff, edge, caller):
    partner = await staff.post("/api/v1/partners", json={
        "name": f"Rockwood Family Center {uuid.uuid4().hex[:4]}", "kind": "community_organization",
        "contacts": [{"name": "Lupe Ortiz", "email": f"lupe.{uuid.uuid4().hex[:6]}@example.org", "language": "es"}],
    })
    assert partner.status_code == 201, partner.text
    partner_id = partner.json()["id"]
    assert (await staff.post(f"/api/v1/partners/{partner_id}/status", json={"status": "active"})).status_code == 200
    patron = await staff.post("/api/v1/patrons", json={
        "name": "Marisol Vega", "email": f"marisol.{uuid.uuid4().hex[:6]}@example.org", "preferred_language": "es",
        "consent_to_contact": True, "consent_to_referral": True,
    })
    assert patron.status_code == 201, patron.text
    patron_id = patron.json()["id"]
    rules = await staff.put(f"/api/v1/programme-rules/{KIND}", json={
        "points_referred_by_partner": 5, "points_no_internet_at_home": 3, "pickup_days": 5, "loan_days": 90})
    assert rules.status_code == 200, rules.text

    as_partner = caller.headers("partner", partner_id=partner_id)
    form = {"patron_id": patron_id, "device_kind": KIND, "need": "school", "internet_at_home": False,
            "household_size": 4, "preferred_language": "es", "postcode": "97236"}
    refused = await edge.post("/api/v1/applications", json=form, headers=as_partner)
    assert refused.status_code == 422 and refused.json()["reason"] == "consent_required"

    async def applied():
        answer = await edge.post("/api/v1/applications", headers=as_partner,
                                 json=form | {"applicant_consented": True, "partner_may_be_told": True})
        return answer.json() if answer.status_code == 201 else None

    application = await eventually(applied, timeout=60, what="devices to know the patron and partner, then apply")
    assert application["referring_partner_id"] == partner_id, "the edge fills in the partner's own id"
    assert (application["priority"], application["submitted_by"]) == (8, "partner")

    as_patron = caller.headers("patron", patron_id=patron_id)
    mine = await edge.get(f"/api/v1/applications/{application['id']}", headers=as_patron)
    assert mine.status_code == 200 and mine.json()["position"] >= 1
    someone_else = caller.headers("patron", patron_id=str(uuid.uuid4()))
    assert (await edge.get(f"/api/v1/applications/{application['id']}", headers=someone_else)).status_code == 403
    other_partner = caller.headers("partner", partner_id=str(uuid.uuid4()))
    assert (await edge.get(f"/api/v1/applications/{application['id']}", headers=other_partner)).status_code == 403
    assert (await edge.post("/api/v1/offers", json={"device_kind": KIND}, headers=as_patron)).status_code == 403

    # On a shared stack earlier applicants (and holds) may be ahead: add units until the list reaches this one.
    for _ in range(mine.json()["position"] + 10):
        added = await staff.post("/api/v1/devices", json={
            "kind": KIND, "asset_tag": f"TAB-{uuid.uuid4().hex[:8]}", "serial": f"SN-{uuid.uuid4().hex}",
            "home_branch": "Rockwood"})
        assert added.status_code == 201, added.text
        offered = await staff.post("/api/v1/offers", json={"device_kind": KIND})
        assert offered.status_code in (201, 409), offered.text
        if (await staff.get(f"/api/v1/applications/{application['id']}")).json()["status"] == "offered":
            break
    [offer] = (await staff.get("/api/v1/offers", params={"application_id": application["id"]})).json()["items"]
    assert offer["status"] == "open"
    assert (await edge.get(f"/api/v1/offers/{offer['id']}", headers=as_patron)).status_code == 200

    loan = await staff.post(f"/api/v1/offers/{offer['id']}/acceptance")
    assert loan.status_code == 201, loan.text
    assert loan.json()["borrower_id"] == patron_id and loan.json()["application_id"] == application["id"]

    async def told(recipient_id: str, message: str):
        # Sent now, or (at night in the library's timezone) queued for the end of the recipient's quiet hours.
        log = await staff.get("/api/v1/deliveries", params={"recipient_id": recipient_id, "message": message,
                                                          "channel": "email"})
        return [d for d in log.json()["items"] if d["status"] == "sent"
                or (d["status"] == "scheduled" and d["reason"] == "quiet_hours")]

    [offer_notice] = await eventually(lambda: told(patron_id, "application_offered"), timeout=60,
                                      what="the applicant to hear of the offer")
    assert offer_notice["language"] == "es"
    contact_id = partner.json()["contacts"][0]["id"]
    [served_notice] = await eventually(lambda: told(contact_id, "application_served"), timeout=60,
                                       what="the referring partner's contact to hear the person was served")
    assert served_notice["language"] == "es"

    wanted = application["id"].encode()
    records = await read_topic(services, "lantern.devices.applications",
                               until=lambda rs: any(r.key == wanted and b"application.served" in r.value for r in rs))
    [served] = [json.loads(r.value) for r in records if r.key == wanted and b"application.served" in r.value]
    assert served["data"]["referring_partner_id"] == partner_id
    assert served["data"]["loan_id"] == loan.json()["id"]
