"""WCAG 2.1 AA on every page of the web app, in all five languages, signed out and signed in for the page's role.

The pages are read from the app's own router, so a page another area adds later is checked without a change here
(a path parameter needs a sample in samples.py). axe-core runs in the real browser against the real stack."""

import re
import uuid

import pytest
from axe_playwright_python.async_playwright import Axe
from fastapi.routing import APIRoute

from lantern_web.app import create_app
from lantern_web.i18n import LANGUAGES
from lantern_web.settings import WebSettings

from .conftest import ARTIFACTS, signed_in_context
from .samples import NOT_PAGES, SAMPLES

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
           "resultTypes": ["violations"]}
# The role a page's area is seen in when signed in. Public pages are checked signed out (their visitors' view);
# their signed-in differences (the role's navigation) are on every page of that role's own area.
ROLE_OF_AREA = {"patron": "patron", "staff": "staff", "kiosk": "kiosk", "partner": "partner"}


def every_route(routes) -> list[APIRoute]:
    """The app's routes, through included routers (FastAPI keeps an included router as one entry)."""
    found = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        elif getattr(route, "original_router", None) is not None:
            found += every_route(route.original_router.routes)
    return found


def page_routes() -> list[tuple[str, str]]:
    """(path, area) of every GET page the app serves."""
    app = create_app(WebSettings())
    return sorted({(route.path, (route.tags or ["public"])[0]) for route in every_route(app.routes)
                   if "GET" in route.methods and route.path not in NOT_PAGES})


def concrete(path: str, world) -> str:
    def sample(match: re.Match) -> str:
        name = match.group(1)
        assert name in SAMPLES, f"add a sample for {{{name}}} (in {path}) to tests/e2e/web/samples.py"
        return str(SAMPLES[name](world))

    return re.sub(r"\{(\w+)(?::\w+)?\}", sample, path)


AXE = Axe()


async def violations_on(tab, path: str, language: str) -> list[str]:
    shown = await tab.goto(f"/language/{language}?next={path}")
    assert shown is not None and shown.status == 200, f"{path} in {language}: {shown and shown.status}"
    assert await tab.locator("html").get_attribute("lang") == language, f"{path} in {language}"
    results = await AXE.run(tab, options=WCAG_AA)
    if results.violations_count:
        await tab.screenshot(path=str(ARTIFACTS / f"axe-{language}-{path.strip('/').replace('/', '_') or 'home'}.png"))
    return [f"{path} [{language}] {v['id']}: {v['help']} ({len(v['nodes'])}: {v['nodes'][0]['target']})"
            for v in results.response["violations"]]


def test_the_router_has_pages_for_anyone_and_for_patrons():
    areas = {area for _, area in page_routes()}
    assert {"public", "patron"} <= areas


@pytest.mark.parametrize("language", list(LANGUAGES))
async def test_every_page_signed_out_has_no_wcag_aa_violation(language, page, world):
    found = []
    for path, area in page_routes():
        if area in {"public", "common"}:
            found += await violations_on(page, concrete(path, world), language)
    assert found == [], "\n".join(found)


SIGNED_IN_ROLES = sorted({ROLE_OF_AREA[area] for _, area in page_routes() if area in ROLE_OF_AREA})


@pytest.mark.parametrize("role", SIGNED_IN_ROLES)
async def test_every_page_of_a_role_signed_in_has_no_wcag_aa_violation(role, browser, web, world, request):
    routes = [(path, area) for path, area in page_routes() if ROLE_OF_AREA.get(area) == role]
    context = await signed_in_context(browser, web, role, request)
    tab = await context.new_page()
    found = []
    try:
        for language in LANGUAGES:
            for path, _area in routes:
                found += await violations_on(tab, concrete(path, world), language)
    finally:
        await tab.goto("/language/en?next=/")
        await tab.close()
    assert found == [], "\n".join(found)


NARROW = {"width": 360, "height": 740}  # a small phone; WCAG 2.1's reflow (1.4.10) asks for 320 CSS px


async def sideways_on(tab, path: str, language: str) -> list[str]:
    """A page a reader would have to scroll sideways to read, at 360 px wide (a wide table scrolls in its own box)."""
    await tab.goto(f"/language/{language}?next={path}")
    width = await tab.evaluate("document.documentElement.scrollWidth")
    if width <= NARROW["width"]:
        return []
    await tab.screenshot(path=str(ARTIFACTS / f"narrow-{language}-{path.strip('/').replace('/', '_') or 'home'}.png"))
    return [f"{path} [{language}] is {width} px wide"]


@pytest.mark.parametrize("role", ["signed out", *SIGNED_IN_ROLES])
async def test_every_page_reads_at_360_px_without_scrolling_sideways(role, browser, web, world, request, page):
    """In Russian and Vietnamese, whose words and phrases run longest of the five, and with a name someone typed as
    one long word (the fuzz run leaves such names; so may a person pasting an address)."""
    with web.staff_api() as api:
        long_name = api.post("/distribution-lists",
                             json={"name": "Lantern" + uuid.uuid4().hex + "o" * 60, "description": "x" * 120},
                             headers={"Idempotency-Key": str(uuid.uuid4())})
        assert long_name.status_code == 201, long_name.text
    if role == "signed out":
        tab = page
        routes = [(path, area) for path, area in page_routes() if area in {"public", "common"}]
    else:
        tab = await (await signed_in_context(browser, web, role, request)).new_page()
        routes = [(path, area) for path, area in page_routes() if ROLE_OF_AREA.get(area) == role]
    await tab.set_viewport_size(NARROW)
    found = []
    try:
        for language in ("ru", "vi"):
            for path, _area in routes:
                found += await sideways_on(tab, concrete(path, world), language)
    finally:
        await tab.goto("/language/en?next=/")
        await tab.close()
    assert found == [], "\n".join(found)
