"""Signing in and out of the web app: a patron with card and PIN (a wrong PIN is said beside the field), a
librarian through the identity provider's own login form (code flow with PKCE, tokens kept server-side), and
signing out ends the session: the cookie the browser had is worth nothing afterwards."""

from playwright.async_api import expect

from .conftest import SIGN_OUT, STAFF, new_context, sign_in_at_idp


# A card no other test signs in with: the API's lockout tests lock the demo cards for 15 minutes, and an unknown card
# and a wrong PIN get the same answer by design (docs/signin.md), so what the reader sees is the same.
CARD = "21000000000042"


async def test_a_wrong_pin_is_refused_beside_the_pin_and_the_card_number_is_kept(page):
    await page.goto("/sign-in")
    await page.get_by_label("Library card number").fill(CARD)
    await page.get_by_label("PIN").fill("0000")
    await page.get_by_role("button", name="Sign in").first.click()
    await expect(page.locator("#pin-error")).to_have_text(
        "That card number and PIN do not match. Check both and try again.")
    await expect(page.get_by_label("Library card number")).to_have_value(CARD)


async def test_a_librarian_signs_in_at_the_identity_provider_and_out_again(browser, web, keycloak):
    context = await new_context(browser, web)
    tab = await context.new_page()
    try:
        await sign_in_at_idp(tab, web.url, *STAFF, next_path="/")
        await expect(tab.get_by_role("button", name=SIGN_OUT)).to_be_visible()
        cookies = await context.cookies()
        (session,) = [c for c in cookies if c["name"] == "lantern_session"]
        assert session["httpOnly"] and session["sameSite"] == "Lax"
        assert "access_token" not in str(cookies)  # the tokens stay on the server
        await tab.get_by_role("button", name=SIGN_OUT).click()
        await expect(tab.get_by_role("status")).to_contain_text("You are signed out.")
        await expect(tab.get_by_role("link", name="Sign in")).to_be_visible()
        stale = await browser.new_context(base_url=web.url)
        await stale.add_cookies([session])  # the cookie from before signing out
        again = await stale.new_page()
        await again.goto("/")
        await expect(again.get_by_role("link", name="Sign in")).to_be_visible()
        await stale.close()
    finally:
        await context.close()
