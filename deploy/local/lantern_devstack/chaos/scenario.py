"""The chaos run: a stack of its own, steady load, each fault in turn, quiet, then the invariants."""

import asyncio
import dataclasses
import os
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from ..stack import Stack, StackConfig, test_config
from . import checks
from .checks import Check
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
    stack = Stack(chaos_config(options.slot))
    started = time.monotonic()
    say(f"chaos stack {stack.config.name}: edge {stack.config.url('edge')}, Kafka {stack.kafka.bootstrap}, "
        f"PostgreSQL 127.0.0.1:{stack.config.postgres_port}")
    try:
        stack.wipe()
        if not options.keep:
            stack.bind_to()  # a killed chaos run leaves nothing running
        say("starting Kafka and PostgreSQL")
        stack.start_infrastructure()
        say("starting the services and the mail sink")
        stack.start_services()
        report = asyncio.run(_scenario(stack, options, say))
    finally:
        if options.keep:
            say(f"keeping the chaos stack (stop it: state in {stack.config.state_dir})")
        else:
            say("tearing the chaos stack down")
            stack.wipe()
    report.took_s = time.monotonic() - started
    print_report(report, say)
    return report


async def _scenario(stack: Stack, options: Options, say: Callable[[str], None]) -> Report:
    report = Report()
    ledger = Ledger(run=uuid.uuid4().hex[:8])
    headers = {"Authorization": f"Bearer {stack.token('staff', 'chaos-staff')}"}
    async with httpx.AsyncClient(base_url=stack.config.url("edge"), headers=headers,
                                 timeout=httpx.Timeout(8.0, connect=2.0)) as client:
        load = Load(client, ledger, rate=options.load_rate, lenders=options.lenders, seed=options.seed)
        say("seeding: 6 sessions (2, 2, 4, 6, 300, 300 seats), 30 patrons, 12 borrowers, 3 laptops")
        await load.seed(patrons=30, borrowers=12, devices=3)
        await _bounded(load.borrowers_known, 60, "devices to learn the borrowers from patron.enrolled")
        injector = Injector(stack, load, say, kafka_outage_s=options.kafka_outage_s)
        say(f"load on: ~{options.load_rate:g} registration operations/s, {options.lenders} lending desks")
        load.start()
        try:
            await asyncio.sleep(options.settle_s)
            steps = [
                lambda: injector.kill_service("notifications"),
                lambda: injector.kill_service("devices"),
                injector.kafka_outage,
                injector.postgres_restart,
                injector.kill_relay_mid_batch,
                lambda: injector.poison_burst(ledger.run),
            ]
            for step in steps:
                report.faults.append(await step())
                await asyncio.sleep(options.settle_s)
        finally:
            say("load off; waiting for the operations under way")
            await load.stop()
        report.load = {op: dict(c) for op, c in ledger.summary().items()}
        say("load: " + "; ".join(f"{op} {', '.join(f'{n} {o}' for o, n in sorted(c.items()))}"
                                 for op, c in sorted(report.load.items())))
        await checks.wait_quiet(stack, say)
        report.checks = await checks.run_all(stack, ledger, injector.poison)
    return report


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
