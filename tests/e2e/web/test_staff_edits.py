"""Staff change what exists, in a real Chromium against the real stack: a librarian gives a full session more seats
(and the public page offers them), and renames a program (and the programs list shows the new title)."""

import re
import uuid

from playwright.async_api import expect

from .conftest import enrol, make_program, make_session, register


async def test_a_librarian_adds_seats_to_a_full_session_and_the_public_page_shows_them(web, as_role, page):
    with web.staff_api() as api:
        program = make_program(api, titles={"en": "Spreadsheet basics"})
        session_id = make_session(api, program, capacity=2, days=8, place="Eastside Library")
        register(api, session_id, enrol(api, "First Seat"))
        register(api, session_id, enrol(api, "Second Seat"))

    await page.goto(f"/sessions/{session_id}")
    await expect(page.get_by_text("Full: join the waitlist")).to_be_visible()

    staff = await as_role("staff")
    await staff.goto(f"/staff/sessions/{session_id}")
    await staff.get_by_role("link", name="Change the session").click()
    await expect(staff.get_by_label("Seats")).to_have_value("2")  # prefilled from the edge
    await expect(staff.get_by_label("Place")).to_have_value("Eastside Library")

    await staff.get_by_label("Seats").fill("1")  # below the confirmed seats: the edge refuses, shown beside Seats
    await staff.get_by_role("button", name="Save the changes").click()
    await expect(staff.locator("#capacity-error")).to_have_text("2 seats are already taken: enter 2 or more.")

    await staff.get_by_label("Seats").fill("5")
    await staff.get_by_role("button", name="Save the changes").click()
    await expect(staff.get_by_text("2 of 5 taken")).to_be_visible()

    await page.reload()
    await expect(page.get_by_text("3 seats left")).to_be_visible()
    await expect(page.get_by_role("link", name="Sign in to register")).to_be_visible()


async def test_a_librarian_renames_a_program_and_refusals_show_beside_the_title(web, as_role):
    renamed = f"Phone photos and albums {uuid.uuid4().hex[:6]}"
    with web.staff_api() as api:
        program = make_program(api, titles={"en": "Phone photos", "es": "Fotos con el teléfono"})

    staff = await as_role("staff")
    await staff.goto(f"/staff/programs/{program}/edit")
    await expect(staff.get_by_label("Title in Spanish")).to_have_value("Fotos con el teléfono")
    await staff.get_by_label("Title in English").fill("")
    await staff.get_by_role("button", name="Save the changes").click()
    await expect(staff.locator("#title_en-error")).to_have_text("Enter the title in English.")

    await staff.get_by_label("Title in English").fill(renamed)
    await staff.get_by_role("button", name="Save the changes").click()
    await expect(staff).to_have_url(re.compile(r"/staff/programs$"))
    await expect(staff.get_by_role("cell", name=renamed, exact=True)).to_be_visible()
