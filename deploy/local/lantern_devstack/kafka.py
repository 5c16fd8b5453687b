"""A single-node Apache Kafka broker (KRaft, combined broker+controller) for dev and tests.

No Docker and no tarball: the broker's jars come from Maven Central through
``deploy/local/kafka/pom.xml`` (``mvn dependency:copy-dependencies``) into a shared cache, and the
broker runs as a detached ``java ... kafka.Kafka server.properties`` process that outlives the
Python process which started it. Everything it writes (server.properties, data, logs, pid file,
cluster id) lives in ``KafkaConfig.state_dir``.

Synchronous API, standard library only::

    broker = KafkaBroker(KafkaConfig(state_dir=repo / ".state/dev/kafka", cache_dir=repo / ".cache"))
    broker.start()          # idempotent; raises KafkaError with the reason + log tail
    broker.bootstrap        # "127.0.0.1:9092"
    broker.stop()
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import signal
import socket
import struct
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from . import _proc

DEFAULT_KAFKA_VERSION = "4.3.1"

_KAFKA_DIR = Path(__file__).resolve().parents[1] / "kafka"
POM_PATH = _KAFKA_DIR / "pom.xml"
LOG4J2_CONFIG = _KAFKA_DIR / "log4j2.properties"

_MVN_TIMEOUT = 1200.0  # a cold resolution downloads ~60 jars (~40 MB)
_FORMAT_TIMEOUT = 120.0
_MAIN_CLASS = "kafka.Kafka"


@dataclass
class KafkaConfig:
    state_dir: Path  # e.g. <repo>/.state/dev/kafka: server.properties, data/, logs/, kafka.pid
    cache_dir: Path  # e.g. <repo>/.cache: jars in <cache_dir>/kafka-<version>/libs (shared)
    port: int = 9092  # PLAINTEXT listener on 127.0.0.1
    controller_port: int = 9093  # CONTROLLER listener on 127.0.0.1
    version: str = DEFAULT_KAFKA_VERSION
    heap: str = "512m"
    num_partitions: int = 3  # default for auto-created topics
    node_id: int = 1
    voters: str = ""  # controller.quorum.voters of a cluster ("1@127.0.0.1:19093,2@…"); empty: this node alone
    replication: int = 1  # default and internal topics' replication factor (3 in a 3-node cluster)
    min_insync: int = 1  # min.insync.replicas: with acks=all, a write needs this many replicas (2 of 3)

    def __post_init__(self) -> None:
        self.state_dir = Path(self.state_dir)
        self.cache_dir = Path(self.cache_dir)
        if self.port == self.controller_port:
            raise ValueError(f"KafkaConfig: port and controller_port are both {self.port}")


class KafkaError(RuntimeError):
    """Kafka could not be set up / started / stopped; the message says why (with a log tail)."""


class KafkaBroker:
    def __init__(self, config: KafkaConfig) -> None:
        self.config = config
        self.state_dir = config.state_dir.resolve()
        self.data_dir = self.state_dir / "data"
        self.logs_dir = self.state_dir / "logs"
        self.properties_path = self.state_dir / "server.properties"
        self.pid_path = self.state_dir / "kafka.pid"
        self.cluster_id_path = self.state_dir / "cluster.id"
        self.stdout_path = self.logs_dir / "kafka.out"  # JVM stdout/stderr (crashes, early errors)
        self._lock_path = self.state_dir / ".lock"

    # ------------------------------------------------------------------ properties
    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.config.port}"

    @property
    def log_path(self) -> Path:
        """The broker's log4j2 log (INFO)."""
        return self.logs_dir / "server.log"

    @property
    def dist_dir(self) -> Path:
        return self.config.cache_dir.resolve() / f"kafka-{self.config.version}"

    @property
    def libs_dir(self) -> Path:
        return self.dist_dir / "libs"

    # ------------------------------------------------------------------ jars
    def _jars_fingerprint(self) -> str:
        h = hashlib.sha256()
        h.update(self.config.version.encode())
        h.update(POM_PATH.read_bytes())
        return h.hexdigest()

    def _jars_complete(self, fingerprint: str) -> bool:
        marker = self.dist_dir / ".complete"
        try:
            if marker.read_text().strip() != fingerprint:
                return False
        except OSError:
            return False
        return (self.libs_dir / f"kafka_2.13-{self.config.version}.jar").is_file()

    def ensure_jars(self) -> Path:
        """Resolve the broker's jars into ``<cache_dir>/kafka-<version>/libs``; returns that folder.

        Idempotent: a marker (fingerprint of the version and pom.xml) makes later calls instant;
        a partial or outdated download is thrown away and redone.
        """
        if not POM_PATH.is_file():
            raise KafkaError(f"missing {POM_PATH} (the dependency list for the Kafka jars)")
        fingerprint = self._jars_fingerprint()
        if self._jars_complete(fingerprint):
            return self.libs_dir
        dist = self.dist_dir
        dist.parent.mkdir(parents=True, exist_ok=True)
        lock = dist.parent / f".kafka-{self.config.version}.lock"
        try:
            with _proc.file_lock(lock, _MVN_TIMEOUT + 60, "Kafka jar download"):
                if self._jars_complete(fingerprint):  # another process finished meanwhile
                    return self.libs_dir
                mvn = self._mvn()
                partial = dist / "libs.partial"
                (dist / ".complete").unlink(missing_ok=True)
                shutil.rmtree(partial, ignore_errors=True)
                shutil.rmtree(self.libs_dir, ignore_errors=True)
                partial.mkdir(parents=True)
                cmd = [
                    mvn, "-B", "-q", "--no-transfer-progress", "-Dstyle.color=never",
                    "-f", str(POM_PATH),
                    f"-Dkafka.version={self.config.version}",
                    "dependency:copy-dependencies",
                    f"-DoutputDirectory={partial}",
                    "-DincludeScope=runtime",
                ]
                try:
                    _proc.run(cmd, timeout=_MVN_TIMEOUT, cwd=str(POM_PATH.parent))
                except _proc.CommandFailed as exc:
                    shutil.rmtree(partial, ignore_errors=True)
                    raise KafkaError(
                        f"could not download the Kafka {self.config.version} jars with Maven "
                        f"({exc.reason}); mvn output:\n{_proc.tail_text(exc.output, 40)}"
                    ) from None
                core = partial / f"kafka_2.13-{self.config.version}.jar"
                if not core.is_file():
                    raise KafkaError(
                        f"Maven finished but {core.name} is not in {partial}; "
                        f"got: {sorted(p.name for p in partial.glob('*.jar'))[:20]}"
                    )
                partial.rename(self.libs_dir)
                (dist / ".complete").write_text(fingerprint + "\n")
        except TimeoutError as exc:
            raise KafkaError(str(exc)) from None
        return self.libs_dir

    @staticmethod
    def _mvn() -> str:
        mvn = shutil.which("mvn")
        if mvn:
            return mvn
        try:
            _proc.apt_install(["maven"])
        except _proc.CommandFailed as exc:
            raise KafkaError(f"Maven (mvn) is not installed and installing it failed: {exc}") from None
        mvn = shutil.which("mvn")
        if not mvn:
            raise KafkaError("Maven (mvn) is not on PATH even after `apt-get install maven`")
        return mvn

    @staticmethod
    def _java() -> str:
        home = os.environ.get("JAVA_HOME")
        if home and (Path(home) / "bin" / "java").is_file():
            return str(Path(home) / "bin" / "java")
        java = shutil.which("java")
        if java:
            return java
        try:
            _proc.apt_install(["openjdk-17-jre-headless"])
        except _proc.CommandFailed as exc:
            raise KafkaError(f"java is not installed and installing it failed: {exc}") from None
        java = shutil.which("java")
        if not java:
            raise KafkaError("java is not on PATH even after installing openjdk-17-jre-headless")
        return java

    # ------------------------------------------------------------------ process state
    def _matches(self, pid: int) -> bool:
        cmd = _proc.pid_cmdline(pid)
        return _MAIN_CLASS in cmd and str(self.properties_path) in cmd

    def _find_orphan(self) -> int | None:
        """Our broker running without a (valid) pid file, found by its command line."""
        needle = str(self.properties_path).encode()
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                raw = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if needle in raw and b"kafka.Kafka\0" in raw:
                pid = int(entry.name)
                if _proc.pid_alive(pid) and self._matches(pid):
                    return pid
        return None

    def pid(self) -> int | None:
        pid = _proc.read_pid(self.pid_path)
        if pid and _proc.pid_alive(pid) and self._matches(pid):
            return pid
        orphan = self._find_orphan()
        if orphan:
            self.pid_path.write_text(f"{orphan}\n")
        return orphan

    def is_running(self) -> bool:
        return self.pid() is not None

    # ------------------------------------------------------------------ start
    def _server_properties(self) -> str:
        c = self.config
        props = {
            "process.roles": "broker,controller",
            "node.id": str(c.node_id),
            "controller.quorum.voters": c.voters or f"{c.node_id}@127.0.0.1:{c.controller_port}",
            "listeners": f"PLAINTEXT://127.0.0.1:{c.port},CONTROLLER://127.0.0.1:{c.controller_port}",
            "advertised.listeners": f"PLAINTEXT://127.0.0.1:{c.port}",
            "inter.broker.listener.name": "PLAINTEXT",
            "controller.listener.names": "CONTROLLER",
            "listener.security.protocol.map": "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "log.dirs": str(self.data_dir),
            "num.partitions": str(c.num_partitions),
            "default.replication.factor": str(c.replication),
            "min.insync.replicas": str(c.min_insync),
            "auto.create.topics.enable": "true",
            "delete.topic.enable": "true",
            # internal topics: as replicated as the cluster, few partitions (faster start, less memory)
            "offsets.topic.replication.factor": str(c.replication),
            "offsets.topic.num.partitions": "3",
            "transaction.state.log.replication.factor": str(c.replication),
            "transaction.state.log.min.isr": str(c.min_insync),
            "transaction.state.log.num.partitions": "3",
            "share.coordinator.state.topic.replication.factor": str(c.replication),
            "share.coordinator.state.topic.min.isr": str(c.min_insync),
            "share.coordinator.state.topic.num.partitions": "1",
            # after a crash (kill -9) the restarted broker can only register once its previous
            # session expired: keep that short (defaults 9 s / 2 s)
            "broker.session.timeout.ms": "4000",
            "broker.heartbeat.interval.ms": "1000",
            # no 3 s wait at every consumer-group join
            "group.initial.rebalance.delay.ms": "0",
            # small machine (2 cores)
            "num.network.threads": "2",
            "num.io.threads": "4",
            "num.recovery.threads.per.data.dir": "1",
            "log.cleaner.threads": "1",
            # dev retention: a week or 1 GiB per partition, 64 MiB segments
            "log.retention.hours": "168",
            "log.retention.bytes": str(1 << 30),
            "log.segment.bytes": str(64 << 20),
            "log.retention.check.interval.ms": "300000",
        }
        if c.replication > 1:  # Kafka's default, said out loud: an out-of-sync replica never leads (it would lose writes)
            props["unclean.leader.election.enable"] = "false"
        lines = [
            "# written by lantern_devstack.kafka on every start: edit KafkaConfig, not this file",
            *(f"{k}={v}" for k, v in props.items()),
        ]
        return "\n".join(lines) + "\n"

    def _java_cmd(self, libs: Path, main: list[str], heap: str) -> list[str]:
        return [
            self._java(),
            f"-Xmx{heap}",
            f"-Xms{min_heap(heap)}",
            "-XX:+UseG1GC",
            "-XX:MaxGCPauseMillis=20",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true",
            f"-Dkafka.logs.dir={self.logs_dir}",
            f"-Dlog4j2.configurationFile={LOG4J2_CONFIG}",
            "-cp",
            f"{libs}/*",
            *main,
        ]

    def _cluster_id(self) -> str:
        try:
            cid = self.cluster_id_path.read_text().strip()
            if cid:
                return cid
        except OSError:
            pass
        while True:  # same shape as Kafka's Uuid.randomUuid(): url-safe base64, 22 chars, no leading '-'
            cid = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
            if not cid.startswith("-"):
                break
        self.cluster_id_path.write_text(cid + "\n")
        return cid

    def _format_storage(self, libs: Path) -> None:
        if (self.data_dir / "meta.properties").is_file():
            return
        cmd = self._java_cmd(
            libs,
            [
                "kafka.tools.StorageTool", "format",
                "-t", self._cluster_id(),
                "-c", str(self.properties_path),
                "--ignore-formatted",
            ],
            heap="256m",
        )
        try:
            _proc.run(cmd, timeout=_FORMAT_TIMEOUT, cwd=str(self.state_dir))
        except _proc.CommandFailed as exc:
            raise KafkaError(
                f"formatting KRaft storage in {self.data_dir} failed ({exc.reason}):\n"
                f"{_proc.tail_text(exc.output, 40)}\n--- {self.log_path} ---\n"
                f"{_proc.tail_file(self.log_path, 20)}"
            ) from None

    def _ports(self) -> tuple[tuple[str, int], ...]:
        return (("port", self.config.port), ("controller_port", self.config.controller_port))

    def _wait_ports_free(self, timeout: float) -> None:
        for _, port in self._ports():
            _proc.wait_port_free(port, timeout)

    def _check_ports(self) -> None:
        for name, port in self._ports():
            # a little grace: sockets of a broker that just died can linger for a moment
            if not _proc.wait_port_free(port, 3.0):
                raise KafkaError(
                    f"cannot start Kafka: {name} 127.0.0.1:{port} is already in use by something "
                    f"that is not this broker (state {self.state_dir}); listener: "
                    f"{_proc.who_listens(port)}"
                )

    def _failure(self, reason: str) -> KafkaError:
        parts = [f"Kafka broker ({self.bootstrap}, state {self.state_dir}): {reason}"]
        parts.append(f"--- last lines of {self.log_path} ---\n{_proc.tail_file(self.log_path, 40)}")
        try:
            out = self.stdout_path.read_text(errors="replace").strip()
        except OSError:
            out = ""
        if out:
            parts.append(f"--- last lines of {self.stdout_path} ---\n{_proc.tail_text(out, 20)}")
        return KafkaError("\n".join(parts))

    def start(self, timeout: float = 90) -> None:
        """Start the broker (idempotent) and wait until it serves requests.

        ``timeout`` covers the broker's own start-up, not a cold jar download (see ensure_jars).
        Raises KafkaError with the reason and the log tail; never hangs.
        """
        self.state_dir.mkdir(parents=True, exist_ok=True)
        try:
            with _proc.file_lock(self._lock_path, timeout + 60 + _MVN_TIMEOUT, "Kafka start/stop"):
                self._start_locked(timeout)
        except TimeoutError as exc:
            raise KafkaError(str(exc)) from None

    def _start_locked(self, timeout: float) -> None:
        pid = self.pid()
        if pid is not None:  # already running (maybe still starting): just wait for it
            self._wait_ready(pid, time.monotonic() + timeout, kill_on_timeout=False)
            return
        self._check_ports()
        libs = self.ensure_jars()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.logs_dir.mkdir(parents=True, exist_ok=True)
        self.properties_path.write_text(self._server_properties())
        self._format_storage(libs)
        self.stdout_path.write_bytes(b"")  # fresh per start
        cmd = self._java_cmd(libs, [_MAIN_CLASS, str(self.properties_path)], self.config.heap)
        try:
            proc = _proc.spawn_detached(cmd, log_path=self.stdout_path, cwd=str(self.state_dir))
        except OSError as exc:
            raise KafkaError(f"could not run {cmd[0]}: {exc}") from None
        self.pid_path.write_text(f"{proc.pid}\n")
        self._wait_ready(proc.pid, time.monotonic() + timeout, kill_on_timeout=True)

    def _wait_ready(self, pid: int, deadline: float, kill_on_timeout: bool) -> None:
        last_error = "not listening yet"
        while True:
            if not _proc.pid_alive(pid):
                code = _proc.exit_code(pid)
                self.pid_path.unlink(missing_ok=True)
                raise self._failure(
                    f"the broker process (pid {pid}) exited during start-up"
                    + (f" with code {code}" if code is not None else "")
                )
            try:
                probe_broker("127.0.0.1", self.config.port, timeout=2.0)
                return
            except (OSError, ValueError, struct.error) as exc:
                last_error = str(exc) or type(exc).__name__
            if time.monotonic() >= deadline:
                if kill_on_timeout:
                    _proc.terminate(pid, 5)
                    self.pid_path.unlink(missing_ok=True)
                raise self._failure(
                    f"not ready before the start timeout (last probe: {last_error})"
                    + ("; the process was stopped" if kill_on_timeout else "")
                )
            time.sleep(0.25)

    # ------------------------------------------------------------------ stop
    def stop(self, timeout: float = 30) -> None:
        """SIGTERM (controlled shutdown), wait ``timeout``, then SIGKILL. Idempotent."""
        if not self.state_dir.exists():
            return
        try:
            with _proc.file_lock(self._lock_path, timeout + 120, "Kafka start/stop"):
                pid = self.pid()
                if pid is not None:
                    _proc.terminate(pid, timeout)
                    if _proc.pid_alive(pid):
                        raise self._failure(f"pid {pid} survived SIGTERM and SIGKILL")
                    self._wait_ports_free(5)
                self.pid_path.unlink(missing_ok=True)
        except TimeoutError as exc:
            raise KafkaError(str(exc)) from None

    def kill(self) -> None:
        """SIGKILL the broker at once (fault tests). Idempotent."""
        pid = self.pid()
        if pid is None:
            return
        _proc.signal_process(pid, signal.SIGKILL)
        if not _proc.wait_dead(pid, 10):
            raise self._failure(f"pid {pid} survived SIGKILL")
        self._wait_ports_free(5)
        self.pid_path.unlink(missing_ok=True)


def min_heap(heap: str) -> str:
    """Initial heap: the smaller of ``heap`` and 128m (a dev broker rarely needs more at first)."""
    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    h = heap.strip().lower()
    try:
        size = int(h[:-1]) * units[h[-1]] if h[-1] in units else int(h)
    except (ValueError, IndexError):
        return heap
    return "128m" if size > 128 << 20 else heap


# ---------------------------------------------------------------------- wire-protocol probe
def _kafka_request(sock: socket.socket, api_key: int, version: int, corr: int, body: bytes) -> bytes:
    client_id = b"lantern-devstack"
    header = struct.pack(">hhih", api_key, version, corr, len(client_id)) + client_id
    msg = header + body
    sock.sendall(struct.pack(">i", len(msg)) + msg)
    size = struct.unpack(">i", _recv_exact(sock, 4))[0]
    payload = _recv_exact(sock, size)
    (got_corr,) = struct.unpack_from(">i", payload, 0)
    if got_corr != corr:
        raise ValueError(f"correlation id mismatch ({got_corr} != {corr})")
    return payload[4:]


def _recv_exact(sock: socket.socket, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise ConnectionError("connection closed by the broker")
        buf += chunk
    return bytes(buf)


def probe_broker(host: str, port: int, timeout: float = 2.0) -> list[int]:
    """Ask the broker for ApiVersions, then Metadata; returns the node ids of live brokers.

    Raises OSError/ValueError while the broker is not (yet) serving clients.
    """
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.settimeout(timeout)
        body = _kafka_request(sock, 18, 0, 1, b"")  # ApiVersions v0
        (err,) = struct.unpack_from(">h", body, 0)
        if err != 0:
            raise ValueError(f"ApiVersions error code {err}")
        (n,) = struct.unpack_from(">i", body, 2)
        versions = {}
        for i in range(n):
            key, lo, hi = struct.unpack_from(">hhh", body, 6 + 6 * i)
            versions[key] = (lo, hi)
        lo, hi = versions.get(3, (0, -1))
        if not lo <= 4 <= hi:  # Metadata v4 not offered: ApiVersions alone has to do
            return []
        # Metadata v4: topics = [] (none, just brokers), allow_auto_topic_creation = false
        body = _kafka_request(sock, 3, 4, 2, struct.pack(">ib", 0, 0))
        off = 4  # throttle_time_ms
        (count,) = struct.unpack_from(">i", body, off)
        off += 4
        nodes = []
        for _ in range(count):
            (node_id,) = struct.unpack_from(">i", body, off)
            off += 4
            (hlen,) = struct.unpack_from(">h", body, off)
            off += 2 + hlen + 4  # host, port
            (rlen,) = struct.unpack_from(">h", body, off)
            off += 2 + max(rlen, 0)  # rack (nullable)
            nodes.append(node_id)
        if not nodes:
            raise ValueError("broker answers but has not registered yet (no brokers in metadata)")
        return nodes
