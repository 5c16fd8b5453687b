"""A private PostgreSQL cluster for dev and tests, run from Debian's server binaries.

The cluster (``initdb`` once) lives in ``PostgresConfig.state_dir / "data"``, listens on
127.0.0.1 only, keeps fsync on, and is started/stopped with ``pg_ctl``. Debian's own cluster
(port 5432) is never used.

PostgreSQL refuses to run as root. When this runs as root, ``initdb``/``pg_ctl`` run as the
``postgres`` system user (``runuser -u postgres --``) with the cluster's folders owned by it. If that
user cannot reach ``state_dir`` (e.g. the repo was cloned into a ``mktemp -d`` folder of mode 700,
as CI does), the cluster goes to ``/var/tmp/lantern-pg/<hash of state_dir>/`` and
``state_dir/data`` becomes a symlink to it.

Synchronous API, standard library only (``psql`` does the SQL)::

    pg = PostgresServer(PostgresConfig(state_dir=repo / ".state/dev/postgres"))
    pg.start()
    dsn = pg.ensure_service_database("orders", "secret")
    pg.stop()
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pwd
import re
import secrets
import shutil
import sys
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from . import _proc

PG_ROOT = Path("/usr/lib/postgresql")
FALLBACK_ROOT = Path("/var/tmp/lantern-pg")
SUPERUSER = "postgres"
_OS_USER = "postgres"  # the system user the server runs as when we are root
_INCLUDE_LINE = "include = 'lantern.conf'  # settings written by lantern_devstack on every start"
_SERVICE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
_RESERVED_NAMES = {"postgres", "template0", "template1", "public"}
_LOCK_ID = 7_346_201_118  # pg_advisory_lock key serialising ensure_service_database
_SOCKET_PATH_MAX = 100  # sun_path is 108 bytes, and ".s.PGSQL.<port>.lock" must fit too


@dataclass
class PostgresConfig:
    state_dir: Path  # e.g. <repo>/.state/dev/postgres; cluster data in <state_dir>/data
    port: int = 55432  # listens on 127.0.0.1 only

    def __post_init__(self) -> None:
        self.state_dir = Path(self.state_dir)


class PostgresError(RuntimeError):
    """PostgreSQL could not be installed / started / used; the message says why (with a log tail)."""


def _sql_quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


class PostgresServer:
    def __init__(self, config: PostgresConfig) -> None:
        self.config = config
        self.state_dir = config.state_dir.resolve()
        self.password_path = self.state_dir / "superuser.password"
        self._lock_path = self.state_dir / ".lock"
        self._bin_dir: Path | None = None
        self._version: str | None = None
        self._as_root = os.geteuid() == 0

    # ------------------------------------------------------------------ installation
    @staticmethod
    def _installed_bin_dirs() -> list[Path]:
        found = []
        for postgres in PG_ROOT.glob("*/bin/postgres"):
            major = postgres.parent.parent.name
            if major.isdigit() and os.access(postgres, os.X_OK):
                found.append((int(major), postgres.parent))
        return [d for _, d in sorted(found)]

    def ensure_installed(self) -> Path:
        """The server's bin folder (highest major in /usr/lib/postgresql); apt-installs if missing."""
        if self._bin_dir is not None:
            return self._bin_dir
        dirs = self._installed_bin_dirs()
        if not dirs:
            self._apt_install_postgresql()
            dirs = self._installed_bin_dirs()
            if not dirs:
                raise PostgresError(
                    f"`apt-get install postgresql` finished but no {PG_ROOT}/*/bin/postgres exists"
                )
        bin_dir = dirs[-1]
        for tool in ("initdb", "pg_ctl", "psql"):
            if not (bin_dir / tool).is_file():
                raise PostgresError(f"{bin_dir / tool} is missing (broken PostgreSQL install?)")
        if self._as_root:
            try:
                pwd.getpwnam(_OS_USER)
            except KeyError:
                raise PostgresError(
                    f"running as root, but there is no '{_OS_USER}' system user to run PostgreSQL as "
                    "(it comes with Debian's postgresql package)"
                ) from None
        self._bin_dir = bin_dir
        return bin_dir

    @staticmethod
    def _apt_install_postgresql() -> None:
        print("lantern-devstack: PostgreSQL is not installed; running apt-get install postgresql",
              file=sys.stderr)
        # Keep the package's own cluster from being started (we run our own): Debian's standard
        # policy-rc.d hook, only if the machine has none, removed again afterwards.
        policy = Path("/usr/sbin/policy-rc.d")
        created = False
        if os.geteuid() == 0 and not policy.exists():
            with contextlib.suppress(OSError):
                policy.write_text("#!/bin/sh\n# temporary, lantern_devstack.postgres\nexit 101\n")
                policy.chmod(0o755)
                created = True
        try:
            _proc.apt_install(["postgresql"], timeout=1200)
        except _proc.CommandFailed as exc:
            raise PostgresError(f"PostgreSQL is not installed and installing it failed: {exc}") from None
        finally:
            if created:
                policy.unlink(missing_ok=True)

    @property
    def bin_dir(self) -> Path:
        return self.ensure_installed()

    @property
    def version(self) -> str:
        """Server version, e.g. "15.18"."""
        if self._version is None:
            out = _proc.run([str(self.bin_dir / "postgres"), "--version"], timeout=30).stdout
            m = re.search(r"\(PostgreSQL\)\s+(\S+)", out)
            if not m:
                raise PostgresError(f"cannot parse the output of postgres --version: {out!r}")
            self._version = m.group(1)
        return self._version

    @property
    def major(self) -> int:
        return int(self.bin_dir.parent.name)

    # ------------------------------------------------------------------ where the cluster lives
    def _fallback_root(self) -> Path:
        digest = hashlib.sha256(str(self.state_dir).encode()).hexdigest()[:12]
        return FALLBACK_ROOT / digest

    def _pg_can_reach(self, path: Path) -> bool:
        try:
            res = _proc.run(
                ["runuser", "-u", _OS_USER, "--", "test", "-x", str(path), "-a", "-r", str(path)],
                timeout=30, cwd="/", check=False,
            )
        except _proc.CommandFailed:
            return False
        return res.returncode == 0

    def _cluster_root(self) -> Path:
        """Folder holding data/, logs/, run/: state_dir, or the fallback that state_dir/data links to.

        No side effects (safe for is_running()).
        """
        link = self.state_dir / "data"
        if link.is_symlink():
            return Path(os.readlink(link)).parent
        return self.state_dir

    def destroy(self) -> None:
        """Stop the cluster and delete it, fallback folder included (a test run starting from nothing)."""
        self.stop()
        root = self._cluster_root()
        if root != self.state_dir:
            shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(self.state_dir, ignore_errors=True)

    @property
    def data_dir(self) -> Path:
        return self._cluster_root() / "data"

    @property
    def log_path(self) -> Path:
        return self._cluster_root() / "logs" / "postgres.log"

    @property
    def socket_dir(self) -> Path:
        return self._cluster_root() / "run"

    def _pg_ids(self) -> tuple[int, int]:
        if not self._as_root:
            return os.getuid(), os.getgid()
        pw = pwd.getpwnam(_OS_USER)
        return pw.pw_uid, pw.pw_gid

    def _own(self, path: Path, mode: int) -> None:
        os.chmod(path, mode)
        if self._as_root:
            uid, gid = self._pg_ids()
            os.chown(path, uid, gid, follow_symlinks=False)

    def _prepare_dirs(self) -> Path:
        """Create the cluster folders (deciding on the fallback when needed); returns the root."""
        self.state_dir.mkdir(parents=True, exist_ok=True)
        link = self.state_dir / "data"
        if link.is_symlink():
            root = Path(os.readlink(link)).parent
            if not root.is_dir():
                self._make_fallback(root, announce=False)
        elif link.is_dir() or not self._as_root or self._pg_can_reach(self.state_dir):
            root = self.state_dir
        else:
            root = self._fallback_root()
            self._make_fallback(root, announce=True)
            link.symlink_to(root / "data")
        for sub, mode in (("data", 0o700), ("logs", 0o750), ("run", 0o700)):
            d = root / sub
            d.mkdir(exist_ok=True)
            st = d.stat()
            uid, _ = self._pg_ids()
            if st.st_uid != uid or (st.st_mode & 0o777) != mode:
                self._own(d, mode)
        return root

    def _make_fallback(self, root: Path, announce: bool) -> None:
        FALLBACK_ROOT.mkdir(parents=True, exist_ok=True)
        os.chmod(FALLBACK_ROOT, 0o755)
        self._clean_stale_fallbacks(keep=root)
        if root.exists():  # left over by an earlier state_dir at the same path: not ours any more
            self._stop_cluster_in(root / "data")
            shutil.rmtree(root, ignore_errors=True)
        root.mkdir()
        (root / "OWNER").write_text(f"{self.state_dir}\n")
        self._own(root, 0o755)
        if announce:
            print(
                f"lantern-devstack: user '{_OS_USER}' cannot reach {self.state_dir} (a parent folder "
                f"is not traversable, e.g. a mode-700 clone), so the PostgreSQL cluster lives in "
                f"{root} (symlinked from {self.state_dir / 'data'})",
                file=sys.stderr,
            )

    def _clean_stale_fallbacks(self, keep: Path) -> None:
        """Remove fallback clusters whose state_dir no longer exists (and that are not running)."""
        for d in FALLBACK_ROOT.iterdir():
            if d == keep or not d.is_dir():
                continue
            try:
                owner = Path((d / "OWNER").read_text().strip())
            except OSError:
                continue
            link = owner / "data"
            if link.is_symlink() and Path(os.readlink(link)).parent == d:
                continue  # still in use
            if self._postmaster_pid(d / "data") is not None:
                continue
            shutil.rmtree(d, ignore_errors=True)

    # ------------------------------------------------------------------ running commands
    def _pg_cmd(self, cmd: list[str]) -> list[str]:
        if self._as_root:
            return ["runuser", "-u", _OS_USER, "--", *cmd]
        return cmd

    def _run_pg(self, cmd: list[str], timeout: float, check: bool = True):
        # cwd "/": initdb/pg_ctl call getcwd(), which fails in a folder postgres cannot read
        return _proc.run(self._pg_cmd(cmd), timeout=timeout, cwd="/", check=check,
                         env={"LC_ALL": "C", "LANG": "C"})

    def _failure(self, reason: str, output: str = "") -> PostgresError:
        parts = [f"PostgreSQL (127.0.0.1:{self.config.port}, state {self.state_dir}): {reason}"]
        if output.strip():
            parts.append(_proc.tail_text(output, 40))
        parts.append(f"--- last lines of {self.log_path} ---\n{_proc.tail_file(self.log_path, 40)}")
        return PostgresError("\n".join(parts))

    # ------------------------------------------------------------------ password
    def _password(self) -> str:
        try:
            pw = self.password_path.read_text().strip()
            if pw:
                return pw
        except FileNotFoundError:
            pass
        self.state_dir.mkdir(parents=True, exist_ok=True)
        pw = secrets.token_urlsafe(24)
        fd = os.open(self.password_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(pw + "\n")
        os.chmod(self.password_path, 0o600)
        return pw

    @property
    def superuser_dsn(self) -> str:
        pw = urllib.parse.quote(self._password(), safe="")
        return f"postgresql://{SUPERUSER}:{pw}@127.0.0.1:{self.config.port}/postgres"

    # ------------------------------------------------------------------ state
    @staticmethod
    def _postmaster_pid(data_dir: Path) -> int | None:
        pid = _proc.read_pid(data_dir / "postmaster.pid")
        if pid is None or not _proc.pid_alive(pid):
            return None
        cmd = _proc.pid_cmdline(pid)
        if not cmd or not Path(cmd[0]).name.startswith("postgres"):
            return None
        return pid

    def pid(self) -> int | None:
        return self._postmaster_pid(self.data_dir)

    def is_running(self) -> bool:
        return self.pid() is not None

    def _stop_cluster_in(self, data_dir: Path) -> None:
        if self._postmaster_pid(data_dir) is None:
            return
        with contextlib.suppress(_proc.CommandFailed):
            self._run_pg([str(self.bin_dir / "pg_ctl"), "stop", "-D", str(data_dir), "-m",
                          "immediate", "-w", "-t", "30"], timeout=45)

    # ------------------------------------------------------------------ initdb / config
    @staticmethod
    def _has_c_utf8() -> bool:
        try:
            out = _proc.run(["locale", "-a"], timeout=15, check=False).stdout
        except _proc.CommandFailed:
            return False
        return any(x.strip().lower() in ("c.utf8", "c.utf-8") for x in out.splitlines())

    def _initdb(self, root: Path) -> None:
        data = root / "data"
        if (data / "PG_VERSION").is_file():
            return
        for child in data.iterdir():  # leftovers of an interrupted initdb
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
        pwfile = root / "run" / "initdb.pw"
        fd = os.open(pwfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(self._password() + "\n")
        self._own(pwfile, 0o600)
        cmd = [
            str(self.bin_dir / "initdb"),
            "-D", str(data),
            "-U", SUPERUSER,
            f"--pwfile={pwfile}",
            "--auth-host=scram-sha-256",
            # socket folder is mode 700, owned by the server's user: peer as root (OS user
            # postgres == role postgres), trust otherwise (only this user reaches the socket)
            "--auth-local=" + ("peer" if self._as_root else "trust"),
            "--encoding=UTF8",
            "--locale=C",
            "--data-checksums",
        ]
        if self._has_c_utf8():
            cmd.append("--lc-ctype=C.UTF-8")
        try:
            self._run_pg(cmd, timeout=180)
        except _proc.CommandFailed as exc:
            raise self._failure(f"initdb failed ({exc.reason})", exc.output) from None
        finally:
            pwfile.unlink(missing_ok=True)
        conf = data / "postgresql.conf"
        with open(conf, "a") as fh:
            fh.write(f"\n{_INCLUDE_LINE}\n")

    def _write_settings(self, root: Path) -> None:
        sock = root / "run"
        sockets = str(sock) if len(f"{sock}/.s.PGSQL.{self.config.port}.lock") <= _SOCKET_PATH_MAX else ""
        settings = {
            "listen_addresses": "'127.0.0.1'",
            "port": str(self.config.port),
            "unix_socket_directories": _sql_quote(sockets),
            "unix_socket_permissions": "0700",
            "max_connections": "200",
            "shared_buffers": "'128MB'",
            "work_mem": "'4MB'",
            "maintenance_work_mem": "'64MB'",
            # durability stays as PostgreSQL ships it
            "fsync": "on",
            "synchronous_commit": "on",
            "full_page_writes": "on",
            "password_encryption": "'scram-sha-256'",
            "timezone": "'UTC'",
            "log_timezone": "'UTC'",
            "logging_collector": "off",  # pg_ctl -l writes the log
            "log_line_prefix": "'%m [%p] %q%u@%d '",
            "log_checkpoints": "on",
            "log_lock_waits": "on",
            "log_min_messages": "warning",
            # an error's DETAIL names the values (a unique violation: "Key (email)=(...)"); the log never holds them
            "log_error_verbosity": "terse",
        }
        lines = ["# written by lantern_devstack.postgres on every start: edit PostgresConfig instead"]
        lines += [f"{k} = {v}" for k, v in settings.items()]
        path = root / "data" / "lantern.conf"
        path.write_text("\n".join(lines) + "\n")
        self._own(path, 0o600)
        conf = root / "data" / "postgresql.conf"
        if _INCLUDE_LINE not in conf.read_text():
            with open(conf, "a") as fh:
                fh.write(f"\n{_INCLUDE_LINE}\n")

    # ------------------------------------------------------------------ start / stop
    def start(self, timeout: float = 60) -> None:
        """Start the cluster (initdb the first time). Idempotent; raises PostgresError, never hangs."""
        self.ensure_installed()
        self.state_dir.mkdir(parents=True, exist_ok=True)
        try:
            with _proc.file_lock(self._lock_path, timeout + 300, "PostgreSQL start/stop"):
                self._start_locked(timeout)
        except TimeoutError as exc:
            raise PostgresError(str(exc)) from None

    def _start_locked(self, timeout: float) -> None:
        root = self._prepare_dirs()
        if self.is_running():
            self._check_login(deadline=time.monotonic() + timeout)
            return
        port = self.config.port
        if _proc.port_open(port) or not _proc.port_bindable(port):
            raise PostgresError(
                f"cannot start PostgreSQL: 127.0.0.1:{port} is already in use by something that is "
                f"not this cluster ({self.data_dir}); listener: {_proc.who_listens(port)}"
            )
        self._initdb(root)
        self._write_settings(root)
        log = self.log_path
        if not log.exists():
            log.touch()
            self._own(log, 0o640)
        wait = max(5, int(timeout))
        cmd = [str(self.bin_dir / "pg_ctl"), "start", "-D", str(root / "data"), "-l", str(log),
               "-w", "-t", str(wait), "-s"]
        try:
            self._run_pg(cmd, timeout=wait + 15)
        except _proc.CommandFailed as exc:
            if self.is_running():  # pg_ctl gave up waiting: do not leave a half-started server
                self._stop_cluster_in(root / "data")
            raise self._failure(f"pg_ctl start failed ({exc.reason})", exc.output) from None
        self._check_login(deadline=time.monotonic() + min(timeout, 20))

    def _check_login(self, deadline: float) -> None:
        last = ""
        while True:
            try:
                self._psql("SELECT 1;", timeout=15)
                return
            except PostgresError as exc:
                last = str(exc)
                if "password authentication failed" in last:
                    raise PostgresError(
                        f"the server runs but rejects the superuser password in {self.password_path} "
                        f"(the file no longer matches the cluster in {self.data_dir}); delete "
                        f"{self.state_dir} to start over.\n{last}"
                    ) from None
            if time.monotonic() >= deadline:
                raise self._failure(f"the server runs but does not accept connections: {last}")
            time.sleep(0.3)

    def _pg_ctl_stop(self, mode: str, timeout: float) -> None:
        if not self.is_running():
            return
        cmd = [str(self.bin_dir / "pg_ctl"), "stop", "-D", str(self.data_dir), "-m", mode,
               "-w", "-t", str(max(5, int(timeout))), "-s"]
        try:
            self._run_pg(cmd, timeout=timeout + 15)
        except _proc.CommandFailed as exc:
            if self.is_running():
                raise self._failure(f"pg_ctl stop -m {mode} failed ({exc.reason})", exc.output) from None

    def stop(self, timeout: float = 30) -> None:
        """Fast shutdown (`pg_ctl stop -m fast`; immediate if that times out). Idempotent."""
        if not self.state_dir.exists():
            return
        try:
            with _proc.file_lock(self._lock_path, timeout + 120, "PostgreSQL start/stop"):
                try:
                    self._pg_ctl_stop("fast", timeout)
                except PostgresError:
                    self._pg_ctl_stop("immediate", 30)
        except TimeoutError as exc:
            raise PostgresError(str(exc)) from None

    def restart(self) -> None:
        self.stop()
        self.start()

    def kill(self) -> None:
        """Immediate shutdown (no checkpoint; crash recovery at next start) for fault tests."""
        self._pg_ctl_stop("immediate", 30)

    # ------------------------------------------------------------------ SQL
    def _psql(self, script: str, *, dbname: str = "postgres", variables: dict[str, str] | None = None,
              extra_env: dict[str, str] | None = None, timeout: float = 60) -> str:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env.update({
            "PGPASSWORD": self._password(),
            "PGCONNECT_TIMEOUT": "10",
            "PGAPPNAME": "lantern-devstack",
            "PGSSLMODE": "disable",
        })
        env.update(extra_env or {})
        cmd = [str(self.bin_dir / "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
               "-h", "127.0.0.1", "-p", str(self.config.port), "-U", SUPERUSER, "-d", dbname]
        for k, v in (variables or {}).items():
            cmd += ["-v", f"{k}={v}"]
        cmd += ["-f", "-"]
        try:
            return _proc.run(cmd, timeout=timeout, input=script, env=env, inherit_env=False).stdout
        except _proc.CommandFailed as exc:
            raise PostgresError(f"psql on database {dbname} failed ({exc.reason}):\n"
                                f"{_proc.tail_text(exc.output, 40)}") from None

    @staticmethod
    def _check_name(name: str) -> None:
        if not _SERVICE_NAME.match(name) or name in _RESERVED_NAMES or name.startswith("pg_"):
            raise PostgresError(
                f"invalid service database name {name!r}: use lowercase letters, digits and _, "
                "starting with a letter or _, at most 63 characters, not postgres/template*/pg_*"
            )

    def ensure_service_database(self, name: str, password: str) -> str:
        """Role ``name`` (LOGIN, password set) owning database ``name``, closed to everyone else.

        Idempotent (the password is updated). Returns the service's DSN.
        """
        self._check_name(name)
        if not password:
            raise PostgresError(f"empty password for service database {name!r}")
        if self.major >= 15:  # \getenv: the password never shows on a command line
            pw_setup, extra_env, variables = (
                "\\getenv svc_pw LANTERN_SERVICE_PASSWORD\n",
                {"LANTERN_SERVICE_PASSWORD": password},
                {"svc": name},
            )
        else:
            pw_setup, extra_env, variables = "", {}, {"svc": name, "svc_pw": password}
        self._psql(
            pw_setup
            + f"SELECT pg_advisory_lock({_LOCK_ID}) \\g /dev/null\n"
            + """
SELECT format('CREATE ROLE %I LOGIN', :'svc')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'svc') \\gexec
ALTER ROLE :"svc" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'svc_pw';
SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8'' TEMPLATE template0', :'svc', :'svc')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'svc') \\gexec
ALTER DATABASE :"svc" OWNER TO :"svc";
REVOKE ALL ON DATABASE :"svc" FROM PUBLIC;
GRANT ALL ON DATABASE :"svc" TO :"svc";
"""
            + f"SELECT pg_advisory_unlock({_LOCK_ID}) \\g /dev/null\n",
            variables=variables,
            extra_env=extra_env,
        )
        self._psql(
            """
ALTER SCHEMA public OWNER TO :"svc";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
""",
            dbname=name,
            variables={"svc": name},
        )
        pw = urllib.parse.quote(password, safe="")
        return f"postgresql://{name}:{pw}@127.0.0.1:{self.config.port}/{name}"

    def drop_service_database(self, name: str) -> None:
        """Drop database and role ``name`` (connections terminated). Idempotent; for test resets."""
        self._check_name(name)
        self._psql(
            """
SELECT pg_terminate_backend(pid) FROM pg_stat_activity
 WHERE datname = :'svc' AND pid <> pg_backend_pid() \\g /dev/null
DROP DATABASE IF EXISTS :"svc" WITH (FORCE);
SELECT format('DROP OWNED BY %I', :'svc')
 WHERE EXISTS (SELECT FROM pg_roles WHERE rolname = :'svc') \\gexec
DROP ROLE IF EXISTS :"svc";
""",
            variables={"svc": name},
        )
