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

from lantern_shared.migrations import migrate, sources_for

from .ils_standin import LANGUAGE_FIELD
from .kafka import KafkaBroker, KafkaConfig
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
        self.kafka = KafkaBroker(
            KafkaConfig(
                state_dir=config.state_dir / "kafka", cache_dir=config.cache_dir,
                port=config.kafka_port, controller_port=config.kafka_controller_port,
            )
        )
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

    def dsn(self, service: str) -> str:
        password = self.secrets[f"{service}_db_password"]
        return f"postgresql://{service}:{password}@127.0.0.1:{self.config.postgres_port}/{service}"

    def service_env(self, service: str) -> dict[str, str]:
        prefix = f"LANTERN_{service.upper()}_"
        env = {
            f"{prefix}HTTP_HOST": "127.0.0.1",
            f"{prefix}HTTP_PORT": str(self.config.http_port(service)),
            f"{prefix}INTERNAL_TOKEN": self.secrets["internal_token"],
        }
        env |= {
            f"{prefix}DB_PORT": str(self.config.postgres_port),
            f"{prefix}DB_PASSWORD": self.secrets[f"{service}_db_password"],
        }
        if service in SERVICES:
            env[f"{prefix}KAFKA_BOOTSTRAP"] = self.kafka.bootstrap
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
        pid = self._spawn(ILS, argv, {"LANTERN_ILS_STANDIN_LOGIN": f"lantern:{self.secrets['ils_password']}"})
        deadline = time.monotonic() + 15
        while not _listening(self.config.ils_port):
            if self.service_pid(ILS) is None or time.monotonic() > deadline:
                raise StackError(f"the ILS stand-in did not start:\n{self.log_tail(ILS)}")
            time.sleep(0.1)
        return pid

    # ---- infrastructure ------------------------------------------------------------------------------------
    def start_infrastructure(self) -> None:
        self.kafka.ensure_jars()
        self.postgres.start()
        self.kafka.start()
        for service in SERVICES_WITH_DATABASE:
            self.postgres.ensure_service_database(service, self.secrets[f"{service}_db_password"])
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
        return applied

    # ---- service processes ---------------------------------------------------------------------------------
    def pid_file(self, service: str) -> Path:
        return self.run_dir / f"{service}.pid"

    def log_file(self, service: str) -> Path:
        return self.logs_dir / f"{service}.log"

    def service_pid(self, service: str) -> int | None:
        try:
            pid = int(self.pid_file(service).read_text())
        except (FileNotFoundError, ValueError):
            return None
        return pid if _alive(pid) else None

    def start_service(self, service: str) -> int:
        return self._spawn(service, ["-m", f"lantern_{service}", "serve"], self.service_env(service))

    def start_mail_sink(self) -> int:
        """The SMTP sink: every email notifications sends lands in `mail_dir` as a .eml file a person can open."""
        argv = ["-m", "lantern_notifications.smtp_sink", "--host", "127.0.0.1", "--port", str(self.config.smtp_port),
                "--maildir", str(self.config.mail_dir)]
        pid = self._spawn(MAIL_SINK, argv, {})
        deadline = time.monotonic() + 15
        while not _listening(self.config.smtp_port):
            if self.service_pid(MAIL_SINK) is None or time.monotonic() > deadline:
                raise StackError(f"the mail sink did not start:\n{self.log_tail(MAIL_SINK)}")
            time.sleep(0.1)
        return pid

    def start_twilio_standin(self) -> int:
        """Twilio's Messages API on loopback: every text notifications sends is kept in `sms_dir` (numbers hashed)."""
        argv = ["-m", "lantern_devstack.twilio_standin", "--port", str(self.config.twilio_port),
                "--account-sid", TWILIO_ACCOUNT_SID, "--auth-token", self.twilio_auth_token,
                "--inbound-url", f"{self.sms_webhook_base_url}/inbound", "--state-dir", str(self.config.sms_dir)]
        pid = self._spawn(TWILIO, argv, {})
        deadline = time.monotonic() + 15
        while not _listening(self.config.twilio_port):
            if self.service_pid(TWILIO) is None or time.monotonic() > deadline:
                raise StackError(f"the Twilio stand-in did not start:\n{self.log_tail(TWILIO)}")
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
        """Signal every one first, then wait: stopping takes as long as the slowest, not the sum."""
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

    def wait_ready(self, services: tuple[str, ...] = ALL_SERVICES, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        pending = list(services)
        while pending:
            service = pending[0]
            if self.service_pid(service) is None:
                raise StackError(f"{service} exited during start-up:\n{self.log_tail(service)}")
            try:
                if httpx.get(f"{self.config.url(service)}/health/ready", timeout=2).status_code == 200:
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

    def wipe(self) -> None:
        """Stop everything and forget all state (databases, Kafka data, mail, logs); downloaded jars stay."""
        self.stop_services()
        self.keycloak.stop()
        self.kafka.stop()
        self.postgres.destroy()
        shutil.rmtree(self.config.state_dir, ignore_errors=True)

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
        for service in ALL_SERVICES:
            pid = self.service_pid(service)
            if pid is None:
                report[service] = "stopped"
                continue
            try:
                ready = httpx.get(f"{self.config.url(service)}/health/ready", timeout=2)
                state = "ready" if ready.status_code == 200 else f"not ready {ready.json().get('checks')}"
            except httpx.HTTPError:
                state = "not answering"
            report[service] = f"pid {pid}, {state}, {self.config.url(service)}"
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
