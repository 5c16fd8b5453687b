"""The web app's shell without a stack: headers, sessions, CSRF, languages, and what a reader sees when the edge is
down (an edge on a closed port: the same refused connection a stopped edge gives)."""

import re

import pytest
from fastapi.testclient import TestClient

from lantern_web.app import create_app
from lantern_web.settings import WebSettings


@pytest.fixture
def browser():
    settings = WebSettings(edge_url="http://127.0.0.1:9", secure_cookies=True, public_url="https://web.example.org")
    with TestClient(create_app(settings), base_url="https://testserver") as client:
        yield client


def csrf(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def test_every_answer_carries_the_security_headers(browser):
    answer = browser.get("/sign-in")
    policy = answer.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["referrer-policy"] == "same-origin"
    assert answer.headers["strict-transport-security"].startswith("max-age=")
    cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" in cookie


def test_pages_have_no_inline_script_or_event_handler(browser):
    page = browser.get("/sign-in").text
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)
    assert not re.search(r"\son[a-z]+=", page)


def test_a_form_without_its_csrf_token_is_refused(browser):
    browser.get("/sign-in")
    refused = browser.post("/sign-in/card", data={"card_number": "1", "pin": "2"})
    assert refused.status_code == 403 and "This form has expired" in refused.text


def test_a_missing_field_is_shown_beside_it_in_the_readers_language(browser):
    page = browser.get("/sign-in", headers={"Accept-Language": "ru-RU,ru;q=0.9"}).text
    assert '<html lang="ru">' in page
    answer = browser.post("/sign-in/card", data={"csrf_token": csrf(page), "card_number": "", "pin": ""},
                          headers={"Accept-Language": "ru"})
    assert answer.status_code == 422
    error = re.search(r'id="card_number-error"[^>]*>([^<]+)<', answer.text).group(1)
    assert error == "Введите номер читательского билета."
    assert 'aria-describedby="card_number-error"' in answer.text


def test_the_language_picker_keeps_the_choice_and_html_lang_follows(browser):
    assert '<html lang="en">' in browser.get("/sign-in").text
    moved = browser.get("/language/zh-Hans", params={"next": "/sign-in"}, follow_redirects=False)
    assert moved.status_code == 303 and moved.headers["location"] == "/sign-in"
    assert '<html lang="zh-Hans">' in browser.get("/sign-in").text


def test_the_picker_never_sends_a_reader_to_another_site(browser):
    for target in ("https://evil.example", "//evil.example", "/\\evil.example"):
        moved = browser.get("/language/vi", params={"next": target}, follow_redirects=False)
        assert moved.headers["location"] == "/"


def test_an_edge_that_is_down_gives_a_friendly_page_not_a_stack_trace(browser):
    answer = browser.get("/", headers={"Accept-Language": "vi"})
    assert answer.status_code == 503
    assert "Traceback" not in answer.text and "<h1>" in answer.text
    assert '<html lang="vi">' in answer.text


def test_patron_pages_send_a_reader_who_is_not_signed_in_to_sign_in(browser):
    answer = browser.get("/my", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/sign-in?next=%2Fmy"


def test_an_unknown_page_is_a_not_found_page(browser):
    answer = browser.get("/no-such-page")
    assert answer.status_code == 404 and "<h1>" in answer.text


def test_a_page_that_fails_shows_the_error_page_in_the_readers_language(browser):
    def broken() -> None:
        raise RuntimeError("a bug")

    browser.app.add_api_route("/broken", broken)
    answer = browser.get("/broken", headers={"Accept-Language": "es"})
    assert answer.status_code == 500 and "Algo salió mal" in answer.text and "a bug" not in answer.text


def test_a_visitor_who_only_reads_gets_no_session_cookie(browser):
    calendar_like = browser.get("/sign-in/email")  # a page with a form sets the cookie that carries its token
    assert "set-cookie" in calendar_like.headers
    with TestClient(browser.app, base_url="https://testserver") as fresh:
        reading = fresh.get("/no-such-page")
        assert reading.status_code == 404 and "set-cookie" not in reading.headers
