"""`uv run python -m lantern_devstack.bench.topologies [--quick]`: the same benchmarks on one broker with one
instance of each service, on a 3-broker KRaft cluster (replication 3, min.insync.replicas 2, acks=all) with one
instance, and on the cluster with two instances of each service, back to back on this machine; then one table of
what the cluster and the second instance cost or gain against the single broker.

Each topology runs in a bench process of its own on a stack started from nothing (slot 7), so nothing carries over
from one to the next; the comparison stays within one invocation, as the same code moves by up to 1.5x between runs
on a shared two-core machine.
"""

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from ..stack import test_config
from .common import SLOT
from .report import fmt_ms, fmt_rate, grid, percentile, ratio

TOPOLOGIES = (  # (label, brokers, instances)
    ("1 broker, 1 instance each", 1, 1),
    ("3 brokers RF 3 acks=all, 1 instance each", 3, 1),
    ("3 brokers RF 3 acks=all, 2 instances each", 3, 2),
)
STAGES = "write,e2e,relay,catchup"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def run_one(brokers: int, instances: int, quick: bool, into: Path) -> dict:
    """One bench process on one topology; its raw results."""
    results = test_config(SLOT).state_dir.parent / "bench" / "results.json"
    results.unlink(missing_ok=True)
    command = [sys.executable, "-m", "lantern_devstack.bench", "--only", STAGES, "--brokers", str(brokers),
               "--instances", str(instances), *(["--quick"] if quick else [])]
    log(f"running: {' '.join(command[1:])}")
    finished = subprocess.run(command, check=False)
    if finished.returncode != 0 or not results.exists():
        raise SystemExit(f"the bench on {brokers} broker(s), {instances} instance(s) failed (exit {finished.returncode})")
    kept = into / f"results-{brokers}b-{instances}i.json"
    shutil.copyfile(results, kept)
    return json.loads(kept.read_text())["results"]


def measures(r: dict) -> dict[str, float]:
    w, e, rl, cu = r.get("write", {}), r.get("e2e", {}), r.get("relay", {}), r.get("catchup", {})
    return {
        "write path, registration internal API (c=32)": w.get("internal_rate", math.nan),
        "write path through the edge (c=32)": w.get("edge_rate", math.nan),
        "raw write path (asyncpg, no Kafka)": w.get("raw_rate", math.nan),
        "end to end edge -> email": e.get("throughput", math.nan),
        "request -> email p99 at half the max rate": percentile(e.get("half_latencies") or [], 99),
        "outbox relay": _per_s(rl.get("relay_published"), rl.get("relay_seconds")),
        "raw aiokafka producer, same records": _per_s(rl.get("events"), rl.get("raw_seconds")),
        "consumer catch-up, notifications recipients": _per_s(cu.get("applied"), cu.get("processor_wall")),
    }


def _per_s(count: float | None, seconds: float | None) -> float:
    """A rate from the raw results (the bench's rates are properties, not kept in its JSON)."""
    return count / seconds if count is not None and seconds else math.nan


def comparison(found: dict[str, dict[str, float]]) -> str:
    """One row per measure, one column per topology; every column after the first with its ratio to the first."""
    labels = list(found)
    base = found[labels[0]]
    rows = []
    for name, first in base.items():
        shown = fmt_ms if "p99" in name else fmt_rate
        rows.append([name, shown(first), *(f"{shown(found[label][name])} ({_pct(ratio(found[label][name], first))})"
                                          for label in labels[1:])])
    return grid(["measure", *labels], rows)


def _pct(value: float) -> str:
    return "n/a" if math.isnan(value) else f"{value:.0%}"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m lantern_devstack.bench.topologies", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small counts: a smoke run")
    parser.add_argument("--report", action="store_true", help="only print the table again from the last run's results")
    args = parser.parse_args()
    into = test_config(SLOT).state_dir.parent / "bench" / "topologies"
    into.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    found = {}
    for label, brokers, instances in TOPOLOGIES:
        kept = into / f"results-{brokers}b-{instances}i.json"
        results = json.loads(kept.read_text())["results"] if args.report else run_one(brokers, instances, args.quick, into)
        found[label] = measures(results)
    print()
    print(comparison(found))
    print()
    if args.report:
        print(f"in brackets: against {TOPOLOGIES[0][0]}; from the last run's raw results in {into}")
        return
    print(f"in brackets: against {TOPOLOGIES[0][0]}; load average at the end "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; took {time.monotonic() - started:.0f}s; raw results in {into}")


if __name__ == "__main__":
    main()
