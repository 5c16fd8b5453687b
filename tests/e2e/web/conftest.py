"""The web app as a real process on the test stack, driven by Debian's Chromium through Playwright.

One browser for the whole run, and one signed-in browser context per role shared by the tests that need it
(signing in is what a person does once, not before every click). Screenshots land in .artifacts/web/.
"""

import datetime as dt
import os
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
from playwright.async_api import Browser, BrowserContext, Page, async_playwright, expect

from tests.support import REPO

CHROMIUM = os.environ.get("LANTERN_CHROMIUM", "/usr/bin/chromium")
# Headless on a machine with a closed network: no background connections, no sandbox (runs as root in CI).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
ARTIFACTS = REPO / ".artifacts" / "web"
PATRON_CARD = ("21000000000001", "1234")  # Ana Pérez, the demo ILS's Spanish-reading patron (shared patron context)
STAFF = ("libby.librarian", "lantern-staff-demo")
PARTNER = ("parker.partner", "lantern-partner-demo")
expect.set_options(timeout=15_000)


@dataclass
class WebApp:
    url: str
    stack: object
    edge: str
    contexts: dict[str, BrowserContext] = field(default_factory=dict)

    def staff_api(self) -> httpx.Client:
        token = self.stack.token("staff", "web-tests")
        return httpx.Client(base_url=f"{self.edge}/api/v1", timeout=20, headers={"Authorization": f"Bearer {token}"})


@pytest.fixture(scope="session")
def web(services) -> WebApp:
    services.stop_service("web")  # one left running by an earlier run may be older code
    services.start_web()
    yield WebApp(f"http://127.0.0.1:{services.config.http_base_port + 50}", services, services.config.url("edge"))
    services.stop_service("web")


@pytest.fixture(scope="session")
async def browser(web) -> Browser:
    """Started after the stack (Playwright's driver shares the tests' event loop, as every async test does)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield launched
        for context in web.contexts.values():
            await context.close()
        web.contexts.clear()
        await launched.close()


async def new_context(browser: Browser, web: WebApp, **options) -> BrowserContext:
    options = {"base_url": web.url, "locale": "en-US", "timezone_id": "America/Los_Angeles", **options}
    return await browser.new_context(**options)


@pytest.fixture
async def page(browser, web) -> Page:
    """A fresh, signed-out browser tab (its own cookies)."""
    context = await new_context(browser, web)
    tab = await context.new_page()
    yield tab
    await context.close()


SIGN_OUT = re.compile("Sign out|Cerrar sesión|Đăng xuất|退出登录|Выйти")


async def sign_in_with_card(tab: Page, card: str, pin: str) -> None:
    await tab.goto("/sign-in")
    await tab.get_by_label("Library card number").fill(card)
    await tab.get_by_label("PIN").fill(pin)
    await tab.get_by_role("button", name="Sign in").first.click()
    await expect(tab.get_by_role("button", name=SIGN_OUT)).to_be_visible()


async def sign_in_at_idp(tab: Page, web_url: str, username: str, password: str, next_path: str = "") -> None:
    """Through Keycloak's own login form, as a person does; back on the web app when it returns."""
    await tab.goto(f"/sign-in/staff{'?next=' + next_path if next_path else ''}")
    await tab.get_by_label(re.compile("Username or email|Username", re.I)).fill(username)
    await tab.get_by_label("Password", exact=True).fill(password)
    await tab.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    await tab.wait_for_url(f"{web_url}/**")


async def signed_in_context(browser: Browser, web: WebApp, role: str, request: pytest.FixtureRequest) -> BrowserContext:
    """One signed-in context per role for the whole run (staff and partner need Keycloak, started on demand)."""
    if role not in web.contexts:
        context = await new_context(browser, web)
        tab = await context.new_page()
        if role == "patron":
            await sign_in_with_card(tab, *PATRON_CARD)
        else:
            request.getfixturevalue("keycloak")
            await sign_in_at_idp(tab, web.url, *(STAFF if role in {"staff", "kiosk"} else PARTNER))
        await tab.close()
        web.contexts[role] = context
    return web.contexts[role]


@pytest.fixture
async def as_role(browser, web, request):
    """`await as_role("patron")` is a new tab in that role's shared, signed-in context."""
    opened: list[Page] = []

    async def open_tab(role: str) -> Page:
        tab = await (await signed_in_context(browser, web, role, request)).new_page()
        opened.append(tab)
        return tab

    yield open_tab
    for tab in opened:
        await tab.close()


async def screenshot(tab: Page, name: str, *, full_page: bool = False) -> Path:
    path = ARTIFACTS / f"{name}.png"
    await tab.screenshot(path=str(path), full_page=full_page)
    return path


# ---- data the pages show, made through the edge's API as staff do -------------------------------------------
@dataclass
class World:
    """Sample data for the pages: a program in two languages, an open session and a full one."""

    program_id: str
    session_id: str
    full_session_id: str
    extra: dict[str, str] = field(default_factory=dict)


def make_program(api: httpx.Client, *, titles: dict[str, str], kind: str = "digital_literacy_workshop",
                 languages: tuple[str, ...] = ("en", "vi")) -> str:
    answer = api.post("/programs", json={"kind": kind, "fallback_language": "en", "languages": list(languages),
                                         "titles": titles, "host": {"kind": "branch", "branch": "Central"}},
                      headers={"Idempotency-Key": str(uuid.uuid4())})
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"])


def session_day(days: float) -> str:
    """The library's calendar day (Los Angeles) of a session made `days` from now by make_session."""
    starts = dt.datetime.now(dt.UTC).replace(microsecond=0, second=0) + dt.timedelta(days=days)
    return starts.astimezone(ZoneInfo("America/Los_Angeles")).date().isoformat()


def make_session(api: httpx.Client, program_id: str, *, capacity: int, days: float = 7, place: str = "Central Library",
                 languages: tuple[str, ...] = ("en", "vi")) -> str:
    starts = dt.datetime.now(dt.UTC).replace(microsecond=0, second=0) + dt.timedelta(days=days)
    answer = api.post("/sessions", json={
        "program_id": program_id, "starts_at": starts.isoformat(), "ends_at": (starts + dt.timedelta(hours=2)).isoformat(),
        "timezone": "America/Los_Angeles", "place": {"kind": "branch", "name": place}, "capacity": capacity,
        "languages": list(languages)}, headers={"Idempotency-Key": str(uuid.uuid4())})
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"])


def enrol(api: httpx.Client, name: str, language: str = "en") -> str:
    answer = api.post("/patrons", json={"name": name, "email": f"{uuid.uuid4().hex[:12]}@example.org",
                                        "preferred_language": language, "consent_to_contact": True},
                      headers={"Idempotency-Key": str(uuid.uuid4())})
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"])


def register(api: httpx.Client, session_id: str, patron_id: str) -> dict:
    answer = api.post(f"/sessions/{session_id}/registrations", json={"patron_id": patron_id},
                      headers={"Idempotency-Key": str(uuid.uuid4())})
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


@pytest.fixture(scope="session")
def world(web) -> World:
    with web.staff_api() as api:
        program = make_program(api, titles={"en": "Email basics", "vi": "Cơ bản về email", "es": "Correo electrónico básico",
                                            "ru": "Основы электронной почты", "zh-Hans": "电子邮件基础"})
        open_session = make_session(api, program, capacity=20, days=5)
        full = make_session(api, program, capacity=1, days=6, place="Midland Library")
        register(api, full, enrol(api, "Seat Holder"))
        mailing = api.post("/distribution-lists", json={"name": f"Sample list {uuid.uuid4().hex[:6]}", "description": "For the page tests"},
                           headers={"Idempotency-Key": str(uuid.uuid4())})
        assert mailing.status_code == 201, mailing.text
    return World(program, open_session, full, extra={"list_id": str(mailing.json()["id"])})
