"""Profiles of a stage: pyinstrument for what runs in the bench's own process (relay, catch-up), py-spy attached to
the service processes for what runs in them (write path: registration; end to end: edge, registration,
notifications). Both are one-off tools, not in the lock: `uv run --with pyinstrument --with py-spy python -m
lantern_devstack.bench --profile write,e2e,relay,catchup`."""

import contextlib
import shutil
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

from ..stack import Stack


class Profiles:
    def __init__(self, stack: Stack, stages: set[str], out_dir: Path, log) -> None:
        self.stack = stack
        self.stages = stages
        self.out_dir = out_dir
        self.log = log

    def wants(self, stage: str) -> bool:
        return stage in self.stages

    @contextlib.contextmanager
    def in_process(self, stage: str):
        if not self.wants(stage):
            yield
            return
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.001, async_mode="disabled")
        profiler.start()
        try:
            yield
        finally:
            profiler.stop()
            self.out_dir.mkdir(parents=True, exist_ok=True)
            path = self.out_dir / f"profile-{stage}.txt"
            path.write_text(profiler.output_text(unicode=False, color=False))
            (self.out_dir / f"profile-{stage}.html").write_text(profiler.output_html())
            self.log(f"profile of {stage} (this process): {path}")

    @contextlib.contextmanager
    def services(self, stage: str, services: tuple[str, ...]):
        """py-spy on each service process while the block runs; a summary of where each spent its samples."""
        spy = shutil.which("py-spy")
        if not self.wants(stage) or spy is None:
            if self.wants(stage):
                self.log("py-spy not found: run with `uv run --with py-spy ...` to profile the services")
            yield
            return
        self.out_dir.mkdir(parents=True, exist_ok=True)
        spies = {}
        for service in services:
            pid = self.stack.service_pid(service)
            if pid is None:
                continue
            raw = self.out_dir / f"profile-{stage}-{service}.folded"
            spies[service] = (raw, subprocess.Popen(
                [spy, "record", "-p", str(pid), "-d", "900", "-r", "200", "-f", "raw", "-o", str(raw), "--nonblocking"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        time.sleep(0.5)
        started = time.monotonic()
        try:
            yield
        finally:
            seconds = time.monotonic() - started
            for _raw, process in spies.values():
                process.send_signal(signal.SIGINT)
            for service, (raw, process) in spies.items():
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
                if raw.exists():
                    summary = summarize(raw.read_text(), seconds)
                    path = self.out_dir / f"profile-{stage}-{service}.txt"
                    path.write_text(summary)
                    self.log(f"profile of {stage} in {service}: {path}")


def summarize(folded: str, seconds: float, top: int = 45) -> str:
    """Inclusive share of busy samples per function, from py-spy's raw (folded) output ('frame;frame;... count').
    Idle threads (the event loop in epoll, pool threads waiting) are not sampled, so the sample count over the
    possible 200/s says how busy the process was."""
    inclusive: Counter[str] = Counter()
    leaf: Counter[str] = Counter()
    total = 0
    for line in folded.splitlines():
        if not line.strip():
            continue
        stack, _, count = line.rpartition(" ")
        n = int(count)
        total += n
        frames = [_name(f) for f in stack.split(";") if f]
        for name in dict.fromkeys(frames):
            inclusive[name] += n
        if frames:
            leaf[frames[-1]] += n
    busy = total / (200 * seconds) if seconds else 0
    lines = [f"{total} busy samples over {seconds:.1f}s at 200/s: the process was on CPU about {busy:.0%} of the time",
             "(more than 100% when several threads ran)", "", "inclusive:"]
    lines += [f"{n / total:7.1%}  {name}" for name, n in inclusive.most_common(top)]
    lines += ["", "self (leaf):"]
    lines += [f"{n / total:7.1%}  {name}" for name, n in leaf.most_common(25)]
    return "\n".join(lines) + "\n"


def _name(frame: str) -> str:
    # py-spy: "function (path/to/file.py:123)" -> "function (file.py)"
    if "(" not in frame:
        return frame.strip()
    function, _, where = frame.partition(" (")
    file = where.rstrip(")").rsplit(":", 1)[0].rsplit("/", 2)
    return f"{function} ({'/'.join(file[-2:])})"
