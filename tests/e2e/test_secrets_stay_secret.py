"""The stack's generated secrets (.state/<stack>/secrets.json: database passwords, the internal token, signing keys)
never reach a log file the stack writes, nor an error answer, nor a response header: the edge and the services are
provoked into their refusals with wrong credentials, and everything they wrote is searched. docs/security.md"""

import json
from pathlib import Path

import httpx

from lantern_edge.auth import Role, mint_token


def _needles(stack) -> dict[str, str]:
    """Each secret, and for PEM keys each line of their body (a key leaks in pieces too)."""
    needles = {}
    for name, value in stack.secrets.items():
        if "-----BEGIN" in value:
            for number, line in enumerate(value.strip().splitlines()[1:-1]):
                if len(line) >= 16:
                    needles[f"{name} (line {number + 1})"] = line
        elif len(value) >= 8:
            needles[name] = value
    needles["twilio_auth_token (derived)"] = stack.twilio_auth_token
    return needles


def _leaks(text: str, needles: dict[str, str]) -> list[str]:
    return [name for name, value in needles.items() if value in text]


def _log_files(stack) -> list[Path]:
    files = [p for p in stack.logs_dir.rglob("*") if p.is_file()]
    files += [stack.postgres.log_path, stack.kafka.log_path, stack.kafka.stdout_path]
    return [p for p in files if p.is_file()]


def test_the_scan_would_see_a_leak(services):
    needles = _needles(services)
    assert {"internal_token", "jwt_secret", "edge_db_password"} <= set(needles)
    assert _leaks(f'{{"message": "connecting with {services.secrets["edge_db_password"]}"}}', needles)


async def test_error_answers_carry_no_secret(services):
    needles = _needles(services)
    wrong_key = mint_token("not-the-stack-secret-0123456789abcdef", role=Role.STAFF, subject="intruder")
    answers = []
    async with httpx.AsyncClient(timeout=15) as client:
        edge = services.config.url("edge")
        answers += [
            await client.get(f"{edge}/api/v1/me", headers={"Authorization": "Bearer not.a.token"}),
            await client.get(f"{edge}/api/v1/me", headers={"Authorization": f"Bearer {wrong_key}"}),
            await client.post(f"{edge}/api/v1/auth/patron/sign-in", json={"card_number": "21000000000001", "pin": "0"}),
            await client.post(f"{edge}/api/v1/auth/patron/sign-in", content=b"{", headers={"content-type": "application/json"}),
            await client.get(f"{edge}/api/v1/patrons/{'0' * 8}", headers={"Authorization": f"Bearer {wrong_key}"}),
        ]
        for service in ("registration", "devices", "partners", "notifications"):
            base = services.config.url(service)
            answers += [
                await client.get(f"{base}/internal/v1/programs"),  # no internal credential
                await client.get(f"{base}/internal/v1/programs", headers={"X-Lantern-Internal-Token": "guess"}),
            ]
    statuses = [a.status_code for a in answers]
    assert all(400 <= s < 500 for s in statuses), statuses
    for answer in answers:
        seen = answer.text + json.dumps(dict(answer.headers))
        assert _leaks(seen, needles) == [], f"{answer.request.method} {answer.request.url}: {answer.status_code}"


def test_no_log_file_holds_a_secret(services):
    needles = _needles(services)
    files = _log_files(services)
    names = {p.name for p in files}
    assert {"edge.log", "registration.log", "server.log"} <= names, f"the stack's logs were not found: {names}"
    assert "Application startup complete" in services.log_file("edge").read_text(), "reading the live logs"
    leaks = {str(p): found for p in files if (found := _leaks(p.read_text(errors="replace"), needles))}
    assert leaks == {}
