"""Every answer of the real edge carries its security headers: JSON, problem details, forwarded answers of the
services, health, metrics and the API docs page (which runs no inline script). docs/security.md#http-answers"""

import re

import pytest

from lantern_edge.headers import API_POLICY, DOCS_POLICY

COMMON = {"x-content-type-options": "nosniff", "referrer-policy": "no-referrer", "x-frame-options": "DENY"}


def _assert_headers(answer, policy: str = API_POLICY) -> None:
    for name, value in COMMON.items():
        assert answer.headers.get(name) == value, f"{answer.request.method} {answer.request.url.path}: {name}"
    assert answer.headers.get("content-security-policy") == policy, answer.request.url.path
    assert "strict-transport-security" not in answer.headers, "no HSTS over the test stack's plain HTTP"


@pytest.mark.parametrize("method,path,expected", [
    ("GET", "/api/v1/openapi.json", 200),
    ("GET", "/api/v1/me", 401),                # problem details, no token
    ("GET", "/api/v1/no-such-route", 404),
    ("GET", "/health/live", 200),
    ("GET", "/metrics", 200),
    ("POST", "/api/v1/auth/patron/sign-in", 422),  # a problem naming the missing fields
])
async def test_answers_without_a_token_carry_the_headers(edge, method, path, expected):
    answer = await edge.request(method, path, json={} if method == "POST" else None)
    assert answer.status_code == expected, answer.text
    _assert_headers(answer)


async def test_forwarded_and_refused_answers_carry_the_headers(edge, caller):
    staff = caller.headers("staff")
    listed = await edge.get("/api/v1/programs", headers=staff)  # answered by the registration service
    assert listed.status_code == 200
    _assert_headers(listed)
    refused = await edge.post("/api/v1/programs", headers=caller.headers("patron"), json={})
    assert refused.status_code == 403
    bad = await edge.post("/api/v1/programs", headers={**staff, "content-type": "application/json"}, content=b"{nope")
    assert bad.status_code == 400
    for answer in (refused, bad):
        _assert_headers(answer)


async def test_the_api_docs_page_runs_no_inline_script(edge):
    page = await edge.get("/api/docs")
    assert page.status_code == 200
    _assert_headers(page, DOCS_POLICY)
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page.text, re.S)
    assert scripts and all('src="' in attrs and body.strip() == "" for attrs, body in scripts)
    own = [re.search(r'src="([^"]+)"', attrs).group(1) for attrs, _ in scripts if 'src="/' in attrs]
    init = await edge.get(own[0])
    assert init.status_code == 200 and "SwaggerUIBundle" in init.text
    _assert_headers(init)
