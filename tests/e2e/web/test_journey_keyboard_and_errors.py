"""Journey 6 (with test_accessibility.py): a patron registers with the keyboard alone, and a form's error shows
beside its field in the reader's language (Russian), named for screen readers."""

import uuid

from playwright.async_api import expect

from .conftest import make_program, make_session, session_day


async def test_a_patron_registers_for_a_session_with_the_keyboard_alone(as_role, web):
    name = f"Keyboard-only class {uuid.uuid4().hex[:6]}"
    with web.staff_api() as api:
        program = make_program(api, titles={"en": name}, languages=("en",))
        session = make_session(api, program, capacity=10, days=9, languages=("en",))
    tab = await as_role("patron")
    await tab.goto("/language/en?next=/")
    await tab.goto(f"/?date={session_day(9)}")  # the calendar for that day, as a link to it opens it
    await tab.keyboard.press("Tab")
    skip = tab.get_by_role("link", name="Skip to main content")
    await expect(skip).to_be_focused()
    await tab.keyboard.press("Enter")
    link = tab.get_by_role("link", name=name)
    for _step in range(200):  # Tab through the filters and the list until the session's link has focus
        await tab.keyboard.press("Tab")
        if await link.evaluate("element => element === document.activeElement"):
            break
    await expect(link).to_be_focused()
    await tab.keyboard.press("Enter")
    await expect(tab.get_by_role("heading", name=name, level=1)).to_be_visible()
    button = tab.get_by_role("button", name="Register")
    for _step in range(60):
        await tab.keyboard.press("Tab")
        if await button.evaluate("element => element === document.activeElement"):
            break
    await expect(button).to_be_focused()
    await tab.keyboard.press("Enter")
    await expect(tab.get_by_role("status")).to_contain_text("You are registered")
    await expect(tab.locator(f'a[href="/sessions/{session}"]')).to_be_visible()


async def test_an_invalid_email_shows_its_error_beside_the_field_in_russian(page):
    await page.goto("/language/ru?next=/sign-in/email")
    await page.get_by_label("Адрес электронной почты").fill("не адрес")
    await page.get_by_role("button", name="Прислать код").click()
    field = page.get_by_label("Адрес электронной почты")
    await expect(page.locator("#email-error")).to_have_text(
        "Введите адрес электронной почты, например name@example.org.")
    assert await field.get_attribute("aria-invalid") == "true"
    assert "email-error" in (await field.get_attribute("aria-describedby"))
