"""Journey 5: a patron (a guest, signed in with a code sent by email) downloads their data and deletes their
account; the data holds their registration, and afterwards their pages refuse them until they sign in again."""

import json
import uuid

from playwright.async_api import expect

from tests.e2e.test_signin_guests import codes_mailed_to
from tests.support import eventually

from .conftest import new_context


async def test_a_patron_downloads_their_data_then_deletes_their_account(browser, web, world):
    address = f"web.guest.{uuid.uuid4().hex[:10]}@example.org"
    context = await new_context(browser, web, accept_downloads=True)
    tab = await context.new_page()
    try:
        await tab.goto("/sign-in")
        await tab.get_by_role("link", name="Sign in with an email code").click()
        await tab.get_by_label("Email address").fill(address)
        await tab.get_by_role("button", name="Send me a code").click()
        code, _text = (await eventually(lambda: codes_mailed_to(web.stack, address), timeout=30,
                                        what="the sign-in code's email"))[-1]
        await tab.get_by_label("Code").fill(code)
        await tab.get_by_role("button", name="Sign in").click()
        await expect(tab.get_by_role("heading", name="My registrations", level=1)).to_be_visible()

        await tab.goto(f"/sessions/{world.session_id}")
        await tab.get_by_role("button", name="Register").click()
        await expect(tab.get_by_role("status")).to_contain_text("You are registered")

        await tab.get_by_role("link", name="My data and account").click()
        async with tab.expect_download() as downloading:
            await tab.get_by_role("link", name="Download my data").click()
        download = await downloading.value
        data = json.loads(open(await download.path(), encoding="utf-8").read())
        assert data["patron"]["email"] == address
        assert [r["session_id"] for r in data["registrations"]] == [world.session_id]

        await tab.get_by_role("button", name="Delete my account").click()  # not confirmed: refused beside the box
        await expect(tab.locator("#confirm-error")).to_have_text(
            "Tick the box to confirm that you want your account deleted.")
        await tab.get_by_text("Yes, delete my account and my data").click()  # the label, as a person clicks it
        await tab.get_by_role("button", name="Delete my account").click()
        await expect(tab.get_by_role("status")).to_contain_text("Your account and your personal data are deleted")
        await expect(tab.get_by_role("link", name="Sign in")).to_be_visible()

        for page_of_theirs in ("/my", "/my/messages", "/my/data"):
            await tab.goto(page_of_theirs)
            await expect(tab.get_by_role("heading", name="Sign in", level=1)).to_be_visible()
    finally:
        await context.close()
