"""The chaos run: a stack of its own, steady load, each fault in turn, quiet, then the invariants."""

import asyncio
import contextlib
import dataclasses
import os
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

import asyncpg
import httpx

from ..stack import Stack, StackConfig, test_config
from . import checks, traces
from .checks import Check
from .cluster_faults import ClusterInjector
from .faults import Fault, Injector
from .load import Ledger, Load

# httpcore looks for sniffio on every request (not installed): record its absence once, as the bench does.
sys.modules.setdefault("sniffio", None)

DEFAULT_SLOT = 5


def chaos_config(slot: int) -> StackConfig:
    """The ports of test slot `slot`, with state of its own (.state/chaos<slot>)."""
    return dataclasses.replace(test_config(slot), name=f"chaos{slot}")


def slot_beside_tests() -> int:
    """The chaos slot of a test run: its LANTERN_TEST_SLOT + 5, so parallel runs (slots 0-4) never share one."""
    return int(os.environ.get("LANTERN_CHAOS_SLOT") or int(os.environ.get("LANTERN_TEST_SLOT", "0")) + 5)


@dataclass
class Options:
    slot: int = DEFAULT_SLOT
    load_rate: float = 8.0  # registration-side operations per second; the lending desks add ~4 requests/s
    lenders: int = 3
    kafka_outage_s: float = 20
    settle_s: float = 6  # steady load between faults
    keep: bool = False
    seed: int | None = None
    cluster: bool = False  # 3 Kafka brokers (RF 3, min ISR 2) and 2 instances of every service, with their faults


@dataclass
class Report:
    faults: list[Fault] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    load: dict = field(default_factory=dict)
    took_s: float = 0.0

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)

    def failures(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def run(options: Options, say: Callable[[str], None] = log) -> Report:
    """Start from nothing, inject, check; the stack is always torn down (unless `keep`), also on failure or Ctrl-C."""
    config = chaos_config(options.slot)
    collector = None
    if options.cluster:  # and every process traced, to a collector of the run's own
        collector = traces.Collector(config.http_base_port + 95)
        config = dataclasses.replace(config, brokers=3, instances=2,
                                     extra_env=config.extra_env | traces.otlp_env(collector.endpoint))
    stack = Stack(config)
    started = time.monotonic()
    say(f"chaos stack {stack.config.name}: edge {stack.config.url('edge')}, Kafka {stack.kafka.bootstrap}, "
        f"PostgreSQL 127.0.0.1:{stack.config.postgres_port}")
    try:
        stack.wipe()
        if not options.keep:
            stack.bind_to()  # a killed chaos run leaves nothing running
        if collector is not None:
            collector.start()
        say("starting Kafka and PostgreSQL" + (f" (a cluster of {config.brokers})" if options.cluster else ""))
        stack.start_infrastructure()
        say("starting the services and the mail sink" + (f", {config.instances} instances of each service, traces "
                                                         f"to {collector.endpoint}" if collector else ""))
        stack.start_services()
        report = asyncio.run(_scenario(stack, options, say, collector))
    finally:
        if options.keep:
            say(f"keeping the chaos stack (stop it: state in {stack.config.state_dir})")
        else:
            say("tearing the chaos stack down")
            stack.wipe()
        if collector is not None:
            collector.stop()
    report.took_s = time.monotonic() - started
    print_report(report, say)
    return report


async def _scenario(stack: Stack, options: Options, say: Callable[[str], None],
                    collector: traces.Collector | None = None) -> Report:
    report = Report()
    ledger = Ledger(run=uuid.uuid4().hex[:8])
    headers = {"Authorization": f"Bearer {stack.token('staff', 'chaos-staff')}"}
    async with httpx.AsyncClient(base_url=stack.config.url("edge"), headers=headers,
                                 timeout=httpx.Timeout(8.0, connect=2.0)) as client:
        load = Load(client, ledger, rate=options.load_rate, lenders=options.lenders, seed=options.seed)
        say("seeding: 6 sessions (2, 2, 4, 6, 300, 300 seats), 30 patrons, 12 borrowers, 3 laptops")
        await load.seed(patrons=30, borrowers=12, devices=3)
        await _bounded(load.borrowers_known, 60, "devices to learn the borrowers from patron.enrolled")
        injector = (ClusterInjector if options.cluster else Injector)(stack, load, say,
                                                                       kafka_outage_s=options.kafka_outage_s)
        say(f"load on: ~{options.load_rate:g} registration operations/s, {options.lenders} lending desks")
        load.start()
        try:
            await asyncio.sleep(options.settle_s)
            steps = _cluster_steps(injector) if isinstance(injector, ClusterInjector) else [
                lambda: injector.kill_service("notifications"),
                lambda: injector.kill_service("devices"),
                injector.kafka_outage,
                injector.postgres_restart,
                injector.kill_relay_mid_batch,
                lambda: injector.poison_burst(ledger.run),
            ]
            for step in steps:
                done = await step()
                report.faults.extend(done if isinstance(done, list) else [done])
                await asyncio.sleep(options.settle_s)
        finally:
            say("load off; waiting for the operations under way")
            await load.stop()
        report.load = {op: dict(c) for op, c in ledger.summary().items()}
        say("load: " + "; ".join(f"{op} {', '.join(f'{n} {o}' for o, n in sorted(c.items()))}"
                                 for op, c in sorted(report.load.items())))
        sample = await _traced_sample(stack, load, collector, say) if collector is not None else []
        await checks.wait_quiet(stack, say)
        report.checks = await checks.run_all(stack, ledger, injector.poison,
                                             job_loans=getattr(injector, "job_loans", 0))
        if collector is not None:
            report.checks.append(traces.traces_complete(collector, sample))
    return report


def _cluster_steps(injector: "ClusterInjector") -> list:
    """The cluster's own faults first, then the single node's on the cluster (an outage stops all three brokers)."""
    return [
        injector.kill_partition_leader,
        injector.kill_one_instance_each,
        injector.freeze_past_session,
        injector.due_soon_on_two_instances,
        injector.kafka_outage,
        injector.postgres_restart,
        injector.kill_relay_mid_batch,
        lambda: injector.poison_burst(injector.load.ledger.run),
    ]


async def _traced_sample(stack: Stack, load: Load, collector: traces.Collector, say: Callable[[str], None],
                         size: int = 5, timeout: float = 90) -> list[str]:
    """After the faults: `size` new patrons register through the edge under trace ids of the run's own; wait until
    their traces reach the email (or `timeout`). The trace ids; the check says which were whole."""
    known = set(load.ledger.patrons)
    for _ in range(size):
        await load.enrol()
    patrons = [p for p in load.ledger.patrons if p not in known]
    conn = await asyncpg.connect(stack.dsn("notifications"))
    try:
        async def recipients_known() -> bool:
            return await conn.fetchval("SELECT count(*) FROM recipients WHERE id = ANY($1::uuid[])", patrons) == len(patrons)

        await _bounded(recipients_known, 60, "notifications to learn the traced sample's patrons")
    finally:
        await conn.close()
    session = next(s for s, capacity in load.ledger.sessions.items() if capacity >= 300)
    sample = []
    for patron in patrons:
        trace_id, answer = await traces.register_traced(load.client, session, patron)
        if answer.status_code == 201:
            load.ledger.registrations[answer.json()["id"]] = {"session_id": session, "patron_id": patron,
                                                              "status": answer.json()["status"]}
            sample.append(trace_id)
    async def whole() -> bool:
        return all(len(collector.chain(t)) == len(traces.HOPS) for t in sample)

    with contextlib.suppress(TimeoutError):  # the check says which traces are not whole
        await _bounded(whole, timeout, "the sample's traces")
    say(f"traced sample: {len(sample)} registrations through the edge under trace ids of this run")
    return sample


async def _bounded(probe, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not await probe():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f}s waiting for {what}")
        await asyncio.sleep(0.5)


def print_report(report: Report, say: Callable[[str], None]) -> None:
    say("faults injected:")
    for f in report.faults:
        say(f"  {f.name:<32} recovered in {f.recovery_s:5.1f}s  ({f.detail})")
    say("invariants checked:")
    for c in report.checks:
        for line in c.line().splitlines():
            say(f"  {line}")
    verdict = "ALL INVARIANTS HELD" if report.ok else f"{len(report.failures())} INVARIANT(S) FAILED"
    say(f"{verdict} ({report.took_s:.0f}s)")
    print(f"chaos: {len(report.checks) - len(report.failures())} passed, {len(report.failures())} failed", flush=True)
