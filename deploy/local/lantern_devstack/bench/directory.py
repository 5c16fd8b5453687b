"""`uv run python -m lantern_devstack.bench.directory [--services 50000]`: the referral directory's search latency on
a seeded state-wide directory (the size a 211 system holds), measured against the real PostgreSQL of the bench's
stack with the partners service's own migrations and the very query the service runs. Prints p50/p95/max per kind
of search; the goal is p95 <= 50 ms. Only PostgreSQL is started; the scratch database is dropped afterwards."""

import argparse
import asyncio
import os
import random
import statistics
import time
import uuid
from datetime import date, datetime
from datetime import time as clock_time
from zoneinfo import ZoneInfo

import asyncpg

from lantern_partners.app import MIGRATIONS
from lantern_partners.domain.directory import DirectoryQuery
from lantern_partners.domain.records import NEEDS, PartnerRecord
from lantern_partners.store import directory, hsds, partners
from lantern_shared.migrations import sources_for

from ..stack import Stack, test_config
from .common import SLOT, Bench

DATABASE = "bench_directory"
LANGUAGES = ["en", "es", "vi", "zh-Hans", "ru", "so", "ar", "es-MX"]
WORDS = ["career", "résumé", "clinic", "laptop", "tutoring", "pantry", "housing", "legal", "computer", "class",
         "tiếng", "việt", "español", "ayuda", "empleo", "semana", "navigator", "wifi", "hotspot", "citizenship",
         "seniors", "youth", "literacy", "coding", "telehealth", "benefits", "childcare", "english", "math", "bus"]
CITIES = [(39.96, -83.00, "432"), (41.50, -81.69, "441"), (39.10, -84.51, "452"), (41.65, -83.54, "436"),
          (41.08, -81.52, "443"), (39.76, -84.19, "454"), (40.80, -81.38, "447"), (40.37, -82.69, "430")]


def organization(rng: random.Random, index: int, services: int) -> PartnerRecord:
    lat0, lon0, zip3 = rng.choice(CITIES)
    locations = []
    for _ in range(rng.randint(1, 2)):
        locations.append({
            "id": uuid.uuid4(), "kind": "physical", "address_1": f"{rng.randint(1, 9999)} Main St", "city": "Ohio",
            "state_province": "OH", "postal_code": f"{zip3}{rng.randint(0, 99):02d}", "country": "US",
            "latitude": round(lat0 + rng.gauss(0, 0.15), 5), "longitude": round(lon0 + rng.gauss(0, 0.15), 5)})
    records = []
    for _ in range(services):
        words = " ".join(rng.sample(WORDS, 3))
        hours = [{"byday": rng.sample(["MO", "TU", "WE", "TH", "FR", "SA"], 3), "opens_at": "09:00",
                  "closes_at": rng.choice(["12:00", "17:00", "20:00"])}] if rng.random() < 0.7 else []
        records.append({
            "name": f"{words.title()} {index}", "description": f"Help with {words} for the community.",
            "needs": rng.sample(list(NEEDS), rng.randint(1, 3)), "languages": rng.sample(LANGUAGES, rng.randint(1, 3)),
            "minimum_age": rng.choice([None, None, 18, 55]), "schedules": hours,
            "location_ids": [rng.choice(locations)["id"]] if rng.random() < 0.5 else [],
            "verified_on": date(2026, rng.randint(1, 12), rng.randint(1, 28)) if rng.random() < 0.8 else None})
    return PartnerRecord.model_validate({"name": f"Organization {index}", "kind": "community_organization",
                                         "locations": locations, "services": records, "contacts": []})


async def seed(conn: asyncpg.Connection, total: int, rng: random.Random, log) -> None:
    per_org, batch = 5, 200
    organizations = total // per_org
    started = time.perf_counter()
    for first in range(0, organizations, batch):
        async with conn.transaction():
            for index in range(first, min(first + batch, organizations)):
                record = organization(rng, index, per_org)
                org_id = uuid.uuid4()
                await partners.insert_partner(conn, org_id, record, f"seed-{index}", "active", "bench")
                await partners.reindex(conn, org_id, record)
        if (first // batch) % 10 == 0:
            log(f"seeded {min(first + batch, organizations) * per_org:,} services")
    await conn.execute("VACUUM ANALYZE")
    log(f"seeded {organizations * per_org:,} services in {time.perf_counter() - started:.0f} s")


def queries(rng: random.Random) -> dict:
    """Kinds of search staff and other directories make, each a function of a random generator."""
    def near() -> tuple[float, float]:
        lat, lon, _ = rng.choice(CITIES)
        return lat + rng.gauss(0, 0.05), lon + rng.gauss(0, 0.05)

    return {
        "need + language, ranked by distance": lambda: DirectoryQuery(
            needs=[rng.choice(list(NEEDS))], language=rng.choice(LANGUAGES), near=near()),
        "need within 10 km": lambda: DirectoryQuery(needs=[rng.choice(list(NEEDS))], near=near(), radius_km=10),
        "anything within 5 km": lambda: DirectoryQuery(near=near(), radius_km=5),
        "words (full text) + language": lambda: DirectoryQuery(text=rng.choice(WORDS), language=rng.choice(LANGUAGES)),
        "postal code + need": lambda: DirectoryQuery(postal_code=f"{rng.choice(CITIES)[2]}{rng.randint(0, 99):02d}",
                                                     needs=[rng.choice(list(NEEDS))]),
        "need + age + open now": lambda: DirectoryQuery(needs=[rng.choice(list(NEEDS))], age=30, open_now=True),
        "two needs, no place (ranks all that meet one)": lambda: DirectoryQuery(needs=rng.sample(list(NEEDS), 2)),
    }


class BackendCpu:
    """CPU seconds the database backend of `conn` has used (it runs on this machine): on a machine shared with other
    work, wall-clock latency mostly measures waiting for a core; this says what a query itself costs."""

    def __init__(self, pid: int) -> None:
        self.path = f"/proc/{pid}/stat"

    def __call__(self) -> float:
        try:
            fields = open(self.path).read().rsplit(")", 1)[1].split()
        except OSError:
            return float("nan")
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def measure(conn: asyncpg.Connection, rounds: int, rng: random.Random) -> tuple[dict, dict]:
    local_now = datetime.combine(date(2026, 12, 2), clock_time(10, 30), ZoneInfo("America/New_York"))
    # One backend does all the work, so its CPU is all the query's (parallel workers would hide theirs).
    await conn.execute("SET max_parallel_workers_per_gather = 0")
    cpu = BackendCpu(await conn.fetchval("SELECT pg_backend_pid()"))
    timings: dict[str, list[float]] = {}
    cpu_used: dict[str, float] = {}
    kinds = queries(rng)
    for _ in range(3):  # warm the cache and the plans
        for make in kinds.values():
            await directory.search(conn, make(), local_now, after=None, limit=21)
    for name, make in kinds.items():
        before = cpu()
        for _ in range(rounds):
            query = make()
            started = time.perf_counter()
            await directory.search(conn, query, local_now, after=None, limit=21)
            timings.setdefault(name, []).append(time.perf_counter() - started)
        cpu_used[name] = (cpu() - before) / rounds
    hsds_search = "HSDS /services?search= (page of 50, with total)"
    before = cpu()
    for _ in range(rounds):  # the HSDS read API's search page
        f = hsds.ServiceFilter(search=rng.choice(WORDS))
        started = time.perf_counter()
        await hsds.services(conn, f, 0, 50)
        timings.setdefault(hsds_search, []).append(time.perf_counter() - started)
    cpu_used[hsds_search] = (cpu() - before) / rounds
    return timings, cpu_used


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def table(timings: dict[str, list[float]], cpu_used: dict[str, float]) -> str:
    everything = [t for ts in timings.values() for t in ts]
    rows = [(name, ts) for name, ts in timings.items()] + [("all searches", everything)]
    cpu_used = cpu_used | {"all searches": statistics.mean(cpu_used.values())}
    width = max(len(name) for name, _ in rows)
    lines = [f"| {'search':<{width}} | n | p50 | p95 | max | database CPU per search (mean) |",
             f"|{'-' * (width + 2)}|---|---|---|---|---|"]
    for name, ts in rows:
        lines.append(f"| {name:<{width}} | {len(ts)} | {ms(statistics.median(ts))} | {ms(percentile(ts, 0.95))} | "
                     f"{ms(max(ts))} | {ms(cpu_used[name])} |")
    return "\n".join(lines)


async def main(args: argparse.Namespace) -> None:
    def log(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)

    stack = Stack(test_config(SLOT))
    log(f"PostgreSQL of test slot {SLOT}")
    await asyncio.to_thread(stack.postgres.start)
    bench = Bench(stack)
    dsn = await bench.scratch_database(DATABASE, sources_for("partners", MIGRATIONS, backbone=False))
    conn = await asyncpg.connect(dsn)
    try:
        rng = random.Random(args.seed)
        if await conn.fetchval("SELECT count(*) FROM services") < args.services:
            await conn.execute("TRUNCATE organizations CASCADE")
            await seed(conn, args.services, rng, log)
        log(f"{await conn.fetchval('SELECT count(*) FROM services'):,} services, "
            f"{await conn.fetchval('SELECT count(*) FROM service_places'):,} places; measuring")
        load = os.getloadavg()[0]
        timings, cpu_used = await measure(conn, args.rounds, rng)
    finally:
        await conn.close()
    print(table(timings, cpu_used), flush=True)
    print(f"load average (1 min) {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end, on {os.cpu_count()} cores",
          flush=True)
    if not args.keep:
        await asyncio.to_thread(stack.postgres.drop_service_database, DATABASE)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--services", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=60, help="searches of each kind")
    parser.add_argument("--seed", type=int, default=20261205)
    parser.add_argument("--keep", action="store_true", help="keep the seeded database for the next run")
    asyncio.run(main(parser.parse_args()))
