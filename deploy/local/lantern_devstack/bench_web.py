"""`make bench-web`: the web app's speed. Server render time of the calendar with 500 upcoming sessions (p50/p95 of
the whole answer, edge calls included, and of the template alone), then Lighthouse (npm lighthouse@12.2.3 on the
machine's Chromium) on the calendar and a session page: performance, accessibility, best-practices, LCP.

    uv run --no-sync python -m lantern_devstack.bench_web [--slot N] [--requests 200] [--keep] [--no-lighthouse]

It starts a stack of its own on test slot N (default LANTERN_BENCH_SLOT or 7), seeds it through the edge, measures,
prints a table and wipes the stack (unless --keep). Everything listens on 127.0.0.1; every loop is bounded.
"""

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta

import httpx

from .stack import Stack, test_config
from .web import web_url

SESSIONS = 500
PROGRAMS = 10
LIGHTHOUSE = "lighthouse@12.2.3"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage")


async def seed(edge: str, token: str) -> str:
    """Ten programs in five languages and 500 sessions over the next 60 days; returns one session's id."""
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=f"{edge}/api/v1", headers=headers, timeout=30) as api:
        programs = []
        for n in range(PROGRAMS):
            made = await api.post("/programs", json={
                "kind": ["digital_literacy_workshop", "job_skills_training", "class"][n % 3], "fallback_language": "en",
                "languages": ["en", "es", "vi", "zh-Hans", "ru"], "host": {"kind": "branch", "branch": "Central"},
                "titles": {"en": f"Computer basics {n}", "es": f"Computación básica {n}", "vi": f"Tin học cơ bản {n}",
                           "zh-Hans": f"电脑基础 {n}", "ru": f"Основы компьютера {n}"}})
            made.raise_for_status()
            programs.append(made.json()["id"])
        start = datetime.now(UTC).replace(second=0, microsecond=0) + timedelta(hours=2)
        gate = asyncio.Semaphore(8)

        async def one(n: int) -> str:
            begins = start + timedelta(minutes=173 * n)
            async with gate:
                made = await api.post("/sessions", json={
                    "program_id": programs[n % PROGRAMS], "starts_at": begins.isoformat(),
                    "ends_at": (begins + timedelta(hours=1)).isoformat(), "timezone": "America/Los_Angeles",
                    "place": {"kind": "branch", "name": f"Branch {n % 7}"}, "capacity": 1 + n % 20,
                    "languages": ["en", "es"] if n % 2 else ["vi", "en"]})
                made.raise_for_status()
                return str(made.json()["id"])

        ids = await asyncio.gather(*(one(n) for n in range(SESSIONS)))
        return ids[0]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def render_times(url: str, requests: int, language: str) -> list[float]:
    times = []
    with httpx.Client(base_url=url, timeout=30, headers={"Accept-Language": language}) as browser:
        browser.get("/").raise_for_status()  # warm: the programs copy, connections
        deadline = time.monotonic() + 300
        for _ in range(requests):
            began = time.perf_counter()
            browser.get("/").raise_for_status()
            times.append((time.perf_counter() - began) * 1000)
            if time.monotonic() > deadline:
                break
    return times


def template_times(edge: str, requests: int) -> tuple[list[float], int]:
    """The calendar template alone, with the sessions the page shows (what Jinja and Babel cost per page)."""
    from starlette.requests import Request

    from lantern_web import i18n
    from lantern_web.app import create_app
    from lantern_web.areas import public
    from lantern_web.catalog import session_view
    from lantern_web.edge_api.models import PageProgram, PageSession
    from lantern_web.pages import render
    from lantern_web.settings import WebSettings

    sessions = PageSession.from_dict(httpx.get(f"{edge}/api/v1/sessions", params={"limit": 200}, timeout=30).json())
    programs = {str(p.id): p for p in PageProgram.from_dict(
        httpx.get(f"{edge}/api/v1/programs", params={"limit": 200}, timeout=30).json()).items}
    app = create_app(WebSettings())
    scope = {"type": "http", "method": "GET", "path": "/", "query_string": b"", "headers": [], "app": app,
             "session": {}}
    times = []
    i18n.current_language.set("vi")
    for _ in range(requests):
        began = time.perf_counter()
        views = [session_view(s, programs.get(str(s.program_id))) for s in sessions.items][:public.PAGE]
        render(Request(scope), "public/calendar.html", sessions=views, next_cursor=None, kinds=public.KINDS,
               audiences=public.AUDIENCES, places=[], languages=list(i18n.LANGUAGES), chosen={}, errors={})
        times.append((time.perf_counter() - began) * 1000)
    return times, len(sessions.items)


def lighthouse(url: str) -> dict[str, float]:
    npx = shutil.which("npx")
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if npx is None or not os.path.exists(chrome):
        raise SystemExit("bench-web: Lighthouse needs npx (Node) and Chromium (CHROME_PATH)")
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "report.json")
        subprocess.run([npx, "--yes", LIGHTHOUSE, url, "--quiet", "--output=json", f"--output-path={report}",
                        "--only-categories=performance,accessibility,best-practices", f"--chrome-flags={CHROME_FLAGS}",
                        "--form-factor=mobile", "--throttling-method=simulate"],
                       check=True, timeout=300, env={**os.environ, "CHROME_PATH": chrome},
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        data = json.loads(open(report, encoding="utf-8").read())
    return {"performance": data["categories"]["performance"]["score"] * 100,
            "accessibility": data["categories"]["accessibility"]["score"] * 100,
            "best-practices": data["categories"]["best-practices"]["score"] * 100,
            "lcp_ms": data["audits"]["largest-contentful-paint"]["numericValue"]}


def main() -> None:
    parser = argparse.ArgumentParser(prog="bench-web", description=__doc__)
    parser.add_argument("--slot", type=int, default=int(os.environ.get("LANTERN_BENCH_SLOT", "7")))
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="leave the stack up afterwards")
    parser.add_argument("--no-lighthouse", action="store_true")
    args = parser.parse_args()
    stack = Stack(test_config(args.slot))
    stack.wipe()
    try:
        stack.start_infrastructure()
        stack.start_services()
        stack.start_web()
        url = web_url(stack)
        session_id = asyncio.run(seed(stack.config.url("edge"), stack.token("staff", f"bench-web-{uuid.uuid4().hex[:6]}")))
        http = render_times(url, args.requests, "vi")
        template, shown = template_times(stack.config.url("edge"), args.requests)
        rows = [("calendar, whole answer (edge calls included), vi", http),
                (f"calendar template alone ({min(shown, 100)} sessions shown)", template)]
        print(f"\nWeb app: calendar with {SESSIONS} upcoming sessions ({args.requests} sequential requests)\n")
        print(f"| {'what':<52} | p50 ms | p95 ms | target |")
        print(f"|{'-' * 54}|--------|--------|--------|")
        for name, values in rows:
            print(f"| {name:<52} | {statistics.median(values):6.1f} | {percentile(values, 0.95):6.1f} | p95 <= 100 |")
        if not args.no_lighthouse:
            print(f"\nLighthouse {LIGHTHOUSE.split('@')[1]} (mobile, simulated throttling), goal >= 95 each\n")
            print("| page | performance | accessibility | best practices | LCP ms |")
            print("|---|---|---|---|---|")
            for name, page in (("calendar", "/"), ("session page", f"/sessions/{session_id}")):
                scores = lighthouse(url + page)
                print(f"| {name} | {scores['performance']:.0f} | {scores['accessibility']:.0f} | "
                      f"{scores['best-practices']:.0f} | {scores['lcp_ms']:.0f} |")
    finally:
        if not args.keep:
            stack.wipe()


if __name__ == "__main__":
    main()
