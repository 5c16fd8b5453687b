"""Write path: registering over HTTP (seat decision under the session lock + registration row + outbox row)
against a raw asyncpg transaction of two inserts per request, at the same concurrency."""

import asyncio
import contextlib
import os
import signal
import uuid
from dataclasses import dataclass

import asyncpg
import httpx

from lantern_shared.envelope import new_event

from .common import Bench, Loader, closed_loop, enroll, every_instance, program_and_sessions

RAW_TABLES = """
CREATE TABLE IF NOT EXISTS raw_registrations (
    id uuid PRIMARY KEY, session_id uuid NOT NULL, patron_id uuid NOT NULL, status text NOT NULL,
    registered_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS raw_outbox (
    id bigserial PRIMARY KEY, event_id text NOT NULL UNIQUE, event_type text NOT NULL, topic text NOT NULL,
    key text NOT NULL, payload bytea NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), sent_at timestamptz
);
"""


@dataclass
class WritePathResult:
    requests: int
    concurrency: int
    internal_rate: float
    paused_rate: float  # internal API with the notifications process stopped meanwhile (diagnostic)
    edge_rate: float
    raw_rate: float
    raw_notify_rate: float  # the same two inserts plus a pg_notify, as the outbox trigger sent before shared 0002 (diagnostic)
    internal_errors: int
    edge_errors: int
    commits_per_request: dict = None  # database -> committed transactions per registration (internal API phase)


def _sample_payload() -> bytes:
    """A registration.confirmed CloudEvent the size the service writes (the raw path stores the same bytes)."""
    from lantern_registration.events import REGISTRATION_CONFIRMED, RegistrationConfirmed

    data = RegistrationConfirmed(
        registration_id=uuid.uuid4(), session_id=uuid.uuid4(), patron_id=uuid.uuid4(), session_title="Benchmark workshop",
        starts_at="2030-01-01T17:00:00Z", ends_at="2030-01-01T19:00:00Z", timezone="America/Los_Angeles",
        place_name="Central Library, Room 3", program_kind="digital_literacy_workshop",
    )
    return new_event(type=REGISTRATION_CONFIRMED.type, source="/lantern/registration", data=data,
                     key=str(data.registration_id), dataschema=REGISTRATION_CONFIRMED.dataschema).to_bytes()


async def run(bench: Bench, *, requests: int, concurrency: int, deadline_s: float, log, profile=None) -> WritePathResult:
    stack = bench.stack
    internal = httpx.AsyncClient(base_url=stack.config.url("registration"), headers=bench.internal_headers(), timeout=30)
    internal_load = Loader(every_instance(stack, "registration"), bench.internal_headers(), concurrency)
    edge_load = Loader(every_instance(stack, "edge"), bench.staff_headers(), concurrency)
    try:
        # Enough sessions that `concurrency` requests rarely wait on one session's lock; patrons reachable by phone
        # only (no SMS gateway locally: the notice fails at once), so this step queues no emails behind the others.
        sessions = await program_and_sessions(internal, count=2 * concurrency, capacity=10_000)
        count = max(50, (3 * requests) // len(sessions) + 2)
        patrons = await enroll(internal, [f"+1206555{i:04d}" for i in range(count)])
        pairs = [(s, p) for p in patrons for s in sessions]  # each (patron, session) registers once
        log(f"write path: {len(sessions)} sessions, {len(patrons)} patrons; {requests} requests at concurrency {concurrency}")

        async def register_via(client: Loader, offset: int, errors: list[int]):
            prefix = "/internal/v1" if client is internal_load else "/api/v1"

            async def call(i: int) -> None:
                session, patron = pairs[offset + i]
                status, _ = await client.post(f"{prefix}/sessions/{session}/registrations", {"patron_id": patron})
                if status != 201:
                    errors.append(status)
            return call

        # Warm both paths (connections, first-call imports) before timing.
        warm_errors: list[int] = []
        await closed_loop(concurrency, concurrency, await register_via(internal_load, len(pairs) - 2 * concurrency, warm_errors), deadline_s=30)
        await closed_loop(concurrency, concurrency, await register_via(edge_load, len(pairs) - concurrency, warm_errors), deadline_s=30)

        internal_errors: list[int] = []
        before = await _commits(stack)
        with profile.services("write", ("registration", "notifications")) if profile else contextlib.nullcontext():
            elapsed, done = await closed_loop(requests, concurrency, await register_via(internal_load, 0, internal_errors),
                                              deadline_s=deadline_s)
        internal_rate = (done - len(internal_errors)) / elapsed
        await asyncio.sleep(1.5)  # PostgreSQL flushes its per-database counters at most every second
        after = await _commits(stack)
        per_request = {db: (after[db] - before[db]) / max(done, 1) for db in after}
        log("  commits per registration meanwhile: " + ", ".join(f"{db} {n:.1f}" for db, n in per_request.items()))
        log(f"  registration internal API: {done} in {elapsed:.1f}s = {internal_rate:,.0f}/s ({len(internal_errors)} errors)")

        # Diagnostic: the same, with the notifications process stopped (SIGSTOP) so it does not spend the two cores
        # on the events this load causes; it is continued straight after and catches up.
        paused_errors: list[int] = []
        pid = stack.service_pid("notifications")
        if pid:
            os.kill(pid, signal.SIGSTOP)
        try:
            elapsed, done = await closed_loop(requests, concurrency, await register_via(internal_load, 2 * requests, paused_errors),
                                              deadline_s=deadline_s)
        finally:
            if pid:
                os.kill(pid, signal.SIGCONT)
        paused_rate = (done - len(paused_errors)) / elapsed
        log(f"  internal API, notifications paused: {done} in {elapsed:.1f}s = {paused_rate:,.0f}/s ({len(paused_errors)} errors)")

        edge_errors: list[int] = []
        with profile.services("write", ("edge", "registration"), phase="edge") if profile else contextlib.nullcontext():
            elapsed, done = await closed_loop(requests, concurrency, await register_via(edge_load, requests, edge_errors),
                                              deadline_s=deadline_s)
        edge_rate = (done - len(edge_errors)) / elapsed
        log(f"  through the edge:          {done} in {elapsed:.1f}s = {edge_rate:,.0f}/s ({len(edge_errors)} errors)")
    finally:
        await internal.aclose()
        await internal_load.close()
        await edge_load.close()

    raw_rate = await _raw(bench, requests=requests, concurrency=concurrency, deadline_s=deadline_s)
    log(f"  raw asyncpg (2 inserts/tx): {raw_rate:,.0f}/s")
    raw_notify_rate = await _raw(bench, requests=requests, concurrency=concurrency, deadline_s=deadline_s, notify=True)
    log(f"  raw asyncpg, 2 inserts + pg_notify/tx (what the outbox trigger cost until shared 0002): {raw_notify_rate:,.0f}/s")
    return WritePathResult(requests, concurrency, internal_rate, paused_rate, edge_rate, raw_rate, raw_notify_rate,
                           len(internal_errors), len(edge_errors), per_request)


async def _commits(stack) -> dict[str, int]:
    """Committed transactions so far in the registration and notifications databases (pg_stat_database)."""
    conn = await asyncpg.connect(stack.dsn("registration"))
    try:
        rows = await conn.fetch("SELECT datname, xact_commit FROM pg_stat_database "
                                "WHERE datname IN ('registration', 'notifications')")
    finally:
        await conn.close()
    return {r["datname"]: r["xact_commit"] for r in rows}


async def _raw(bench: Bench, *, requests: int, concurrency: int, deadline_s: float, notify: bool = False) -> float:
    """Two inserts in one transaction per request, `concurrency` at a time on as many connections. With `notify`,
    also pg_notify in the transaction, as the outbox's statement trigger did until shared migration 0002 (PostgreSQL
    serialises the commits of notifying transactions on one lock, which it holds across the WAL flush; the relay is
    now woken in-process instead)."""
    dsn = await bench.scratch_database("bench_raw", [])
    payload = _sample_payload()
    pool = await asyncpg.create_pool(dsn, min_size=concurrency, max_size=concurrency)
    try:
        async with pool.acquire() as conn:
            await conn.execute(RAW_TABLES)

        async def call(_: int) -> None:
            registration_id = uuid.uuid4()
            async with pool.acquire() as conn, conn.transaction():
                await conn.execute(
                    "INSERT INTO raw_registrations (id, session_id, patron_id, status) VALUES ($1, $2, $3, 'confirmed')",
                    registration_id, uuid.uuid4(), uuid.uuid4())
                await conn.execute(
                    "INSERT INTO raw_outbox (event_id, event_type, topic, key, payload) VALUES ($1, $2, $3, $4, $5)",
                    str(uuid.uuid4()), "lantern.registration.confirmed", "lantern.registration.registrations",
                    str(registration_id), payload)
                if notify:
                    await conn.execute("SELECT pg_notify('bench_outbox', '')")

        await closed_loop(concurrency * 4, concurrency, call, deadline_s=30)  # warm
        elapsed, done = await closed_loop(requests, concurrency, call, deadline_s=deadline_s)
        return done / elapsed
    finally:
        await pool.close()
