"""Memory and start-up: each service's resident memory idle and at its peak under the bench's load, and the time
from starting its process to its first ready answer."""

import asyncio
import contextlib
import time
from dataclasses import dataclass, field

from ..stack import ALL_SERVICES, Stack


@dataclass
class Footprint:
    idle_mib: dict[str, float] = field(default_factory=dict)
    peak_mib: dict[str, float] = field(default_factory=dict)  # the highest sample while the stages ran
    ready_s: dict[str, float] = field(default_factory=dict)


def rss_mib(pid: int | None) -> float | None:
    if pid is None:
        return None
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (FileNotFoundError, ProcessLookupError):
        return None
    return None


def sample(stack: Stack) -> dict[str, float]:
    return {s: m for s in ALL_SERVICES if (m := rss_mib(stack.service_pid(s))) is not None}


@contextlib.asynccontextmanager
async def peak_while(stack: Stack, footprint: Footprint, every_s: float = 0.5):
    """Sample every service's resident memory while the block runs; keep each one's highest."""
    async def watch() -> None:
        while True:
            for service, mib in sample(stack).items():
                footprint.peak_mib[service] = max(mib, footprint.peak_mib.get(service, 0.0))
            await asyncio.sleep(every_s)

    task = asyncio.create_task(watch())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def time_to_ready(stack: Stack, footprint: Footprint, log) -> None:
    """Stop each service, start it again and time spawn -> first ready answer (its migrations are already applied,
    as on any restart); one at a time, with the rest of the stack up."""
    for service in ALL_SERVICES:
        stack.stop_service(service)
        started = time.monotonic()
        stack.start_service(service)
        stack.wait_ready((service,), timeout=120)
        footprint.ready_s[service] = time.monotonic() - started
        log(f"  {service}: ready {footprint.ready_s[service]:.1f}s after its process started")
