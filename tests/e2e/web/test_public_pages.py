"""What anyone sees without signing in: the calendar with seats left or a waitlist, filters, a session's page in the
reader's language, the referral directory; little script, no horizontal scrolling at 360 px, the edge's public
reads and nothing more."""

import gzip
import re
import uuid

import httpx
from playwright.async_api import expect

from .conftest import enrol, make_program, make_session, register, screenshot, session_day

JS_BUDGET_BYTES = 50 * 1024


async def test_the_calendar_shows_seats_left_and_full_sessions_to_anyone(page, web):
    name = f"Open lab {uuid.uuid4().hex[:6]}"
    with web.staff_api() as api:
        program = make_program(api, titles={"en": name}, languages=("en",))
        roomy = make_session(api, program, capacity=12, days=2.5, languages=("en",))
        full = make_session(api, program, capacity=1, days=2.6, languages=("en",))
        register(api, full, enrol(api, "Seat Holder"))
    await page.goto(f"/?date={session_day(2.5)}")
    await expect(page.get_by_role("heading", name="Upcoming sessions", level=1)).to_be_visible()
    await expect(page.get_by_role("listitem").filter(has=page.locator(f'a[href="/sessions/{roomy}"]'))).to_contain_text(
        "12 seats left")
    await page.goto(f"/?date={session_day(2.6)}")
    await expect(page.get_by_role("listitem").filter(has=page.locator(f'a[href="/sessions/{full}"]'))).to_contain_text(
        "Full: join the waitlist")


async def test_the_calendar_filters_by_kind_place_and_date(page, web):
    tag = uuid.uuid4().hex[:6]
    with web.staff_api() as api:
        training = make_program(api, titles={"en": f"Résumé clinic {tag}", "es": f"Taller de currículum {tag}"},
                                kind="job_skills_training", languages=("en", "es"))
        workshop = make_program(api, titles={"en": f"Email basics {tag}"}, languages=("en",))
        make_session(api, training, capacity=8, days=3, place=f"Gregory Heights {tag}", languages=("en", "es"))
        make_session(api, workshop, capacity=8, days=3, place=f"Midland {tag}", languages=("en",))
    await page.goto("/")
    await page.get_by_label("Date").fill(session_day(3))
    await page.get_by_label("Kind of program").select_option(label="Training")
    await page.get_by_role("button", name="Show sessions").click()
    await expect(page.get_by_role("link", name=f"Résumé clinic {tag}")).to_be_visible()
    await expect(page.get_by_role("link", name=f"Email basics {tag}")).to_have_count(0)
    await page.get_by_label("Kind of program").select_option(label="Any")
    await page.get_by_label("Branch or partner site").select_option(f"Midland {tag}")
    await page.get_by_role("button", name="Show sessions").click()
    await expect(page.get_by_role("link", name=f"Email basics {tag}")).to_be_visible()
    await expect(page.get_by_role("link", name=f"Résumé clinic {tag}")).to_have_count(0)
    await page.goto("/?date=not-a-date")
    await expect(page.locator("#date-error")).to_have_text("Enter a date like 2026-12-31.")


async def test_a_session_page_reads_in_the_readers_language_with_the_programs_fallback(page, web, world):
    await page.goto(f"/language/ru?next=/sessions/{world.session_id}")
    await expect(page.get_by_role("heading", level=1)).to_have_text("Основы электронной почты")
    with web.staff_api() as api:
        english_only = make_program(api, titles={"en": "Tablet basics"}, languages=("en",))  # no Russian title
        session = make_session(api, english_only, capacity=5, days=4, languages=("en",))
    await page.goto(f"/sessions/{session}")
    heading = page.get_by_role("heading", level=1)
    await expect(heading).to_have_text("Tablet basics")
    assert await heading.get_attribute("lang") == "en"  # the fallback title says it is English
    await expect(page.get_by_role("link", name="Войдите, чтобы записаться")).to_be_visible()


async def test_the_calendar_in_vietnamese_at_360_px_needs_no_sideways_scrolling(browser, web, world):
    context = await browser.new_context(base_url=web.url, viewport={"width": 360, "height": 740}, locale="vi-VN")
    tab = await context.new_page()
    try:
        await tab.goto("/")
        assert await tab.locator("html").get_attribute("lang") == "vi"  # from Accept-Language
        await expect(tab.get_by_role("heading", name="Các buổi sắp tới", level=1)).to_be_visible()
        assert await tab.evaluate("document.documentElement.scrollWidth") <= 360
        await screenshot(tab, "calendar-vi-360")
        await tab.set_viewport_size({"width": 1024, "height": 720})
        await tab.goto(f"/?date={session_day(5)}")
        await screenshot(tab, "calendar-vi")  # the README's picture (docs/images/calendar-vi.png)
    finally:
        await context.close()


async def test_the_directory_finds_help_by_need_and_language(page):
    await page.goto("/directory")
    await expect(page.get_by_role("heading", name="Find help near you", level=1)).to_be_visible()
    await page.get_by_label("ZIP code").fill("97214")
    await page.get_by_role("button", name="Search").click()
    await expect(page.get_by_role("heading", name="Results")).to_be_visible()


async def test_public_pages_load_at_most_50_kb_of_compressed_script(page, web):
    scripts: list[str] = []
    page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
    for path in ("/", "/directory", "/sign-in"):
        await page.goto(path)
    total = 0
    with httpx.Client(base_url=web.url) as http:
        for url in sorted(set(scripts)):
            total += len(gzip.compress(http.get(url).content, compresslevel=9))
    print(f"\npublic pages' scripts: {sorted(set(scripts))}, {total} bytes gzipped")
    assert scripts and total <= JS_BUDGET_BYTES


async def test_every_answer_has_the_security_headers_and_no_inline_script(page, web):
    answer = await page.goto("/")
    headers = await answer.all_headers()
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff" and headers["referrer-policy"] == "same-origin"
    html = await page.content()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) and not re.search(r"\son[a-z]+=\"", html)


async def test_the_edge_answers_the_calendars_reads_without_a_token_and_nothing_personal(web, world):
    with httpx.Client(base_url=f"{web.edge}/api/v1", timeout=10) as anonymous:
        assert anonymous.get("/sessions", params={"limit": 5}).status_code == 200
        assert anonymous.get(f"/sessions/{world.session_id}").status_code == 200
        assert anonymous.get("/directory/needs").status_code == 200
        for personal in ("/me", "/patrons", "/registrations", "/loans"):
            assert anonymous.get(personal).status_code == 401, personal
