"""`uv run python -m lantern_devstack.bench [--quick]`: start a stack of the bench's own (test slot 7) from nothing,
run the four benchmarks, print the table, stop and forget the stack."""

import argparse
import asyncio
import dataclasses
import json
import math
import os
import platform
import subprocess
import sys
import time
from dataclasses import asdict
from importlib.metadata import version

from lantern_shared.settings import ServiceSettings

from ..stack import Stack, test_config
from . import catchup, e2e, footprint, relay, writepath
from .common import SLOT, Bench
from .profiling import Profiles
from .report import Row, fmt_ms, fmt_rate, ratio, table

FULL = dict(e2e=2000, e2e_half=1000, write=3000, relay=100_000, catchup=100_000)
QUICK = dict(e2e=150, e2e_half=60, write=400, relay=5_000, catchup=5_000)
STAGES = ("write", "e2e", "relay", "catchup", "footprint")


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def machine() -> dict[str, str]:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    mem = next((line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal")), "0")
    load = os.getloadavg()
    pg = subprocess.run(["bash", "-c", "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/postgres --version"],
                        capture_output=True, text=True).stdout.strip()
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    return {
        "cpu": cpu, "nproc": str(os.cpu_count()), "memory": f"{int(mem) / 1024 / 1024:.1f} GiB",
        "kernel": platform.release(), "python": platform.python_version(),
        "postgresql": pg or "?", "java": java[0] if java else "?",
        "aiokafka": version("aiokafka"), "asyncpg": version("asyncpg"), "faststream": version("faststream"),
        "httpx": version("httpx"), "uvicorn": version("uvicorn"), "fastapi": version("fastapi"),
        "aiosmtplib": version("aiosmtplib"), "load average at start": " ".join(f"{x:.2f}" for x in load),
    }


async def measure(bench: Bench, n: dict, args, profile) -> dict:
    results: dict = {}
    memory = footprint.Footprint()
    if "footprint" in args.only:
        await asyncio.sleep(3)  # past the start-up's first consumer-group joins and relay rounds
        memory.idle_mib = footprint.sample(bench.stack)
        log("resident memory idle: " + ", ".join(f"{s} {m:.0f} MiB" for s, m in memory.idle_mib.items()))
    async with footprint.peak_while(bench.stack, memory):
        await _stages(bench, n, args, profile, results)
    if "footprint" in args.only:
        log("start-up: each service restarted alone")
        await asyncio.to_thread(footprint.time_to_ready, bench.stack, memory, log)
        results["footprint"] = memory
    return results


async def _stages(bench: Bench, n: dict, args, profile, results: dict) -> None:
    c = args.concurrency
    if "e2e" in args.only:
        results["e2e"] = await e2e.run(bench, requests=n["e2e"], half_requests=n["e2e_half"], concurrency=c,
                                       deadline_s=args.stage_timeout, log=log, profile=profile)
    if "write" in args.only:
        results["write"] = await writepath.run(bench, requests=n["write"], concurrency=c, deadline_s=args.stage_timeout,
                                               log=log, profile=profile)
        await drain_notifications(bench)
    if "relay" in args.only:
        results["relay"] = await relay.run(bench, events=n["relay"], batch_size=args.relay_batch, lanes=args.relay_lanes,
                                           deadline_s=args.stage_timeout, log=log, profile=profile)
    if "catchup" in args.only:
        results["catchup"] = await catchup.run(bench, events=n["catchup"], deadline_s=args.stage_timeout, log=log,
                                               profile=profile)


async def drain_notifications(bench: Bench, quiet_s: float = 3, timeout: float = 180) -> None:
    """Let notifications finish with what the write path caused (its inbox stops growing) before the next stage."""
    import asyncpg

    conn = await asyncpg.connect(bench.stack.dsn("notifications"))
    try:
        last, still_since, deadline = -1, time.monotonic(), time.monotonic() + timeout
        while time.monotonic() < deadline:
            count = await conn.fetchval("SELECT count(*) FROM inbox")
            if count != last:
                last, still_since = count, time.monotonic()
            elif time.monotonic() - still_since >= quiet_s:
                break
            await asyncio.sleep(0.5)
        log(f"notifications settled ({last} events in its inbox)")
    finally:
        await conn.close()


def rows(results: dict) -> list[Row]:
    out = []
    w = results.get("write")
    if w:
        r = ratio(w.internal_rate, w.raw_rate)
        out.append(Row(f"write path, registration internal API, c={w.concurrency}", fmt_rate(w.internal_rate),
                       fmt_rate(w.raw_rate) + " (asyncpg, 2 inserts/tx)", r, ">= 50%", r >= 0.5))
        e = ratio(w.edge_rate, w.internal_rate)
        out.append(Row(f"write path through the edge (staff JWT), c={w.concurrency}", fmt_rate(w.edge_rate),
                       fmt_rate(w.internal_rate) + " (the internal API)", e, ">= 80%", None if math.isnan(e) else e >= 0.8))
        out.append(Row("  diagnostic: internal API with notifications paused (SIGSTOP)", fmt_rate(w.paused_rate),
                       fmt_rate(w.raw_rate), ratio(w.paused_rate, w.raw_rate), "(info)"))
        out.append(Row("  diagnostic: raw 2 inserts + pg_notify per tx (the trigger before 0002)", fmt_rate(w.raw_notify_rate),
                       fmt_rate(w.raw_rate), ratio(w.raw_notify_rate, w.raw_rate), "(info)"))
    x = results.get("e2e")
    if x:
        raw = w.raw_rate if w else math.nan
        r = ratio(x.throughput, raw)
        out.append(Row(f"end to end edge -> email, {x.emails}/{x.requests} at c={x.concurrency}",
                       fmt_rate(x.throughput), fmt_rate(raw) + " (raw write path)", r, ">= 35%",
                       None if math.isnan(r) else r >= 0.35))
        out.append(Row("  latency request -> email at max rate, p50/p95/p99",
                       f"{fmt_ms(x.p(50))} / {fmt_ms(x.p(95))} / {fmt_ms(x.p(99))}"))
        out.append(Row("    of which the HTTP answer (201, committed), p50/p95/p99",
                       f"{fmt_ms(x.http_p(50))} / {fmt_ms(x.http_p(95))} / {fmt_ms(x.http_p(99))}"))
        if x.half_requests:
            p99 = x.p(99, True)
            out.append(Row(f"  at half the max rate ({x.half_rate:,.1f}/s, {x.half_emails}/{x.half_requests}), p50/p95/p99",
                           f"{fmt_ms(x.p(50, True))} / {fmt_ms(x.p(95, True))} / {fmt_ms(p99)}", target="p99 <= 250 ms",
                           met=p99 <= 0.25))
            out.append(Row("    of which the HTTP answer, p50/p95/p99",
                           f"{fmt_ms(x.http_p(50, True))} / {fmt_ms(x.http_p(95, True))} / {fmt_ms(x.http_p(99, True))}"))
    rl = results.get("relay")
    if rl:
        r = ratio(rl.relay_rate, rl.raw_rate)
        out.append(Row(f"outbox relay, {rl.relay_published:,} rows, batch {rl.batch_size} x {rl.lanes} lanes", fmt_rate(rl.relay_rate),
                       fmt_rate(rl.raw_rate) + " (aiokafka producer)", r, ">= 50%", r >= 0.5))
    cu = results.get("catchup")
    if cu:
        r = ratio(cu.processor_rate, cu.durable_rate)
        out.append(Row(f"consumer catch-up, {cu.applied:,} events, notifications recipients", fmt_rate(cu.processor_rate),
                       fmt_rate(cu.durable_rate) + " (aiokafka + the same durable work)", r, ">= 50%",
                       None if math.isnan(r) else r >= 0.5))
        out.append(Row("  the same, against a raw consumer doing no work", fmt_rate(cu.processor_rate),
                       fmt_rate(cu.raw_rate) + " (aiokafka consumer)", ratio(cu.processor_rate, cu.raw_rate), "(info)"))
        if cu.parsed_rate:
            out.append(Row("  diagnostic: raw consumer + envelope parse + data validation, no database",
                           fmt_rate(cu.parsed_rate), fmt_rate(cu.raw_rate), ratio(cu.parsed_rate, cu.raw_rate), "(info)"))
    fp = results.get("footprint")
    if fp:
        for service in fp.idle_mib:
            out.append(Row(f"{service}: resident memory idle / peak under load, start to ready",
                           f"{fp.idle_mib[service]:.0f} / {fp.peak_mib.get(service, math.nan):.0f} MiB, "
                           f"{fp.ready_s.get(service, math.nan):.1f} s", target="(info)"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m lantern_devstack.bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small counts: a smoke run in under two minutes")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--only", default=",".join(STAGES), help=f"comma-separated subset of {','.join(STAGES)}")
    parser.add_argument("--relay-batch", type=int, default=ServiceSettings.model_fields["outbox_batch_size"].default,
                        help="the relay's batch size (the services' default)")
    parser.add_argument("--relay-lanes", type=int, default=ServiceSettings.model_fields["outbox_relay_lanes"].default,
                        help="batches in flight at once (the services' default)")
    parser.add_argument("--stage-timeout", type=float, default=600, help="upper bound on each timed loop, seconds")
    parser.add_argument("--profile", default="", help="comma-separated stages to profile (write,e2e,relay,catchup); needs "
                        "`uv run --with pyinstrument --with py-spy`")
    parser.add_argument("--keep", action="store_true", help="leave the bench stack running afterwards")
    parser.add_argument("--brokers", type=int, default=1, choices=[1, 3],
                        help="3: a KRaft cluster, replication 3, min.insync.replicas 2 (the cost of acks=all on it)")
    parser.add_argument("--instances", type=int, default=1, help="processes of each service")
    args = parser.parse_args()
    args.only = {s.strip() for s in args.only.split(",") if s.strip()}
    if unknown := args.only - set(STAGES):
        parser.error(f"unknown stages {unknown}")
    n = QUICK if args.quick else FULL

    stack = Stack(dataclasses.replace(test_config(SLOT), brokers=args.brokers, instances=max(1, args.instances)))
    profile = Profiles(stack, {s.strip() for s in args.profile.split(",") if s.strip()},
                       stack.config.state_dir.parent / "bench", log)
    info = machine()
    log(f"bench stack: {stack.config.name}, {args.brokers} broker(s), {args.instances} instance(s) of each service; "
        f"machine: {info}")
    started = time.monotonic()
    try:
        stack.wipe()
        if not args.keep:
            stack.bind_to()  # a killed bench run leaves nothing running
        log("starting Kafka and PostgreSQL")
        stack.start_infrastructure()
        log("starting the services")
        stack.start_services()
        results = asyncio.run(measure(Bench(stack), n, args, profile))
    finally:
        if not args.keep:
            log("wiping the bench stack")
            stack.wipe()
    print()
    print(table(rows(results)))
    print()
    print(f"machine: {info}")
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; took {time.monotonic() - started:.0f}s")
    out = stack.config.state_dir.parent / "bench" / "results.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"machine": info, "counts": n, "concurrency": args.concurrency,
                               "results": {k: asdict(v) for k, v in results.items()}}, indent=1, default=str))
    print(f"raw results: {out}")


if __name__ == "__main__":
    sys.exit(main())
