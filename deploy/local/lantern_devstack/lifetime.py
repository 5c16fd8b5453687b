"""How long a stack lives: no broker, database cluster or service outlives the run that started it.

Every stack records itself in ``<state>/stack.json`` (its ports and shape, and its owner when it has one). A stack
bound to an owner process (a test run, the chaos run, a foreground ``lantern-stack up``) gets a watchdog: a small
process in a session of its own that stops the whole stack as soon as the owner is gone, however it ended (a
``kill -9`` of the test runner too). Should the watchdog be gone as well (the machine rebooted, someone killed it),
the next start of that stack finds the dead owner in stack.json and stops what is left first. ``lantern-stack down
--all`` reads every stack.json under ``.state/`` and stops them all.

``python -m lantern_devstack.lifetime watch <state dir>`` is the watchdog.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .stack import Stack, StackConfig

WATCHDOG = "watchdog"
_RECORD = "stack.json"
_POLL_S = 0.5


def _record_path(state_dir: Path) -> Path:
    return state_dir / _RECORD


def _read(state_dir: Path) -> dict:
    try:
        return json.loads(_record_path(state_dir).read_text())
    except (OSError, ValueError):
        return {}


def _write(state_dir: Path, record: dict) -> None:
    state_dir.mkdir(parents=True, exist_ok=True)
    tmp = _record_path(state_dir).with_suffix(".tmp")
    tmp.write_text(json.dumps(record, indent=2) + "\n")
    tmp.replace(_record_path(state_dir))


def start_time(pid: int) -> int | None:
    """The kernel's start time of `pid` (clock ticks since boot): a pid reused by another process differs."""
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19])
    except (OSError, IndexError, ValueError):
        return None


def owner_alive(owner: dict) -> bool:
    pid = owner.get("pid")
    if not isinstance(pid, int):
        return False
    started = start_time(pid)
    if started is None or started != owner.get("start"):
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in {"Z", "X"}


def record(stack: Stack) -> None:
    """Write the stack's shape into stack.json (keeping its owner, if it has one)."""
    c = stack.config
    previous = _read(c.state_dir)
    _write(c.state_dir, {
        "name": c.name, "kafka_port": c.kafka_port, "kafka_controller_port": c.kafka_controller_port,
        "postgres_port": c.postgres_port, "http_base_port": c.http_base_port, "smtp_port": c.smtp_port,
        "extra_env": c.extra_env, "brokers": c.brokers, "instances": c.instances, "partitions": c.partitions,
        "owner": previous.get("owner"),
    })


def bind(stack: Stack, owner: int) -> int:
    """Make `owner` the stack's owner and make sure a watchdog watches it; the watchdog's pid."""
    record(stack)
    current = _read(stack.config.state_dir)
    current["owner"] = {"pid": owner, "start": start_time(owner)}
    _write(stack.config.state_dir, current)
    argv = ["-m", "lantern_devstack.lifetime", "watch", str(stack.config.state_dir)]
    return stack._spawn(WATCHDOG, argv, {})  # noqa: SLF001 - the stack's own way of starting a process


def release(stack: Stack) -> None:
    """The stack was stopped on purpose: it has no owner any more, and its watchdog goes."""
    state_dir = stack.config.state_dir
    current = _read(state_dir)
    if current.get("owner") is not None:
        current["owner"] = None
        _write(state_dir, current)
    pid = stack.service_pid(WATCHDOG)
    if pid is not None and pid != os.getpid():
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
    if pid != os.getpid():
        stack.pid_file(WATCHDOG).unlink(missing_ok=True)


def reap_if_orphaned(stack: Stack) -> bool:
    """Before a stack starts: if its last owner died and nothing stopped it, stop what is left. True if it did."""
    owner = _read(stack.config.state_dir).get("owner")
    if owner is None or owner_alive(owner):
        return False
    print(f"lantern-stack: the {stack.config.name} stack's owner (pid {owner.get('pid')}) is gone; "
          "stopping what it left running", file=sys.stderr, flush=True)
    stack.down()
    return True


def config_from(record: dict, repo: Path) -> StackConfig:
    from .stack import StackConfig

    return StackConfig(
        record["name"], kafka_port=record["kafka_port"], kafka_controller_port=record["kafka_controller_port"],
        postgres_port=record["postgres_port"], http_base_port=record["http_base_port"],
        smtp_port=record["smtp_port"], repo=repo, extra_env=record.get("extra_env") or {},
        brokers=record.get("brokers", 1), instances=record.get("instances", 1), partitions=record.get("partitions"),
    )


def _config_by_name(name: str, repo: Path) -> StackConfig | None:
    """Stacks written before stack.json existed: known by their folder's name."""
    import dataclasses

    from .stack import DEV, test_config

    if name == "dev":
        return dataclasses.replace(DEV, repo=repo)
    for prefix in ("test", "chaos"):
        rest = name.removeprefix(prefix)
        if name.startswith(prefix) and (rest == "" or rest.isdigit()):
            return dataclasses.replace(test_config(int(rest or 0)), name=name, repo=repo)
    return None


def all_stacks(repo: Path) -> list[Stack]:
    """Every stack of this checkout that has a state folder under .state/."""
    from .stack import Stack

    found = []
    root = repo / ".state"
    for state_dir in sorted(root.iterdir()) if root.is_dir() else []:
        if not state_dir.is_dir():
            continue
        record_ = _read(state_dir)
        config = config_from(record_, repo) if record_ else _config_by_name(state_dir.name, repo)
        if config is not None:
            found.append(Stack(config))
    return found


def watch(state_dir: Path) -> int:
    """The watchdog's loop: stop the stack once its owner is gone; leave when it has no owner or another watchdog."""
    from .stack import REPO, Stack

    me = os.getpid()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C meant for the owner is the owner's to handle
    while True:
        current = _read(state_dir)
        owner = current.get("owner")
        pid_file = state_dir / "run" / f"{WATCHDOG}.pid"
        try:
            superseded = int(pid_file.read_text()) != me
        except (OSError, ValueError):
            superseded = True
        if owner is None or superseded:
            return 0
        if not owner_alive(owner):
            print(f"{time.strftime('%H:%M:%S')} owner pid {owner.get('pid')} is gone: stopping the "
                  f"{current.get('name')} stack", flush=True)
            Stack(config_from(current, REPO)).down()
            print(f"{time.strftime('%H:%M:%S')} stopped", flush=True)
            return 0
        time.sleep(_POLL_S)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "watch":
        sys.exit(watch(Path(sys.argv[2])))
    print("usage: python -m lantern_devstack.lifetime watch <state dir>", file=sys.stderr)
    sys.exit(2)
