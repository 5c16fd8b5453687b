"""End to end: registrations through the edge (staff token) until the confirmation email is in the SMTP sink.

Latency is from the moment the HTTP request is sent to the moment the sink's .eml file appears (its mtime: the sink
writes a temporary file and renames it, so the mtime is when the message was written). Emails are matched to
requests by recipient: every registration of a run is for a patron of its own, with a unique address.
"""

import asyncio
import contextlib
import math
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg
import httpx

from lantern_notifications.smtp_sink import recipient_tag

from .common import Bench, Loader, closed_loop, enroll, every_instance, open_loop, program_and_sessions, wait_for
from .report import percentile


class MailWatcher:
    """Scans the sink's folder (every 100 ms) and keeps, per recipient address, when its first email arrived (the
    file's mtime, so the scan interval does not blur the latency; it only decides when the stage sees the end)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.arrived: dict[str, float] = {}  # recipient tag (as in the file name) -> mtime
        self.seen_lag: list[float] = []  # how long after its mtime the watcher saw a file (watcher resolution)
        self._known: set[str] = set()
        self._task: asyncio.Task | None = None

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._known = {e.name for e in os.scandir(self.folder)}  # what is there already is not ours
        self._task = asyncio.create_task(self._watch())

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        self.scan()

    async def _watch(self) -> None:
        while True:
            self.scan()
            await asyncio.sleep(0.1)

    def scan(self) -> None:
        now = time.time()
        for entry in os.scandir(self.folder):
            if entry.name in self._known or not entry.name.endswith(".eml"):
                continue
            self._known.add(entry.name)
            # <UTC stamp>-<first recipient>-<n>.eml; the recipient is confirmed from the To: header below
            match = re.match(r"^[0-9T.Z]+-(.+)-\d+\.eml$", entry.name)
            if not match:
                continue
            mtime = entry.stat().st_mtime
            self.arrived.setdefault(match.group(1), mtime)
            self.seen_lag.append(now - mtime)


def _to_header(path: Path) -> str:
    with path.open("rb") as f:
        for raw in f:
            line = raw.decode("utf-8", "replace")
            if line.lower().startswith("to:"):
                return line[3:].strip()
            if not line.strip():
                return ""
    return ""


@dataclass
class E2EResult:
    requests: int
    concurrency: int
    emails: int
    http_errors: int
    elapsed: float  # first request sent -> last email in
    throughput: float
    http_rate: float
    latencies: list[float] = field(default_factory=list)
    half_rate: float = math.nan
    half_requests: int = 0
    half_emails: int = 0
    half_latencies: list[float] = field(default_factory=list)
    checked_to_headers: int = 0
    http_latencies: list[float] = field(default_factory=list)
    half_http_latencies: list[float] = field(default_factory=list)

    def p(self, q: float, half: bool = False) -> float:
        return percentile(self.half_latencies if half else self.latencies, q)

    def http_p(self, q: float, half: bool = False) -> float:
        return percentile(self.half_http_latencies if half else self.http_latencies, q)


async def run(bench: Bench, *, requests: int, half_requests: int, concurrency: int, deadline_s: float, log,
              half_rate: float | None = None, profile=None) -> E2EResult:
    stack = bench.stack
    internal = httpx.AsyncClient(base_url=stack.config.url("registration"), headers=bench.internal_headers(), timeout=30)
    edge = Loader(every_instance(stack, "edge"), bench.staff_headers(), concurrency)
    notifications = await asyncpg.connect(stack.dsn("notifications"))
    watcher = MailWatcher(stack.config.mail_dir)
    try:
        total = requests + half_requests
        emails = [f"bench-{bench.run}-{i}@example.org" for i in range(total)]
        tags = [recipient_tag(e) for e in emails]  # what the sink names a recipient's files by (never the address)
        sessions = await program_and_sessions(internal, count=2 * concurrency, capacity=10_000)
        log(f"end to end: enrolling {total} patrons (set-up)")
        patrons = await enroll(internal, emails)

        async def known() -> bool:  # notifications must know an address before it can send to it
            n = await notifications.fetchval("SELECT count(*) FROM recipients WHERE email LIKE $1", f"bench-{bench.run}-%")
            return n >= total

        await wait_for(known, timeout=120, what="notifications to learn the patrons' addresses")
        watcher.start()

        sent: dict[str, float] = {}
        answered: dict[str, float] = {}  # HTTP response time (201 = committed), for the breakdown
        errors: list[str] = []

        def call_for(offset: int):
            async def call(i: int) -> None:
                k = offset + i
                sent[emails[k]] = time.time()
                status, body = await edge.post(f"/api/v1/sessions/{sessions[k % len(sessions)]}/registrations",
                                               {"patron_id": patrons[k]})
                answered[emails[k]] = time.time() - sent[emails[k]]
                if status != 201 or not isinstance(body, dict) or body.get("status") != "confirmed":
                    errors.append(f"{status} {str(body)[:200]}")
                    sent.pop(emails[k], None)
            return call

        async def arrived(batch: range) -> int:
            return sum(1 for k in batch if tags[k] in watcher.arrived)

        # 1. as fast as the edge takes them at this concurrency
        log(f"end to end: {requests} registrations at concurrency {concurrency}")
        spied = profile.services("e2e", ("edge", "registration", "notifications")) if profile else contextlib.nullcontext()
        with spied:
            first = time.time()
            http_elapsed, done = await closed_loop(requests, concurrency, call_for(0), deadline_s=deadline_s)
            batch = range(requests)
            expected = len([k for k in batch if emails[k] in sent])
            try:
                await wait_for(lambda: _async(arrived(batch), expected), timeout=max(60, requests / 10),
                               what="the emails", every=0.1)
            except RuntimeError as exc:
                log(f"  {exc}")
        got = [(watcher.arrived[tags[k]] - sent[emails[k]]) for k in batch if emails[k] in sent and tags[k] in watcher.arrived]
        last = max((watcher.arrived[tags[k]] for k in batch if tags[k] in watcher.arrived), default=math.nan)
        elapsed = last - first
        result = E2EResult(requests, concurrency, len(got), len(errors), elapsed, len(got) / elapsed,
                           done / http_elapsed, got)
        result.http_latencies = [answered[emails[k]] for k in batch if emails[k] in sent and emails[k] in answered]
        log(f"  {len(got)}/{requests} emails in {elapsed:.1f}s = {result.throughput:,.1f}/s "
            f"(HTTP alone {result.http_rate:,.0f}/s); p50 {result.p(50)*1000:.0f} ms, p99 {result.p(99)*1000:.0f} ms")

        # 2. at half of that maximum rate, open loop: latency when the system is not saturated
        if half_requests:
            rate = half_rate or result.throughput / 2
            log(f"end to end: {half_requests} registrations at {rate:,.1f}/s (half the maximum), open loop")
            await open_loop(half_requests, rate, call_for(requests), deadline_s=deadline_s)
            half = range(requests, total)
            expected = len([k for k in half if emails[k] in sent])
            try:
                await wait_for(lambda: _async(arrived(half), expected), timeout=60, what="the emails", every=0.1)
            except RuntimeError as exc:
                log(f"  {exc}")
            result.half_rate = rate
            result.half_requests = half_requests
            result.half_latencies = [watcher.arrived[tags[k]] - sent[emails[k]]
                                     for k in half if emails[k] in sent and tags[k] in watcher.arrived]
            result.half_emails = len(result.half_latencies)
            result.half_http_latencies = [answered[emails[k]] for k in half if emails[k] in sent and emails[k] in answered]
            log(f"  {result.half_emails}/{half_requests} emails; p50 {result.p(50, True)*1000:.0f} ms, "
                f"p95 {result.p(95, True)*1000:.0f} ms, p99 {result.p(99, True)*1000:.0f} ms")
        result.http_errors = len(errors)
        if errors:
            log(f"  {len(errors)} registrations refused, e.g. {errors[0]}")
        await watcher.stop()
        # The file name carries a hash of the envelope recipient; check a sample against the To: header itself.
        address_of = dict(zip(tags, emails, strict=True))
        sample = [(path, address_of[m.group(1)]) for path in sorted(stack.config.mail_dir.glob("*.eml"))
                  if (m := re.match(r"^[0-9T.Z]+-(.+)-\d+\.eml$", path.name)) and m.group(1) in address_of][:50]
        for path, address in sample:
            if address not in _to_header(path):
                raise RuntimeError(f"{path.name}: To: header does not name the bench recipient it was filed under")
        result.checked_to_headers = len(sample)
        return result
    finally:
        await notifications.close()
        await internal.aclose()
        await edge.close()


async def _async(count_coro, expected: int) -> bool:
    return await count_coro >= expected
