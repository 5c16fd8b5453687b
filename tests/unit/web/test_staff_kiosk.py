"""The staff console and the kiosk without a stack: who may open them, the kiosk's service worker, and that no
template of theirs carries inline script (the Content-Security-Policy would refuse it)."""

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lantern_web.app import create_app
from lantern_web.settings import WebSettings

TEMPLATES = Path(__file__).parents[3] / "frontends" / "web" / "lantern_web" / "templates"


@pytest.fixture
def browser():
    with TestClient(create_app(WebSettings(edge_url="http://127.0.0.1:9")), follow_redirects=False) as client:
        yield client


@pytest.mark.parametrize("path", ["/staff", "/staff/desk", "/staff/programs/new",
                                  "/kiosk/sessions/6f1c2c1e-4b7a-4c53-9d1f-0a6f5f1f3a10"])
def test_a_signed_out_reader_is_sent_to_sign_in_before_a_staff_or_kiosk_page(browser, path):
    answer = browser.get(path)
    assert answer.status_code in {302, 303, 307}
    assert "/sign-in" in answer.headers["location"]


def test_the_kiosk_worker_is_served_under_kiosk_so_it_controls_the_kiosk_pages(browser):
    answer = browser.get("/kiosk/service-worker.js")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/javascript")
    assert "caches.open" in answer.text and 'request.method !== "GET"' in answer.text


@pytest.mark.parametrize("template", sorted(p.relative_to(TEMPLATES).as_posix() for area in ("staff", "kiosk")
                                            for p in (TEMPLATES / area).glob("*.html")))
def test_staff_and_kiosk_templates_have_no_inline_script(template):
    text = (TEMPLATES / template).read_text()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text)
    assert not re.search(r"\son[a-z]+=", text)
