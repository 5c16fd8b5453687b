"""The whole of Lantern on one machine: Kafka, PostgreSQL, a database per service, every service as a process."""

import asyncio
import contextlib
import hashlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg
import httpx

from lantern_shared.migrations import MigrationSource, migrate, sources_for
from lantern_shared.sealing import KEYS_DATABASE, KEYS_MIGRATIONS  # per-patron data keys (docs/privacy.md)

from .ils_standin import LANGUAGE_FIELD
from . import lifetime
from .kafka import KafkaBroker, KafkaConfig
from .kafka_cluster import KafkaCluster
from .keycloak import Keycloak, KeycloakConfig
from .postgres import PostgresConfig, PostgresServer

REPO = Path(__file__).resolve().parents[3]
SERVICES = ("registration", "devices", "partners", "notifications")  # own a database and talk to Kafka
ALL_SERVICES = (*SERVICES, "edge")
SERVICES_WITH_DATABASE = ALL_SERVICES  # the edge keeps its idempotency keys in a small database of its own


MAIL_SINK = "mail-sink"
ILS = "ils-standin"
TWILIO = "twilio-standin"  # Twilio's Messages API on loopback (twilio_standin.py): texts land in sms_dir
TWILIO_ACCOUNT_SID = "AC" + "0" * 31 + "1"
LIBRARY_NUMBER = "+12065550000"  # the library's sending number, as the stand-in sees it


class StackError(RuntimeError):
    pass


@dataclass(frozen=True)
class StackConfig:
    """Where one stack lives and listens. The dev stack and the test stack differ only in these."""

    name: str
    kafka_port: int
    kafka_controller_port: int
    postgres_port: int
    http_base_port: int  # edge on base, then registration, devices, partners, notifications
    smtp_port: int  # the mail sink that keeps every email notifications sends, readable in mail_dir
    repo: Path = REPO
    extra_env: dict[str, str] = field(default_factory=dict)
    brokers: int = 1  # 3: a KRaft cluster (RF 3, min.insync.replicas 2) on kafka_port, kafka_port + 2, + 4
    instances: int = 1  # processes of each service; instance k > 1 listens 10 * (k - 1) ports above the first
    partitions: int | None = None  # partitions of the topics services create (None: the services' default)

    @property
    def state_dir(self) -> Path:
        return self.repo / ".state" / self.name

    @property
    def mail_dir(self) -> Path:
        return self.state_dir / "mail"

    @property
    def sms_dir(self) -> Path:
        return self.state_dir / "sms"

    @property
    def twilio_port(self) -> int:
        return self.http_base_port + 90

    @property
    def cache_dir(self) -> Path:
        return self.repo / ".cache"

    def http_port(self, service: str) -> int:
        return self.http_base_port + ALL_SERVICES.index(service) + 1 if service != "edge" else self.http_base_port

    def url(self, service: str) -> str:
        return f"http://127.0.0.1:{self.http_port(service)}"

    @property
    def ils_port(self) -> int:  # the SIP2 stand-in for the library's catalogue
        return self.http_base_port + 60

    @property
    def keycloak_port(self) -> int:  # the identity provider; its health checks on the next port
        return self.http_base_port + 80


DEV = StackConfig("dev", kafka_port=9092, kafka_controller_port=9093, postgres_port=55432, http_base_port=8000,
                  smtp_port=1025)


def test_config(slot: int | None = None) -> StackConfig:  # noqa: PT028 - a factory, not a test
    """The test stack. LANTERN_TEST_SLOT=N (1-9) moves it to other ports and state, so test runs can go side by side."""
    slot = int(os.environ.get("LANTERN_TEST_SLOT", "0")) if slot is None else slot
    return StackConfig(
        "test" if slot == 0 else f"test{slot}",
        kafka_port=19092 + 10 * slot, kafka_controller_port=19093 + 10 * slot,
        postgres_port=55433 + 10 * slot, http_base_port=18000 + 100 * slot, smtp_port=11025 + 10 * slot,
        # End-to-end tests move the devices clock (overdue loans without waiting a week) and scan often.
        extra_env={"LANTERN_DEVICES_TEST_CLOCK": "true", "LANTERN_DEVICES_LOAN_NOTICES_INTERVAL_S": "1",
                   # sign-in tests lock a card after 3 wrong PINs, and the ILS's silence is noticed within 2 s;
                   # every test calls from 127.0.0.1, so the per-address limit is kept out of their way
                   "LANTERN_EDGE_SIGNIN_MAX_FAILURES": "3", "LANTERN_EDGE_SIP2_TIMEOUT_S": "2",
                   "LANTERN_EDGE_SIGNIN_ADDRESS_MAX_FAILURES": "10000",
                   "LANTERN_EDGE_JWKS_MIN_REFRESH_INTERVAL_S": "1",
                   # guest sign-in tests move the edge's clock past a code's ten minutes
                   "LANTERN_EDGE_TEST_CLOCK": "true"},
    )


class Stack:
    def __init__(self, config: StackConfig) -> None:
        self.config = config
        single = KafkaBroker(
            KafkaConfig(
                state_dir=config.state_dir / "kafka", cache_dir=config.cache_dir,
                port=config.kafka_port, controller_port=config.kafka_controller_port,
            )
        )
        cluster = KafkaCluster(state_dir=config.state_dir / "kafka", cache_dir=config.cache_dir,
                               port=config.kafka_port, nodes=max(config.brokers, 1))
        self.kafka: KafkaBroker | KafkaCluster = cluster if config.brokers > 1 else single
        self._other_kafka = single if config.brokers > 1 else cluster  # stopped at start: the ports are shared
        self.postgres = PostgresServer(PostgresConfig(state_dir=config.state_dir / "postgres", port=config.postgres_port))
        self.logs_dir = config.state_dir / "logs"
        self.run_dir = config.state_dir / "run"

    # ---- secrets -------------------------------------------------------------------------------------------
    @property
    def secrets(self) -> dict[str, str]:
        """Generated once per stack and kept in its state folder (mode 600): database passwords, internal token."""
        path = self.config.state_dir / "secrets.json"
        if path.exists():
            known = json.loads(path.read_text())
            if all(f"{s}_db_password" in known for s in SERVICES_WITH_DATABASE):
                if all(name in known for name in _SIGN_IN_SECRETS):
                    return known
                known |= _sign_in_secrets()  # written before sign-in came: add what it needs, keep the rest
                path.write_text(json.dumps(known, indent=2))
                return known
            path.unlink()  # written by an older version that had fewer databases: generate afresh
        path.parent.mkdir(parents=True, exist_ok=True)
        generated = {f"{s}_db_password": secrets.token_urlsafe(18) for s in SERVICES_WITH_DATABASE}
        generated["internal_token"] = secrets.token_urlsafe(32)
        generated["jwt_secret"] = secrets.token_urlsafe(32)
        generated |= _sign_in_secrets()
        path.touch(mode=0o600)
        path.write_text(json.dumps(generated, indent=2))
        return generated

    @property
    def twilio_auth_token(self) -> str:
        """The stand-in's auth token, derived from the stack's generated secrets (no new secret to keep)."""
        return hashlib.sha256(f"twilio:{self.secrets['internal_token']}".encode()).hexdigest()[:32]

    @property
    def sms_webhook_base_url(self) -> str:
        """Where Twilio (here the stand-in) calls the library: the edge's public SMS routes."""
        return f"{self.config.url('edge')}/api/v1/sms"

    @property
    def keys_password(self) -> str:
        """The data-key store's password, derived from the stack's generated secrets (no new secret to keep)."""
        return hashlib.sha256(f"datakeys:{self.secrets['internal_token']}".encode()).hexdigest()[:32]

    @property
    def keys_dsn(self) -> str:
        return f"postgresql://{KEYS_DATABASE}:{self.keys_password}@127.0.0.1:{self.config.postgres_port}/{KEYS_DATABASE}"

    def dsn(self, service: str) -> str:
        password = self.secrets[f"{service}_db_password"]
        return f"postgresql://{service}:{password}@127.0.0.1:{self.config.postgres_port}/{service}"

    def service_env(self, service: str, instance: int = 1) -> dict[str, str]:
        prefix = f"LANTERN_{service.upper()}_"
        env = {
            f"{prefix}HTTP_HOST": "127.0.0.1",
            f"{prefix}HTTP_PORT": str(self.config.http_port(service) + 10 * (instance - 1)),
            f"{prefix}INTERNAL_TOKEN": self.secrets["internal_token"],
        }
        env |= {
            f"{prefix}DB_PORT": str(self.config.postgres_port),
            f"{prefix}DB_PASSWORD": self.secrets[f"{service}_db_password"],
        }
        if service in SERVICES:
            env[f"{prefix}KAFKA_BOOTSTRAP"] = self.kafka.bootstrap
            env[f"{prefix}KEYS_DSN"] = self.keys_dsn
            if self.config.brokers > 1:
                env[f"{prefix}KAFKA_REPLICATION_FACTOR"] = str(min(3, self.config.brokers))
            if self.config.partitions:
                env[f"{prefix}KAFKA_TOPIC_PARTITIONS"] = str(self.config.partitions)
        if service == "notifications":
            env |= {f"{prefix}SMTP_HOST": "127.0.0.1", f"{prefix}SMTP_PORT": str(self.config.smtp_port),
                    f"{prefix}STAFF_EMAIL": "outreach-staff@library.invalid"}
            env |= {f"{prefix}TWILIO_BASE_URL": f"http://127.0.0.1:{self.config.twilio_port}",
                    f"{prefix}TWILIO_ACCOUNT_SID": TWILIO_ACCOUNT_SID,
                    f"{prefix}TWILIO_AUTH_TOKEN": self.twilio_auth_token, f"{prefix}SMS_FROM": LIBRARY_NUMBER,
                    f"{prefix}SMS_WEBHOOK_BASE_URL": self.sms_webhook_base_url}
        else:
            env |= {f"{prefix}{s.upper()}_URL": self.config.url(s) for s in SERVICES}
        if service == "edge":
            # The edge takes each service's instances in turn (and skips one that is down): there is no load
            # balancer on a developer's machine; in Kubernetes a Service is the one address.
            env |= {f"{prefix}{s.upper()}_URL": ",".join(self.instance_url(n) for n in self.instances(s)) for s in SERVICES}
            # Development tokens (`lantern-stack token`) stay on locally; compose and k8s leave them off.
            env |= {f"{prefix}JWT_SECRET": self.secrets["jwt_secret"], f"{prefix}DEV_TOKENS": "true",
                    f"{prefix}PUBLIC_URL": self.config.url("edge"),
                    f"{prefix}OIDC_ISSUERS": json.dumps([{"issuer": self.keycloak.issuer, "audience": "lantern-api",
                                                          "roles_claim": "realm_access.roles",
                                                          "partner_claim": "partner_id"}]),
                    f"{prefix}PATRON_SIGNING_KEY": self.secrets["patron_signing_key"],
                    f"{prefix}CARD_HASH_KEY": self.secrets["card_hash_key"],
                    f"{prefix}SIP2_HOST": "127.0.0.1", f"{prefix}SIP2_PORT": str(self.config.ils_port),
                    f"{prefix}SIP2_LOGIN_USER": "lantern", f"{prefix}SIP2_LOGIN_PASSWORD": self.secrets["ils_password"],
                    f"{prefix}SIP2_LANGUAGE_FIELD": LANGUAGE_FIELD}
        if endpoint := os.environ.get("LANTERN_OTLP_ENDPOINT"):  # traces to a collector (e.g. a local Jaeger)
            env[f"{prefix}OTLP_ENDPOINT"] = endpoint
        return env | {k: v for k, v in self.config.extra_env.items() if k.startswith(prefix)}

    @property
    def keycloak(self) -> Keycloak:
        """The identity provider: started by `make run`, and by the tests only when a sign-in test asks for it."""
        return Keycloak(KeycloakConfig(
            state_dir=self.config.state_dir / "keycloak", cache_dir=self.config.cache_dir,
            port=self.config.keycloak_port, management_port=self.config.keycloak_port + 1,
            db_port=self.config.postgres_port, db_password=self.secrets.get("keycloak_db_password", ""),
            admin_password=self.secrets.get("keycloak_admin_password", ""),
        ))

    def start_keycloak(self) -> Keycloak:
        self.postgres.ensure_service_database("keycloak", self.secrets["keycloak_db_password"])
        keycloak = self.keycloak
        keycloak.start()
        return keycloak

    def start_ils(self) -> int:
        """The SIP2 stand-in for the library's catalogue, with its demo cards."""
        argv = ["-m", "lantern_devstack.ils_standin", "--port", str(self.config.ils_port)]
        return self._start_listener(ILS, "the ILS stand-in", argv, self.config.ils_port,
                                    {"LANTERN_ILS_STANDIN_LOGIN": f"lantern:{self.secrets['ils_password']}"})

    # ---- infrastructure ------------------------------------------------------------------------------------
    def start_infrastructure(self) -> None:
        lifetime.reap_if_orphaned(self)
        lifetime.record(self)
        self.kafka.ensure_jars()
        self.postgres.start()
        self._other_kafka.stop()
        self.kafka.start()
        for service in SERVICES_WITH_DATABASE:
            self.postgres.ensure_service_database(service, self.secrets[f"{service}_db_password"])
        self.postgres.ensure_service_database(KEYS_DATABASE, self.keys_password)
        asyncio.run(self.migrate_all())

    async def migrate_all(self) -> dict[str, list[str]]:
        applied = {}
        for service in SERVICES_WITH_DATABASE:
            module = __import__(f"lantern_{service}.app", fromlist=["MIGRATIONS"])
            conn = await asyncpg.connect(self.dsn(service))
            try:
                applied[service] = await migrate(conn, sources_for(service, module.MIGRATIONS, backbone=service in SERVICES))
            finally:
                await conn.close()
        conn = await asyncpg.connect(self.keys_dsn)
        try:
            applied[KEYS_DATABASE] = await migrate(conn, [MigrationSource(KEYS_DATABASE, KEYS_MIGRATIONS)])
        finally:
            await conn.close()
        return applied

    # ---- service processes ---------------------------------------------------------------------------------
    def pid_file(self, service: str) -> Path:
        return self.run_dir / f"{service}.pid"

    def log_file(self, service: str) -> Path:
        return self.logs_dir / f"{service}.log"

    def service_pid(self, service: str) -> int | None:
        """The pid of a process the stack started (a service's first instance, `<service>-<k>` another one), if it
        runs; a pid file naming a process that is not one of ours (the pid was reused) counts as none."""
        try:
            pid = int(self.pid_file(service).read_text())
        except (FileNotFoundError, ValueError):
            return None
        return pid if _alive(pid) and _ours(pid) else None

    def instances(self, service: str) -> list[str]:
        """The process names of a service's instances: `registration`, `registration-2`, …"""
        if service not in ALL_SERVICES:
            return [service]
        return [service, *(f"{service}-{k}" for k in range(2, self.config.instances + 1))]

    def instance_url(self, name: str) -> str:
        service, k = _instance(name)
        return f"http://127.0.0.1:{self.config.http_port(service) + 10 * (k - 1)}"

    def start_service(self, service: str) -> int:
        """Start every instance of `service` (one by default); the first one's pid."""
        pids = [self.start_instance(name) for name in self.instances(service)]
        return pids[0]

    def start_instance(self, name: str) -> int:
        service, k = _instance(name)
        return self._spawn(name, ["-m", f"lantern_{service}", "serve"], self.service_env(service, k))

    def start_mail_sink(self) -> int:
        """The SMTP sink: every email notifications sends lands in `mail_dir` as a .eml file a person can open."""
        argv = ["-m", "lantern_notifications.smtp_sink", "--host", "127.0.0.1", "--port", str(self.config.smtp_port),
                "--maildir", str(self.config.mail_dir)]
        return self._start_listener(MAIL_SINK, "the mail sink", argv, self.config.smtp_port, {})

    def start_twilio_standin(self) -> int:
        """Twilio's Messages API on loopback: every text notifications sends is kept in `sms_dir` (numbers hashed)."""
        argv = ["-m", "lantern_devstack.twilio_standin", "--port", str(self.config.twilio_port),
                "--account-sid", TWILIO_ACCOUNT_SID, "--auth-token", self.twilio_auth_token,
                "--inbound-url", f"{self.sms_webhook_base_url}/inbound", "--state-dir", str(self.config.sms_dir)]
        return self._start_listener(TWILIO, "the Twilio stand-in", argv, self.config.twilio_port, {})

    def _start_listener(self, name: str, what: str, argv: list[str], port: int, env: dict[str, str],
                        timeout: float = 15) -> int:
        """Spawn a small server and wait until it listens on `port`. Watched by the pid it was given (not through its
        pid file, which a concurrent wipe may remove): if it exits or does not listen in time, it is killed (never
        left behind) and the error says which, with its log's tail."""
        pid = self._spawn(name, argv, env)
        deadline = time.monotonic() + timeout
        while not _listening(port):
            exited = not _alive(pid)
            if exited or time.monotonic() > deadline:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(pid, signal.SIGKILL)  # its own session (start_new_session): the group is its pid
                gone_by = time.monotonic() + 5
                while _alive(pid) and time.monotonic() < gone_by:  # reaped here, not left a zombie
                    time.sleep(0.02)
                self.pid_file(name).unlink(missing_ok=True)
                why = "it exited" if exited else f"it did not listen on port {port} within {timeout:.0f}s"
                raise StackError(f"{what} did not start ({why}; pid {pid}):\n{self.log_tail(name)}")
            time.sleep(0.1)
        return pid

    def _spawn(self, name: str, argv: list[str], env: dict[str, str]) -> int:
        if pid := self.service_pid(name):
            return pid
        self.logs_dir.mkdir(parents=True, exist_ok=True)
        self.run_dir.mkdir(parents=True, exist_ok=True)
        with self.log_file(name).open("ab") as log:
            process = subprocess.Popen(
                [sys.executable, *argv], env={**os.environ, **env, "PYTHONUNBUFFERED": "1"},
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True, cwd=self.config.repo,
            )
        self.pid_file(name).write_text(str(process.pid))
        return process.pid

    def stop_service(self, service: str, *, kill: bool = False, timeout: float = 15) -> None:
        self.stop_many((service,), kill=kill, timeout=timeout)

    def stop_many(self, services: tuple[str, ...], *, kill: bool = False, timeout: float = 15) -> None:
        """Signal every one first, then wait: stopping takes as long as the slowest, not the sum.
        A service's name stops all its instances (any left from a run with more of them too)."""
        services = tuple(dict.fromkeys(name for service in services for name in self._started_as(service)))
        pids = {}
        for service in services:
            if (pid := self.service_pid(service)) is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL if kill else signal.SIGTERM)
                pids[service] = pid
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and any(_alive(pid) for pid in pids.values()):
            time.sleep(0.05)
        for pid in pids.values():
            if _alive(pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        for service in services:
            self.pid_file(service).unlink(missing_ok=True)

    def restart_service(self, service: str, *, kill: bool = False, timeout: float = 60) -> int:
        """Stop one service (with kill=True a crash: SIGKILL, nothing flushed or closed) and start it again.
        Returns the new pid once the service answers ready."""
        self.stop_service(service, kill=kill)
        pid = self.start_service(service)
        self.wait_ready((service,), timeout=timeout)
        return pid

    def _started_as(self, service: str) -> list[str]:
        if service not in ALL_SERVICES:
            return [service]
        extra = sorted(p.stem for p in self.run_dir.glob(f"{service}-*.pid"))
        return list(dict.fromkeys([*self.instances(service), *extra]))

    def wait_ready(self, services: tuple[str, ...] = ALL_SERVICES, timeout: float = 60) -> None:
        """Every instance of each service (or the one instance named, e.g. `devices-2`) answers ready."""
        deadline = time.monotonic() + timeout
        pending = [name for service in services for name in self.instances(service)]
        while pending:
            service = pending[0]
            if self.service_pid(service) is None:
                raise StackError(f"{service} exited during start-up:\n{self.log_tail(service)}")
            try:
                if httpx.get(f"{self.instance_url(service)}/health/ready", timeout=2).status_code == 200:
                    pending.pop(0)
                    continue
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise StackError(f"{service} was not ready within {timeout:.0f}s:\n{self.log_tail(service)}")
            time.sleep(0.2)

    def start_services(self, services: tuple[str, ...] = ALL_SERVICES) -> None:
        if "notifications" in services:
            self.start_mail_sink()
            self.start_twilio_standin()
        if "edge" in services:
            self.start_ils()
        for service in services:
            self.start_service(service)
        self.wait_ready(services)

    def stop_services(self) -> None:
        self.stop_many((*ALL_SERVICES, MAIL_SINK, ILS, TWILIO, "web"))

    def start_web(self) -> int:
        """The web app (frontends/web) on http_base_port + 50, after the edge it calls."""
        from .web import start_web

        return start_web(self)

    def log_tail(self, service: str, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_file(service).read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return "(no log)"

    def token(self, role: str, subject: str, *, patron_id: str | None = None, partner_id: str | None = None,
              ttl_s: int = 8 * 3600) -> str:
        """A bearer token the local edge accepts (signed with this stack's generated secret)."""
        from lantern_edge.auth import mint_token

        return mint_token(self.secrets["jwt_secret"], role=role, subject=subject, patron_id=patron_id,
                          partner_id=partner_id, ttl_s=ttl_s)

    # ---- the whole -----------------------------------------------------------------------------------------
    def up(self) -> None:
        self.start_infrastructure()
        self.start_services()

    def down(self) -> None:
        self.stop_services()
        self.keycloak.stop()
        self.kafka.stop()
        self.postgres.stop()
        lifetime.release(self)

    def wipe(self) -> None:
        """Stop everything and forget all state (databases, Kafka data, mail, logs); downloaded jars stay."""
        self.stop_services()
        self.keycloak.stop()
        self.kafka.stop()
        self._other_kafka.stop()
        self.postgres.destroy()
        lifetime.release(self)
        shutil.rmtree(self.config.state_dir, ignore_errors=True)

    def bind_to(self, owner: int | None = None) -> int:
        """The stack lives only as long as process `owner` (default: this one): a watchdog process stops it when
        the owner is gone, however it ended (kill -9 included). Returns the watchdog's pid."""
        return lifetime.bind(self, owner or os.getpid())

    def status(self) -> dict[str, str]:
        report = {
            "kafka": f"running on {self.kafka.bootstrap}" if self.kafka.is_running() else "stopped",
            "postgres": f"running on 127.0.0.1:{self.config.postgres_port}" if self.postgres.is_running() else "stopped",
        }
        sink = self.service_pid(MAIL_SINK)
        report["mail sink"] = (f"pid {sink}, 127.0.0.1:{self.config.smtp_port}, mail in {self.config.mail_dir}"
                               if sink else "stopped")
        ils = self.service_pid(ILS)
        report["ILS (SIP2)"] = f"pid {ils}, 127.0.0.1:{self.config.ils_port}" if ils else "stopped"
        report["keycloak"] = (f"running, {self.keycloak.url} (realm lantern)" if self.keycloak.is_running()
                              else "stopped")
        twilio = self.service_pid(TWILIO)
        report["twilio stand-in"] = (f"pid {twilio}, http://127.0.0.1:{self.config.twilio_port}, texts in "
                                     f"{self.config.sms_dir}" if twilio else "stopped")
        web = self.service_pid("web")
        report["web app"] = f"pid {web}, http://127.0.0.1:{self.config.http_base_port + 50}" if web else "stopped"
        for service in (name for s in ALL_SERVICES for name in self.instances(s)):
            pid = self.service_pid(service)
            if pid is None:
                report[service] = "stopped"
                continue
            try:
                ready = httpx.get(f"{self.instance_url(service)}/health/ready", timeout=2)
                state = "ready" if ready.status_code == 200 else f"not ready {ready.json().get('checks')}"
            except httpx.HTTPError:
                state = "not answering"
            report[service] = f"pid {pid}, {state}, {self.instance_url(service)}"
        return report


_SIGN_IN_SECRETS = ("patron_signing_key", "card_hash_key", "ils_password", "keycloak_db_password",
                    "keycloak_admin_password")


def _sign_in_secrets() -> dict[str, str]:
    from lantern_edge.tokens import generate_pem

    return {"patron_signing_key": generate_pem(), "card_hash_key": secrets.token_urlsafe(32),
            "ils_password": secrets.token_urlsafe(18), "keycloak_db_password": secrets.token_urlsafe(18),
            "keycloak_admin_password": secrets.token_urlsafe(18)}


def _listening(port: int) -> bool:
    import socket

    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _alive(pid: int) -> bool:
    """Running, as opposed to gone or a zombie waiting to be reaped (by us, or slowly by PID 1)."""
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            return False
    except ChildProcessError:
        pass
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state not in {"Z", "X"}


def _ours(pid: int) -> bool:
    """A Python process running one of Lantern's modules (`python -m lantern_…`), not whatever reused the pid."""
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return b"-m" in argv and any(arg.startswith(b"lantern_") for arg in argv)


def _instance(name: str) -> tuple[str, int]:
    """`devices-2` -> ("devices", 2); `devices` -> ("devices", 1)."""
    service, dash, k = name.rpartition("-")
    return (service, int(k)) if dash and k.isdigit() else (name, 1)
