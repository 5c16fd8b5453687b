"""What every benchmark shares: the bench's own stack, extra databases, HTTP setup calls, a bounded load loop."""

import asyncio
import json
import os
import secrets
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import aiohttp
import asyncpg
import httpx

from lantern_shared.http import INTERNAL_TOKEN_HEADER
from lantern_shared.migrations import MigrationSource, migrate

from ..stack import Stack

SLOT = int(os.environ.get("LANTERN_BENCH_SLOT", "7"))  # test slot 7 by default: apart from the dev stack and test runs


@dataclass
class Bench:
    stack: Stack
    run: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    _passwords: dict[str, str] = field(default_factory=dict)

    def internal_headers(self) -> dict[str, str]:
        return {INTERNAL_TOKEN_HEADER: self.stack.secrets["internal_token"]}

    def staff_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.stack.token('staff', 'bench-staff')}"}

    async def scratch_database(self, name: str, sources: list[MigrationSource]) -> str:
        """A database of the bench's own on the stack's server (nothing a service reads), migrated; its DSN."""
        password = self._passwords.setdefault(name, secrets.token_urlsafe(18))
        await asyncio.to_thread(self.stack.postgres.ensure_service_database, name, password)
        dsn = f"postgresql://{name}:{password}@127.0.0.1:{self.stack.config.postgres_port}/{name}"
        if sources:
            conn = await asyncpg.connect(dsn)
            try:
                await migrate(conn, sources)
            finally:
                await conn.close()
        return dsn


def every_instance(stack: Stack, service: str) -> list[str]:
    """The addresses of all of a service's instances (one unless the stack runs several)."""
    return [stack.instance_url(name) for name in stack.instances(service)]


class Loader:
    """The client of the timed loads: aiohttp, the lightest asyncio HTTP client at hand, so that the load generator,
    on the same two cores, takes as little as it can from the services it measures (set-up calls use httpx)."""

    def __init__(self, base_urls: str | list[str], headers: dict[str, str], concurrency: int) -> None:
        """`base_urls`: one address, or a service's instances, each taking the next call in turn."""
        self.bases = [base_urls] if isinstance(base_urls, str) else base_urls
        self._turn = 0
        self.session = aiohttp.ClientSession(
            headers=headers, timeout=aiohttp.ClientTimeout(total=30),
            connector=aiohttp.TCPConnector(limit=concurrency),
        )

    async def post(self, path: str, body: dict) -> tuple[int, dict | str]:
        self._turn = (self._turn + 1) % len(self.bases)
        async with self.session.post(self.bases[self._turn] + path, json=body) as answer:
            text = await answer.text()
            return answer.status, json.loads(text) if answer.content_type.endswith("json") else text

    async def close(self) -> None:
        await self.session.close()


async def closed_loop(count: int, concurrency: int, call: Callable[[int], Awaitable[None]], *,
                      deadline_s: float) -> tuple[float, int]:
    """`count` calls by `concurrency` workers, each taking the next index; bounded by a deadline too.
    Returns (elapsed seconds, calls completed)."""
    next_index = iter(range(count))
    done = 0
    stop_at = time.monotonic() + deadline_s

    async def worker() -> None:
        nonlocal done
        for i in next_index:
            if time.monotonic() > stop_at:
                return
            await call(i)
            done += 1

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - started, done


async def open_loop(count: int, per_second: float, call: Callable[[int], Awaitable[None]], *, deadline_s: float) -> float:
    """`count` calls started at a fixed rate whatever the answers take (latency under a given load)."""
    started = time.perf_counter()
    tasks = []
    for i in range(count):
        due = started + i / per_second
        if (wait := due - time.perf_counter()) > 0:
            await asyncio.sleep(wait)
        tasks.append(asyncio.create_task(call(i)))
    await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), timeout=deadline_s)
    return time.perf_counter() - started


def expect(answer: httpx.Response, status: int = 201) -> dict:
    if answer.status_code != status:
        raise RuntimeError(f"{answer.request.method} {answer.request.url.path}: {answer.status_code} {answer.text[:300]}")
    return answer.json()


async def program_and_sessions(client: httpx.AsyncClient, count: int, capacity: int) -> list[str]:
    """One workshop program and `count` sessions of it (seat decisions lock a session: spread the load)."""
    program = expect(await client.post("/internal/v1/programs", json={
        "kind": "digital_literacy_workshop", "fallback_language": "en", "languages": ["en"],
        "titles": {"en": "Benchmark workshop"}, "host": {"kind": "branch", "branch": "Central"},
    }))
    starts = datetime.now(UTC).replace(microsecond=0) + timedelta(days=10)
    sessions = []
    for i in range(count):
        begin = starts + timedelta(hours=3 * i)
        sessions.append(expect(await client.post("/internal/v1/sessions", json={
            "program_id": program["id"], "starts_at": begin.isoformat(), "ends_at": (begin + timedelta(hours=2)).isoformat(),
            "timezone": "America/Los_Angeles", "place": {"kind": "branch", "name": "Central Library, Room 3"},
            "capacity": capacity, "devices_needed": {},
        }))["id"])
    return sessions


async def enroll(client: httpx.AsyncClient, emails: list[str | None], *, concurrency: int = 16,
                 deadline_s: float = 300) -> list[str]:
    """Patrons through the registration service's internal API (set-up, not measured); their ids in order."""
    ids: list[str | None] = [None] * len(emails)

    async def one(i: int) -> None:
        body = {"name": f"Bench Patron {i}", "preferred_language": "en"}
        contact = emails[i]
        if contact and contact.startswith("+"):  # a phone number: no SMS gateway locally, the notice fails at once
            body |= {"phone": contact}
        elif contact:
            body |= {"email": contact, "consent_to_contact": True}
        ids[i] = expect(await client.post("/internal/v1/patrons", json=body))["id"]

    _, done = await closed_loop(len(emails), concurrency, one, deadline_s=deadline_s)
    if done != len(emails):
        raise RuntimeError(f"enrolled only {done} of {len(emails)} patrons in {deadline_s:.0f}s")
    return [i for i in ids if i]


async def wait_for(probe: Callable[[], Awaitable[bool]], *, timeout: float, what: str, every: float = 0.25) -> None:
    deadline = time.monotonic() + timeout
    while not await probe():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out after {timeout:.0f}s waiting for {what}")
        await asyncio.sleep(every)
