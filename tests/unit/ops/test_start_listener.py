"""A small server the stack starts that fails to start says why and is never left running (CI once lost a chaos
run to a mail sink the stack could no longer see, which then outlived the run)."""

import os
import socket

import pytest

from lantern_devstack import stack as devstack
from lantern_devstack.stack import Stack, StackError, _alive


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def stack() -> Stack:
    return Stack(devstack.test_config(9))


def test_a_server_that_exits_is_reported_as_exited(stack):
    with pytest.raises(StackError, match=r"the test server did not start \(it exited"):
        stack._start_listener("test-server", "the test server", ["-c", "raise SystemExit(3)"], free_port(), {})
    assert not stack.pid_file("test-server").exists()


def test_a_server_that_never_listens_is_killed_not_left_behind(stack):
    with pytest.raises(StackError, match=r"did not listen on port \d+ within 1s; pid (\d+)") as refused:
        stack._start_listener("test-server", "the test server", ["-c", "import time; time.sleep(120)"], free_port(), {},
                              timeout=1)
    pid = int(refused.value.args[0].split("pid ")[1].split(")")[0])
    assert not _alive(pid), f"pid {pid} ({os.getpid()} started it) still runs"
