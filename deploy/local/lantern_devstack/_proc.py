"""Small process / file helpers shared by lantern_devstack.kafka and lantern_devstack.postgres.

Standard library only. Every subprocess call goes through :func:`run`, which always has a timeout.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

# Children spawned by this Python process (pid -> Popen), so they can be reaped and do not
# linger as zombies that still look "alive" to os.kill(pid, 0).
_CHILDREN: dict[int, subprocess.Popen] = {}


class CommandFailed(RuntimeError):
    """A command exited non-zero or timed out. ``output`` holds its combined stdout/stderr."""

    def __init__(self, cmd: Sequence[str], reason: str, output: str) -> None:
        self.cmd = list(cmd)
        self.reason = reason
        self.output = output
        super().__init__(f"{' '.join(self.cmd)}: {reason}\n{tail_text(output, 40)}")


def run(
    cmd: Sequence[str],
    *,
    timeout: float,
    env: Mapping[str, str] | None = None,
    cwd: str | os.PathLike[str] | None = None,
    input: str | None = None,
    check: bool = True,
    inherit_env: bool = True,
) -> subprocess.CompletedProcess[str]:
    """Run ``cmd`` with a hard timeout, stdout+stderr captured together as text.

    ``env`` is added to this process's environment (or replaces it when ``inherit_env`` is false).
    """
    full_env = dict(os.environ) if inherit_env else {}
    if env:
        full_env.update(env)
    try:
        proc = subprocess.run(
            list(cmd),
            input=input,
            stdin=None if input is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
            env=full_env,
            cwd=cwd,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.output or ""
        if isinstance(out, bytes):
            out = out.decode(errors="replace")
        raise CommandFailed(cmd, f"timed out after {timeout:.0f}s", out) from None
    except FileNotFoundError as exc:
        raise CommandFailed(cmd, f"command not found: {exc.filename}", "") from None
    if check and proc.returncode != 0:
        raise CommandFailed(cmd, f"exit code {proc.returncode}", proc.stdout or "")
    return proc


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def tail_text(text: str, lines: int = 40) -> str:
    parts = _ANSI.sub("", text).rstrip("\n").splitlines()
    return "\n".join(parts[-lines:])


def tail_file(path: Path, lines: int = 40, max_bytes: int = 256 * 1024) -> str:
    """Last ``lines`` lines of a (possibly large, possibly missing) text file."""
    try:
        with open(path, "rb") as fh:
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            fh.seek(max(0, size - max_bytes))
            data = fh.read()
    except OSError as exc:
        return f"(no log: cannot read {path}: {exc.strerror})"
    text = data.decode(errors="replace")
    if not text.strip():
        return f"(log {path} is empty)"
    return tail_text(text, lines)


def port_open(port: int, host: str = "127.0.0.1", timeout: float = 0.5) -> bool:
    """True when something accepts TCP connections on host:port."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def port_bindable(port: int, host: str = "127.0.0.1") -> bool:
    """True when a listener could bind host:port right now (nothing listening on it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def who_listens(port: int) -> str:
    """Best-effort description of the process listening on a TCP port (via `ss`)."""
    if not shutil.which("ss"):
        return "unknown process (ss not installed)"
    try:
        out = run(["ss", "-Hltnp", f"sport = :{port}"], timeout=5, check=False).stdout.strip()
    except CommandFailed:
        return "unknown process"
    return out or "unknown process"


def exit_code(pid: int) -> int | None:
    """Exit code of a child this process spawned (None if unknown or still running)."""
    child = _CHILDREN.get(pid)
    return child.poll() if child is not None else None


def pid_alive(pid: int | None) -> bool:
    """True when ``pid`` is a live (non-zombie) process."""
    if not pid or pid <= 0:
        return False
    child = _CHILDREN.get(pid)
    if child is not None:  # our own child: poll() reaps it only once every thread has exited
        return child.poll() is None  # (kept in _CHILDREN: its returncode stays readable)
    # not our child: never waitpid() it (that could steal someone else's exit status);
    # a zombie is recognised below instead
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, owned by someone else
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        state = stat.rsplit(")", 1)[1].split()[0]
        if state in ("Z", "X"):
            # a zombie leader can still have threads tearing down (and holding sockets open)
            try:
                return len(os.listdir(f"/proc/{pid}/task")) > 1
            except OSError:
                return False
    except (OSError, IndexError):
        pass
    return True


def pid_cmdline(pid: int) -> list[str]:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return []
    return [p.decode(errors="replace") for p in raw.split(b"\0") if p]


def read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def spawn_detached(
    cmd: Sequence[str],
    *,
    log_path: Path,
    env: Mapping[str, str] | None = None,
    cwd: str | os.PathLike[str] | None = None,
) -> subprocess.Popen:
    """Start ``cmd`` in its own session (survives this Python process), output to ``log_path``."""
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "ab") as out:
        proc = subprocess.Popen(
            list(cmd),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=full_env,
            cwd=cwd,
            start_new_session=True,
            close_fds=True,
        )
    _CHILDREN[proc.pid] = proc
    return proc


def signal_process(pid: int, sig: int, group: bool = True) -> None:
    """Send ``sig`` to the process group led by ``pid`` (falls back to the process itself)."""
    if group:
        try:
            if os.getpgid(pid) == pid:
                os.killpg(pid, sig)
                return
        except (ProcessLookupError, PermissionError, OSError):
            pass
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, sig)


def wait_port_free(port: int, timeout: float, host: str = "127.0.0.1") -> bool:
    """Wait until nothing listens on host:port any more; True if it got free in time."""
    deadline = time.monotonic() + timeout
    while True:
        if not port_open(port, host, 0.2) and port_bindable(port, host):
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)


def wait_dead(pid: int, timeout: float) -> bool:
    """Wait until ``pid`` is gone; True if it died within ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not pid_alive(pid):
            return True
        time.sleep(0.1)
    return not pid_alive(pid)


def terminate(pid: int, timeout: float) -> None:
    """SIGTERM, wait up to ``timeout``, then SIGKILL (and wait a little for the kill)."""
    if not pid_alive(pid):
        return
    signal_process(pid, signal.SIGTERM)
    if wait_dead(pid, timeout):
        return
    signal_process(pid, signal.SIGKILL)
    wait_dead(pid, 10)


@contextlib.contextmanager
def file_lock(path: Path, timeout: float, what: str) -> Iterator[None]:
    """Exclusive advisory lock on ``path`` (created if missing); TimeoutError after ``timeout``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise TimeoutError(f"waited {timeout:.0f}s for the lock {path} ({what})") from None
                time.sleep(0.2)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def apt_install(packages: Sequence[str], timeout: float = 900) -> None:
    """`apt-get install -y` (noninteractive), with `apt-get update` first when the lists are stale.

    Only possible as root; raises CommandFailed otherwise.
    """
    if os.geteuid() != 0:
        raise CommandFailed(
            ["apt-get", "install", *packages],
            "not root: install these Debian packages yourself",
            "",
        )
    env = {"DEBIAN_FRONTEND": "noninteractive", "NEEDRESTART_MODE": "a"}
    install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", *packages]
    try:
        run(install, timeout=timeout, env=env)
        return
    except CommandFailed:
        pass  # most often: package lists missing/stale on a fresh machine
    run(["apt-get", "update", "-q"], timeout=timeout, env=env)
    run(install, timeout=timeout, env=env)
