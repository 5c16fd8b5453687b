"""Journeys through the staff console and the check-in kiosk, in a real Chromium against the real stack.

#2: a librarian signs in at the identity provider, creates a program in English and Spanish, schedules a session that
needs a laptop and sees its equipment status; the kiosk checks one attendee in by card, one while offline and one by
the check-in code on her phone; back online, the roster shows all three, once. #3: the lending desk lends a hotspot,
takes it back without its charger, confirms the wipe and lends it again.
"""

import datetime as dt
import re
import subprocess
import time
import uuid
from zoneinfo import ZoneInfo

from playwright.async_api import expect

from .conftest import register, screenshot

LOS_ANGELES = ZoneInfo("America/Los_Angeles")


def card_number() -> str:
    return "2999" + str(uuid.uuid4().int)[:10]


def enrol_with_card(api, name: str) -> tuple[str, str]:
    card = card_number()
    answer = api.post("/patrons", json={"name": name, "library_card_number": card, "preferred_language": "en",
                                        "email": f"{uuid.uuid4().hex[:12]}@example.org",
                                        "consent_to_contact": False}, headers={"Idempotency-Key": str(uuid.uuid4())})
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"]), card


def add_device(api, kind: str, contents: list[dict] | None = None) -> str:
    tag = f"{kind[:2].upper()}-{uuid.uuid4().hex[:8]}"
    answer = api.post("/devices", json={"kind": kind, "asset_tag": tag, "serial": uuid.uuid4().hex,
                                        "home_branch": "Central", "contents": contents or []},
                      headers={"Idempotency-Key": str(uuid.uuid4())})
    assert answer.status_code == 201, answer.text
    return tag


def wait_until_borrower_known(api, patron_id: str, timeout_s: float = 30) -> None:
    """Devices learns of a new patron from patron.enrolled; the desk can lend once it has."""
    deadline = time.monotonic() + timeout_s
    while api.get(f"/borrowers/{patron_id}").status_code != 200:
        assert time.monotonic() < deadline, "devices never heard of the patron"
        time.sleep(0.5)


async def test_a_librarian_schedules_a_session_with_laptops_and_the_kiosk_checks_in_online_and_offline(web, as_role,
                                                                                                      tmp_path):
    with web.staff_api() as api:
        add_device(api, "laptop")
        ana, ana_card = enrol_with_card(api, "Ana Kiosk")
        bao, _ = enrol_with_card(api, "Bao Offline")

    staff = await as_role("staff")  # signed in through Keycloak's own login form
    await staff.goto("/staff/programs/new")
    await staff.get_by_label("Title in English").fill("Laptop lab")
    await staff.get_by_label("Title in Spanish").fill("Taller de portátiles")
    await staff.get_by_text("Spanish", exact=True).click()  # USWDS draws the box on the label
    await staff.get_by_role("button", name="Create the program").click()

    await expect(staff.get_by_role("heading", name="Schedule a session")).to_be_visible()
    starts = dt.datetime.now(LOS_ANGELES) + dt.timedelta(minutes=20)
    if starts.hour == 23:  # keep the session within one day (the form has one date)
        starts = starts.replace(hour=22, minute=0)
    await staff.get_by_label("Date").fill(starts.date().isoformat())
    await staff.get_by_label("Starts at").fill(starts.strftime("%H:%M"))
    await staff.get_by_label("Ends at").fill("23:59")
    await staff.get_by_label("Place").fill("Central Library, Lab 2")
    await staff.get_by_label("Seats").fill("10")
    await staff.get_by_label("Laptops").fill("1")
    await staff.get_by_role("button", name="Schedule the session").click()

    await expect(staff.get_by_role("heading", name="Laptop lab")).to_be_visible()
    session_id = staff.url.rstrip("/").rsplit("/", 1)[-1]
    for _ in range(30):  # devices reserves the laptop through events; a person reloads to see it
        if await staff.locator("#session-status").inner_text() != "Equipment being reserved":
            break
        await staff.wait_for_timeout(1000)
        await staff.reload()
    await expect(staff.locator("#session-status")).to_have_text("Equipment reserved")
    await expect(staff.get_by_text(re.compile(r"Laptops: 1\s+—\s+reserved"))).to_be_visible()
    # the Spanish title, as a Spanish reader of the public calendar sees it
    await staff.goto(f"/language/es?next=/sessions/{session_id}")
    await expect(staff.get_by_role("heading", name="Taller de portátiles")).to_be_visible()
    await staff.goto(f"/language/en?next=/staff/sessions/{session_id}")

    with web.staff_api() as api:  # both booked ahead, as patrons do
        register(api, session_id, ana)
        register(api, session_id, bao)

    kiosk = await as_role("kiosk")
    await kiosk.goto(f"/kiosk/sessions/{session_id}")
    await kiosk.get_by_label("Scan your library card or the check-in code from My registrations").fill(ana_card)
    await kiosk.keyboard.press("Enter")
    await expect(kiosk.get_by_role("status")).to_have_text("Welcome, Ana! You are checked in.")

    await kiosk.context.set_offline(True)
    try:
        await kiosk.get_by_role("button", name="Bao O.").click()
        await expect(kiosk.get_by_role("status")).to_have_text("Saved. It will be sent when the network is back.")
        await expect(kiosk.get_by_text("Check-ins waiting to send: 1")).to_be_visible()
    finally:
        await kiosk.context.set_offline(False)
    await expect(kiosk.get_by_role("status")).to_have_text("Welcome, Bao! You are checked in.", timeout=30_000)
    await expect(kiosk.get_by_text("Check-ins waiting to send")).to_be_hidden()

    # No card in hand: the patron opens My registrations on their phone and shows the check-in code to the scanner.
    patron = await as_role("patron")  # Ana Pérez, who reads Spanish, registers from the session's page
    await patron.goto(f"/language/es?next=/sessions/{session_id}")  # other tests may have left the shared tab in English
    await patron.get_by_role("button", name="Inscribirse").click()
    await patron.goto("/my")
    entry = patron.get_by_role("listitem").filter(has=patron.get_by_role("link", name="Taller de portátiles"))
    await entry.get_by_text("Código para registrar su llegada").click()
    code = entry.get_by_role("img", name="Código para registrar su llegada")
    await expect(code).to_be_visible()
    picture = tmp_path / "check-in-code.png"
    await code.screenshot(path=str(picture))
    read = subprocess.run(["zbarimg", "--quiet", "--raw", str(picture)], capture_output=True, text=True, timeout=30)
    assert re.fullmatch(r"[0-9a-f-]{36}", read.stdout.strip()), read.stderr  # her registration's id
    await kiosk.get_by_label("Scan your library card or the check-in code from My registrations").fill(read.stdout.strip())
    await kiosk.keyboard.press("Enter")
    await expect(kiosk.get_by_role("status")).to_have_text("Welcome, Ana! You are checked in.")

    await staff.goto(f"/staff/sessions/{session_id}/roster")
    await expect(staff.get_by_text("3 people checked in")).to_be_visible()
    for name in ("Ana Kiosk", "Bao Offline", "Ana Pérez"):
        row = staff.get_by_role("row", name=re.compile(name))
        await expect(row).to_have_count(1)
        await expect(row).to_contain_text("Checked in at")
    await screenshot(staff, "staff-roster")  # the README's picture (docs/images/staff-roster.png)


async def test_the_lending_desk_lends_a_hotspot_takes_it_back_without_its_charger_and_lends_it_again(web, as_role):
    with web.staff_api() as api:
        tag = add_device(api, "hotspot", [{"item": "Charger"}, {"item": "USB cable"}])
        patron, card = enrol_with_card(api, "Dara Desk")
        wait_until_borrower_known(api, patron)

    desk = await as_role("staff")
    state = desk.locator("#device-state")
    await desk.goto("/staff/desk")
    await desk.get_by_label("Asset tag").fill(tag)
    await desk.get_by_role("button", name="Find the device").click()
    await expect(state).to_have_text("Available")

    await desk.get_by_label("Borrower's library card number").fill(card)
    await desk.get_by_role("button", name="Check out").click()
    await expect(desk.get_by_role("status")).to_have_text("Checked out.")
    await expect(state).to_have_text("On loan")

    await desk.get_by_text("Charger", exact=True).click()  # untick: it did not come back
    await expect(desk.get_by_label("Charger")).not_to_be_checked()
    await expect(desk.get_by_label("USB cable")).to_be_checked()
    await desk.get_by_role("button", name="Return it").click()
    await expect(desk.get_by_role("status")).to_contain_text("Returned. Wipe it before it is lent again.")
    await expect(desk.get_by_role("status")).to_contain_text("Missing: Charger")
    await expect(state).to_have_text("Waiting for its wipe")
    with web.staff_api() as api:
        returned = api.get("/loans", params={"device_id": api.get("/devices", params={"asset_tag": tag})
                                             .json()["items"][0]["id"], "status": "returned"}).json()["items"]
    assert returned[0]["missing_accessories"] == ["Charger"]

    await desk.get_by_role("button", name="Confirm the wipe").click()
    await expect(desk.get_by_role("status")).to_have_text("Wipe confirmed: it can be lent again.")
    await expect(state).to_have_text("Available")

    await desk.get_by_label("Borrower's library card number").fill(card)
    await desk.get_by_role("button", name="Check out").click()
    await expect(desk.get_by_role("status")).to_have_text("Checked out.")
    await expect(state).to_have_text("On loan")
