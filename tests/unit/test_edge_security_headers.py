"""The edge's security headers, on answers made by every layer (route, problem handler, server error), with HSTS
only where a deployment switches it on. The real edge is checked in tests/e2e/test_security_headers.py."""

import html.parser

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from lantern_edge.headers import API_POLICY, DOCS_POLICY, docs_router, with_security_headers


def _app(hsts: int = 0) -> FastAPI:
    app = FastAPI(docs_url=None, redoc_url=None)
    app.include_router(docs_router("/api/v1/openapi.json", "Lantern API"))

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("unexpected")

    with_security_headers(app, hsts)
    return app


@pytest.mark.parametrize("path", ["/api/v1/openapi.json", "/nowhere", "/boom", "/api/docs/swagger-init.js"])
def test_every_answer_carries_the_headers(path):
    answer = TestClient(_app(), raise_server_exceptions=False).get(path)
    assert answer.headers["content-security-policy"] == API_POLICY
    assert "frame-ancestors 'none'" in API_POLICY and "default-src 'none'" in API_POLICY
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["referrer-policy"] == "no-referrer"
    assert "strict-transport-security" not in answer.headers, "never over the local stack's plain HTTP"


def test_hsts_when_the_deployment_switches_it_on():
    answer = TestClient(_app(hsts=63072000), raise_server_exceptions=False).get("/boom")
    assert answer.status_code == 500
    assert answer.headers["strict-transport-security"] == "max-age=63072000; includeSubDomains"


class _Scripts(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict] = []
        self.inline = ""
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs))
            self._in_script = True

    def handle_endtag(self, tag):
        self._in_script = False if tag == "script" else self._in_script

    def handle_data(self, data):
        if self._in_script:
            self.inline += data.strip()


def test_the_docs_page_has_no_inline_script_and_its_own_policy():
    client = TestClient(_app())
    page = client.get("/api/docs")
    assert page.headers["content-security-policy"] == DOCS_POLICY
    assert "'unsafe-inline'" not in DOCS_POLICY and "'unsafe-eval'" not in DOCS_POLICY
    parser = _Scripts()
    parser.feed(page.text)
    assert parser.inline == "" and all("src" in s for s in parser.scripts)
    init = client.get(next(s["src"] for s in parser.scripts if s["src"].startswith("/")))
    assert init.status_code == 200 and init.headers["content-type"].startswith("text/javascript")
    assert "/api/v1/openapi.json" in init.text
