"""Partners, devices and registration as real processes talking only through Kafka: a lapsed partner's loans are
recalled, and a patron's consent given at registration is what lets staff refer them."""

import json

import httpx

from tests.support import eventually, read_topic


def internal(stack, service: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=f"{stack.config.url(service)}/internal/v1", timeout=10,
                             headers={"X-Lantern-Internal-Token": stack.secrets["internal_token"]})


async def found(client: httpx.AsyncClient, path: str, **params) -> dict | None:
    answer = await client.get(path, params=params)
    return answer.json() if answer.status_code == 200 else None


async def test_a_lapsed_partners_loans_are_recalled_by_devices_and_counted_until_then(services, unique):
    async with internal(services, "partners") as partners, internal(services, "devices") as devices:
        partner = (await partners.post("/partners", json={
            "name": f"Job Training Org {unique}", "kind": "workforce_development",
            "contacts": [{"name": "Kim Lee", "email": "kim@jobs.example.org", "language": "en"}]})).json()
        await partners.post(f"/partners/{partner['id']}/status", json={"status": "active"})

        async def active_borrower():
            borrower = await found(devices, f"/borrowers/{partner['id']}")
            return borrower if borrower and borrower["status"] == "active" else None

        await eventually(active_borrower, what="devices to know the partner as an active borrower")
        laptop = (await devices.post("/devices", json={
            "kind": "laptop", "asset_tag": f"LT-{unique}", "serial": f"SN-{unique}", "home_branch": "Main"})).json()
        before = (await partners.get("/reports/partnerships")).json()["devices_on_loan_to_partners"]
        loan = await devices.post("/loans", json={"borrower_id": partner["id"], "device_id": laptop["id"]})
        assert loan.status_code == 201, loan.text

        async def counted():
            report = (await partners.get("/reports/partnerships")).json()
            return report["devices_on_loan_to_partners"] == before + 1

        await eventually(counted, what="partners to count the device lent to the partner")

        lapsed = await partners.post(f"/partners/{partner['id']}/status",
                                     json={"status": "lapsed", "reason": "Agreement ended"})
        assert lapsed.status_code == 200

        def recalled(records) -> bool:
            return any(json.loads(r.value)["type"] == "lantern.loan.recall_requested"
                       for r in records if r.key == loan.json()["id"].encode())

        records = await read_topic(services, "lantern.devices.loans", until=recalled, timeout=60)
        recall = next(json.loads(r.value) for r in records if r.key == loan.json()["id"].encode()
                      and json.loads(r.value)["type"] == "lantern.loan.recall_requested")
        assert recall["data"]["reason"] == "partner_lapsed"
        assert recall["data"]["borrower"] == {"kind": "partner", "id": partner["id"]}
        assert (await found(devices, f"/borrowers/{partner['id']}"))["status"] == "lapsed"


async def test_consent_given_at_registration_is_what_lets_staff_refer_a_patron(services, unique):
    async with internal(services, "partners") as partners, internal(services, "registration") as registration:
        partner = (await partners.post("/partners", json={
            "name": f"Benefits Help {unique}", "kind": "social_services",
            "services": [{"name": "SNAP enrollment", "needs": ["benefits_enrollment"], "languages": ["es"]}]})).json()
        service_id = partner["services"][0]["id"]
        consenting = (await registration.post("/patrons", json={
            "name": "Rosa Díaz", "email": f"rosa-{unique}@example.org", "preferred_language": "es",
            "consent_to_referral": True})).json()
        declining = (await registration.post("/patrons", json={
            "name": "Tom Ng", "email": f"tom-{unique}@example.org", "consent_to_referral": False})).json()

        async def referred():
            answer = await partners.post("/referrals", json={"patron_id": consenting["id"], "service_id": service_id})
            return answer.json() if answer.status_code == 201 else None

        referral = await eventually(referred, what="partners to learn of the patron's consent")
        assert referral["need"] == "benefits_enrollment"

        async def known():
            return (await found(partners, f"/patrons/{declining['id']}/referral-consent") or {}).get("known")

        await eventually(known, what="partners to learn that the other patron declined")
        refused = await partners.post("/referrals", json={"patron_id": declining["id"], "service_id": service_id})
        assert (refused.status_code, refused.json()["reason"]) == (409, "no_consent_to_referral")
