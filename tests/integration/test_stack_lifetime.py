"""A killed run leaves nothing behind: kill -9 the process that started a stack, and its broker, database cluster
and stand-ins go too (its watchdog stops them); with the watchdog killed as well, the next start reaps them.

Each test starts a stack of its own (Kafka, PostgreSQL and the mail sink) from a runner process, on ports of the
test slot that the session's stack does not use, and never touches the session's stack.
"""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from lantern_devstack import lifetime
from lantern_devstack.stack import MAIL_SINK, REPO, Stack, StackConfig

RUNNER = """
import json, sys, time
from lantern_devstack.stack import MAIL_SINK, Stack
from lantern_devstack.lifetime import config_from
from pathlib import Path
stack = Stack(config_from(json.loads(sys.argv[1]), Path(sys.argv[2])))
stack.wipe()
stack.bind_to()
stack.start_infrastructure()
stack.start_mail_sink()
print(json.dumps({"kafka": stack.kafka.pid(), "postgres": stack.postgres.pid(), "mail": stack.service_pid(MAIL_SINK),
                  "watchdog": stack.service_pid("watchdog")}), flush=True)
time.sleep(3600)
"""


def _orphan_config() -> StackConfig:
    slot = int(os.environ.get("LANTERN_TEST_SLOT", "0"))
    return StackConfig(f"lifetime{slot}", kafka_port=19098 + 10 * slot, kafka_controller_port=19099 + 10 * slot,
                       postgres_port=55439 + 10 * slot, http_base_port=18050 + 100 * slot,
                       smtp_port=11031 + 10 * slot)


def _as_record(config: StackConfig) -> str:
    return json.dumps({"name": config.name, "kafka_port": config.kafka_port,
                       "kafka_controller_port": config.kafka_controller_port, "postgres_port": config.postgres_port,
                       "http_base_port": config.http_base_port, "smtp_port": config.smtp_port})


def _alive(pid: int) -> bool:
    try:
        state = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in {"Z", "X"}


@pytest.fixture
def runner():
    """Start the runner; yields (process, the pids of what its stack runs); cleans up whatever a failure left."""
    config = _orphan_config()
    process = subprocess.Popen([sys.executable, "-c", RUNNER, _as_record(config), str(REPO)],
                               stdout=subprocess.PIPE, text=True, start_new_session=True, cwd=REPO)
    try:
        line = process.stdout.readline()  # blocks until the stack is up (or the runner died)
        assert line, f"the runner exited ({process.wait(5)}) before its stack was up"
        pids = json.loads(line)
        assert all(pids.values()), pids
        yield process, pids
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(10)
        Stack(config).wipe()


def _wait_gone(pids: list[int], timeout: float) -> list[int]:
    deadline = time.monotonic() + timeout
    while (left := [pid for pid in pids if _alive(pid)]) and time.monotonic() < deadline:
        time.sleep(0.5)
    return left


def test_killing_the_runner_stops_its_broker_database_and_stand_ins(runner):
    process, pids = runner
    os.kill(process.pid, signal.SIGKILL)
    process.wait(10)
    left = _wait_gone([pids["kafka"], pids["postgres"], pids["mail"], pids["watchdog"]], timeout=90)
    assert not left, f"still running a minute and a half after the runner was killed: {left} of {pids}"


def test_with_the_watchdog_killed_too_the_next_start_reaps_what_was_left(runner):
    process, pids = runner
    os.kill(pids["watchdog"], signal.SIGKILL)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(10)
    time.sleep(2)
    assert _alive(pids["kafka"]) and _alive(pids["postgres"]), "nothing left to reap: the test proves nothing"
    # the next start finds the stack as `lantern-stack down --all` does, by its record under .state/
    stack = next(s for s in lifetime.all_stacks(REPO) if s.config.name == _orphan_config().name)
    assert lifetime.reap_if_orphaned(stack)
    assert not _wait_gone([pids["kafka"], pids["postgres"], pids["mail"]], timeout=60)
    assert stack.service_pid(MAIL_SINK) is None and not stack.kafka.is_running() and not stack.postgres.is_running()
