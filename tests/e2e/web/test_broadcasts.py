"""A librarian makes a distribution list of two partner organizations in the staff console and broadcasts one
message written in English and Spanish: each organization's contact receives it in the language they read."""

import email
import email.policy
import uuid

from playwright.async_api import expect

from tests.support import eventually

from .conftest import screenshot


def subjects_to(stack, address: str) -> list[str]:
    """The subjects of the emails the local SMTP sink received for one address."""
    found = []
    folder = stack.config.mail_dir
    for path in sorted(folder.glob("*.eml")) if folder.exists() else ():
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        if address in str(message["To"]):
            found.append(str(message["Subject"]))
    return found


def an_organization(api, name: str, contact_email: str, language: str) -> str:
    """An active partner whose one contact reads `language`; the contact's id."""
    made = api.post("/partners", json={"name": name, "kind": "community_organization", "contacts": [
        {"name": "Contact Person", "role": "Coordinator", "email": contact_email, "language": language}]},
        headers={"Idempotency-Key": str(uuid.uuid4())})
    assert made.status_code == 201, made.text
    active = api.post(f"/partners/{made.json()['id']}/status", json={"status": "active"},
                      headers={"Idempotency-Key": str(uuid.uuid4())})
    assert active.status_code == 200, active.text
    return str(made.json()["contacts"][0]["id"])


def delivery_to(web, contact_id: str) -> dict | None:
    """The broadcast's email to one contact in the delivery log: sent, or (at night in the library's time zone)
    waiting for the end of the contact's quiet hours."""
    with web.staff_api() as api:
        log = api.get("/deliveries", params={"recipient_id": contact_id, "channel": "email"}).json()["items"]
    return next((d for d in log if d["status"] == "sent" or (d["status"] == "scheduled" and d["reason"] == "quiet_hours")),
                None)


async def test_a_broadcast_composed_in_two_languages_reaches_each_contact_in_theirs(as_role, web):
    unique = uuid.uuid4().hex[:6]
    spanish, english = f"es-{unique}@partner.example.org", f"en-{unique}@partner.example.org"
    with web.staff_api() as api:
        spanish_contact = an_organization(api, f"Centro Comunitario {unique}", spanish, "es")
        english_contact = an_organization(api, f"Northside Seniors {unique}", english, "en")

    tab = await as_role("staff")
    await tab.goto("/staff")
    await tab.get_by_role("link", name="Messages").first.click()
    await tab.get_by_label("Name of the list").fill(f"Digital navigators {unique}")
    await tab.get_by_role("button", name="Create the list").click()
    await expect(tab.get_by_role("heading", name=f"Digital navigators {unique}", level=1)).to_be_visible()
    for name in (f"Centro Comunitario {unique}", f"Northside Seniors {unique}"):
        await tab.get_by_label("Organization").select_option(label=name)
        await tab.get_by_role("button", name="Add to the list").click()
        await expect(tab.get_by_role("status")).to_contain_text("The organization is on the list.")
    members = tab.get_by_role("list").filter(has_text=f"Centro Comunitario {unique}")
    await expect(members).to_contain_text(f"Northside Seniors {unique}")

    await tab.get_by_label("Subject (English)").fill(f"Laptops for your clients {unique}")
    await tab.get_by_label("Message (English)").fill("We can lend ten laptops for your spring classes.")
    await tab.get_by_label("Subject (Español)").fill(f"Computadoras para sus clientes {unique}")
    await tab.get_by_role("button", name="Send to the list").click()  # the Spanish message is missing: told beside it
    await expect(tab.get_by_text("Give both a subject and a message in this language, or neither.")).to_be_visible()
    await expect(tab.get_by_label("Message (Español)")).to_have_attribute("aria-invalid", "true")
    await expect(tab.get_by_label("Subject (English)")).to_have_value(f"Laptops for your clients {unique}")
    await tab.get_by_label("Message (Español)").fill("Podemos prestar diez computadoras para sus clases.")
    await tab.get_by_role("button", name="Send to the list").click()
    await expect(tab.get_by_role("status")).to_contain_text("Sent to 2 contacts.")
    await screenshot(tab, "broadcast-sent")

    for contact, address, language, subject in ((spanish_contact, spanish, "es", f"Computadoras para sus clientes {unique}"),
                                                (english_contact, english, "en", f"Laptops for your clients {unique}")):
        delivery = await eventually(lambda c=contact: delivery_to(web, c), timeout=90, what=f"the {language} email")
        assert delivery["language"] == language
        if delivery["status"] == "sent":
            assert subjects_to(web.stack, address) == [subject]
