"""The dashboards and alerts are real: Debian's Prometheus scrapes the running services (with Lantern's alert and
recording rules), a burst of activity happens, then every Grafana panel query, recording rule and alert expression
in deploy/ is evaluated through Prometheus's HTTP API. A panel whose query matches nothing fails the test."""

import asyncio
import importlib.util
import shutil
import socket
import subprocess
import time
import uuid
from datetime import timedelta

import httpx
import pytest
import yaml

from tests.e2e.test_flows import enroll, program_and_session
from tests.support import REPO, eventually, produce

SERVICES = ("edge", "registration", "devices", "partners", "notifications")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def prometheus(services, tmp_path_factory):
    binary = shutil.which("prometheus")
    assert binary, "Prometheus is installed by scripts/bootstrap.sh (Debian's package `prometheus`)"
    folder = tmp_path_factory.mktemp("prometheus")
    port = _free_port()
    config = {
        "global": {"scrape_interval": "1s", "evaluation_interval": "1s",
                   "external_labels": {"deployment": "lantern", "runbook_base": "file://" + str(REPO)}},
        "rule_files": [str(p) for p in sorted((REPO / "deploy/prometheus/rules").glob("*.yml"))],
        "scrape_configs": [
            {"job_name": "lantern", "metrics_path": "/metrics", "static_configs": [
                {"targets": [f"127.0.0.1:{services.config.http_port(s)}"], "labels": {"service": s}} for s in SERVICES]},
            {"job_name": "prometheus", "static_configs": [{"targets": [f"127.0.0.1:{port}"]}]},
        ],
    }
    (folder / "prometheus.yml").write_text(yaml.safe_dump(config))
    log = (folder / "prometheus.log").open("w")
    process = subprocess.Popen(
        [binary, f"--config.file={folder / 'prometheus.yml'}", f"--storage.tsdb.path={folder / 'data'}",
         f"--web.listen-address=127.0.0.1:{port}"], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/-/ready", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, (folder / "prometheus.log").read_text()[-3000:]
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


async def test_every_dashboard_panel_and_alert_rule_answers_on_the_live_stack(prometheus, services, staff, edge, caller):
    async def scraped_all() -> bool:
        async with httpx.AsyncClient() as client:
            targets = (await client.get(f"{prometheus}/api/v1/targets")).json()["data"]["activeTargets"]
        return len([t for t in targets if t["labels"].get("job") == "lantern" and t["health"] == "up"]) == len(SERVICES)

    await eventually(scraped_all, timeout=60, what="Prometheus to scrape every service")
    # A burst after Prometheus started, so rates and increases have something to show.
    session = await program_and_session(staff, capacity=1, starts_in=timedelta(minutes=30))
    patrons = []
    for name in ("Burst One", "Burst Two"):
        patrons.append(await enroll(staff, name))
        await edge.post(f"/api/v1/sessions/{session['id']}/registrations", json={},
                        headers=caller.headers("patron", patron_id=patrons[-1]["id"]))
    checked_in = await staff.post(f"/api/v1/sessions/{session['id']}/check-ins", json={"patron_id": patrons[0]["id"]})
    assert checked_in.status_code == 201, checked_in.text
    tablet = await staff.post("/api/v1/devices", json={"kind": "tablet", "asset_tag": f"TB-{uuid.uuid4().hex[:8]}",
                                                        "serial": f"SN-{uuid.uuid4().hex}", "home_branch": "Central"})

    async def lent() -> bool:
        answer = await staff.post("/api/v1/loans", json={"borrower_id": patrons[1]["id"], "device_id": tablet.json()["id"]})
        return answer.status_code == 201

    await eventually(lent, timeout=60, what="a loan (devices must know the patron first)")
    await produce(services, "lantern.inbound.checkins", [(b"poison", b"{not json", [])])
    await _wait_for_series(prometheus, "lantern_dlq_events_total")
    await _wait_for_series(prometheus, "lantern_notifications_sent_total")

    spec = importlib.util.spec_from_file_location("check_queries", REPO / "deploy/prometheus/check_queries.py")
    check_queries = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check_queries)
    # Recording rules built on recording rules fill in over a few of their 30 s evaluation rounds.
    deadline = time.monotonic() + 120
    while True:
        problems, _, answered = await asyncio.to_thread(check_queries.check, prometheus)
        if not problems or time.monotonic() > deadline:
            break
        await asyncio.sleep(5)
    assert not problems, "\n".join(problems)
    assert answered > 50, f"only {answered} queries answered"


async def _wait_for_series(prometheus: str, metric: str) -> None:
    async def present() -> bool:
        async with httpx.AsyncClient() as client:
            answer = await client.get(f"{prometheus}/api/v1/query", params={"query": metric})
        return bool(answer.json()["data"]["result"])

    await eventually(present, timeout=60, what=f"{metric} in Prometheus")
