"""Journey 4: a partner contact signs in through the identity provider and sees only their own organization's
loans and referrals (another organization's are made too, and are absent), records a referral's outcome, and the
library's staff then see that outcome."""

import datetime as dt
import uuid

from playwright.async_api import expect

from lantern_devstack import demo
from tests.support import eventually

from .conftest import PARTNER, new_context, screenshot, sign_in_at_idp

REALM_PLACEHOLDER = "5d1c2b7e-3f4a-4c8e-9a6b-1e2f3a4b5c6d"  # the realm file's binding, which other sign-in tests expect


def _post(api, path: str, body: dict) -> dict:
    answer = api.post(path, json=body, headers={"Idempotency-Key": str(uuid.uuid4())})
    assert answer.status_code in (200, 201), f"{path}: {answer.status_code} {answer.text}"
    return dict(answer.json())


def an_organization(api, name: str, service_name: str) -> tuple[str, str]:
    """An active partner with one directory service; its id and the service's id."""
    service_id = str(uuid.uuid4())
    partner = _post(api, "/partners", {
        "name": name, "kind": "workforce_development", "description": "Career coaching for adults.",
        "contacts": [{"name": "Dana Kim", "role": "Program coordinator", "email": f"{uuid.uuid4().hex[:8]}@partner.example.org",
                      "language": "en"}],
        "services": [{"id": service_id, "name": service_name, "needs": ["job_training"], "languages": ["en", "es"]}]})
    _post(api, f"/partners/{partner['id']}/status", {"status": "active"})
    return str(partner["id"]), service_id


def lending_to(api, partner_id: str, asset_tag: str):
    """A probe that lends a new hotspot to the partner once devices has heard of it (from partners' events)."""
    device = _post(api, "/devices", {"kind": "hotspot", "asset_tag": asset_tag, "serial": f"SN-{uuid.uuid4().hex}",
                                     "home_branch": "Central"})

    def lent():
        answer = api.post("/loans", json={"borrower_id": partner_id, "device_id": device["id"]},
                          headers={"Idempotency-Key": str(uuid.uuid4())})
        return answer.json() if answer.status_code == 201 else None

    return lent


def referring(api, patron_id: str, service_id: str):
    """A probe that refers the patron once partners has heard of their consent (from registration's events)."""
    def referred():
        answer = api.post("/referrals", json={"patron_id": patron_id, "service_id": service_id, "need": "job_training"},
                          headers={"Idempotency-Key": str(uuid.uuid4())})
        return answer.json() if answer.status_code == 201 else None

    return referred


async def test_a_partner_contact_sees_only_their_organization_and_records_a_referral_outcome(browser, web, keycloak,
                                                                                            as_role):
    unique = uuid.uuid4().hex[:6]
    ours_tag, theirs_tag = f"HS-OURS-{unique}", f"HS-THEIRS-{unique}"
    with web.staff_api() as api:
        ours, our_service = an_organization(api, f"Eastside Workforce Center {unique}", f"Resume clinic {unique}")
        theirs, their_service = an_organization(api, f"Westside Job Hub {unique}", f"Interview coaching {unique}")
        _post(api, f"/partners/{ours}/agreements", {"kind": "device_loans", "starts_on": dt.date.today().isoformat(),
                                                    "library_contact": "Libby Librarian"})
        patron = _post(api, "/patrons", {"name": "Rosa Referred", "email": f"{unique}@example.org", "preferred_language": "es",
                                         "consent_to_contact": True, "consent_to_referral": True})
        await eventually(lending_to(api, ours, ours_tag), timeout=60, what="devices to know our organization and lend to it")
        await eventually(lending_to(api, theirs, theirs_tag), timeout=60, what="devices to lend to the other organization")
        referral = await eventually(referring(api, patron["id"], our_service), timeout=60, what="partners to know the consenting patron")
        await eventually(referring(api, patron["id"], their_service), timeout=60, what="a referral to the other organization")

    with web.staff_api() as api:
        served_before = api.get("/reports/partnerships").json()["referrals_by_outcome"].get("served", 0)
    demo.bind_contact(keycloak, ours)  # parker.partner is now the contact of our organization
    context = await new_context(browser, web)
    tab = await context.new_page()
    try:
        await sign_in_at_idp(tab, web.url, *PARTNER)
        await tab.goto("/partner")
        await expect(tab.get_by_role("heading", name=f"Eastside Workforce Center {unique}", level=1)).to_be_visible()
        await expect(tab.get_by_text(f"Resume clinic {unique}")).to_be_visible()

        await tab.get_by_role("link", name="Our loans").first.click()
        loans = tab.get_by_role("table")
        await expect(loans.get_by_role("rowheader", name=ours_tag)).to_be_visible()
        await expect(tab.get_by_text(theirs_tag)).to_have_count(0)
        await screenshot(tab, "journey4-partner-loans")

        await tab.get_by_role("link", name="Our agreements").first.click()
        await expect(tab.get_by_role("heading", name="Device loans")).to_be_visible()

        await tab.get_by_role("link", name="Referrals to us").first.click()
        card = tab.get_by_role("listitem").filter(has=tab.get_by_role("heading", name=f"Resume clinic {unique}"))
        await expect(card).to_contain_text("Waiting for your reply")
        await expect(tab.get_by_text(f"Interview coaching {unique}")).to_have_count(0)
        await expect(tab.get_by_text("Rosa")).to_have_count(0)  # the patron's name is not shown in a list

        await card.get_by_role("button", name="Record the outcome").click()  # nothing chosen: told beside the field
        await expect(tab.get_by_role("alert")).to_contain_text("Choose what happened.")
        card = tab.get_by_role("listitem").filter(has=tab.get_by_role("heading", name=f"Resume clinic {unique}"))
        await card.get_by_label("What happened").select_option(label="Served")
        await card.get_by_label("Note for the library (optional)").fill("Resume finished; interview next week.")
        await card.get_by_role("button", name="Record the outcome").click()
        await expect(tab.get_by_role("status")).to_contain_text("The outcome is recorded. Thank you.")
        await expect(card).to_contain_text("Outcome: Served")
        await screenshot(tab, "journey4-partner-referral-outcome")
    finally:
        await context.close()
        demo.bind_contact(keycloak, REALM_PLACEHOLDER)

    with web.staff_api() as api:  # the library's staff see what the partner recorded
        seen = api.get(f"/referrals/{referral['id']}").json()
    assert seen["outcome"] == "served" and seen["outcome_note"] == "Resume finished; interview next week."
    librarian = await as_role("staff")  # … and in the reports: one more referral served
    await librarian.goto("/staff/reports")
    await expect(librarian.get_by_role("img", name="Referrals by outcome")).to_contain_text(f"Served: {served_before + 1}.")
    with web.staff_api() as api:
        other = api.get("/referrals", params={"partner_id": theirs}).json()["items"]
    assert [r["outcome"] for r in other] == ["pending"], "the other organization's referral is untouched"
