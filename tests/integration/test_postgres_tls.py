"""PostgreSQL beyond one machine, as docker-compose runs it: TLS only, and services that verify the server.

A PostgreSQL of this test's own, from the local stack's binaries, with docker-compose's pg_hba.conf and a server
certificate from deploy/compose/make-certs.sh; the service side is the DSN its settings derive
(LANTERN_<SVC>_DB_SSLMODE=verify-full, LANTERN_<SVC>_DB_SSLROOTCERT) through lantern_shared's pool."""

import secrets
import shutil
import socket
import ssl
import subprocess
from pathlib import Path

import asyncpg
import pytest

from lantern_devices.settings import DevicesSettings
from lantern_devstack.postgres import PostgresConfig, PostgresServer
from lantern_shared.db import create_pool

REPO = Path(__file__).resolve().parents[2]
PASSWORD = secrets.token_urlsafe(18)


class CompatTlsPostgres(PostgresServer):
    """The local stack's server with docker-compose's TLS settings added on every start."""

    def __init__(self, config: PostgresConfig, certs: Path) -> None:
        super().__init__(config)
        self.certs = certs

    def _write_settings(self, root: Path) -> None:
        super()._write_settings(root)
        data = root / "data"
        for source, target in (("postgres.crt", "server.crt"), ("postgres.key", "server.key")):
            shutil.copyfile(self.certs / source, data / target)
            self._own(data / target, 0o600)
        with open(data / "lantern.conf", "a") as fh:
            fh.write("ssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n"
                     "ssl_min_protocol_version = 'TLSv1.2'\n")
        shutil.copyfile(REPO / "deploy/compose/postgres/pg_hba.conf", data / "pg_hba.conf")
        self._own(data / "pg_hba.conf", 0o600)

    def _psql(self, script: str, **kwargs) -> str:
        # the local stack's psql says sslmode=disable (loopback); this server refuses that, as compose's does
        kwargs["extra_env"] = {**(kwargs.get("extra_env") or {}), "PGSSLMODE": "require"}
        return super()._psql(script, **kwargs)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def tls_postgres(tmp_path_factory):
    root = tmp_path_factory.mktemp("tls-postgres")
    certs = root / "certs"
    subprocess.run([str(REPO / "deploy/compose/make-certs.sh"), str(certs)], check=True, capture_output=True)
    server = CompatTlsPostgres(PostgresConfig(state_dir=root / "pg", port=_free_port()), certs)
    server.start()
    try:
        server.ensure_service_database("devices", PASSWORD)
        yield server, certs
    finally:
        server.destroy()


def _settings(server: PostgresServer, **overrides) -> DevicesSettings:
    values = {"db_host": "localhost", "db_port": server.config.port, "db_password": PASSWORD,
              "internal_token": "x"} | overrides
    return DevicesSettings(**values)


async def test_a_service_connects_over_tls_and_verifies_the_servers_name_and_ca(tls_postgres):
    server, certs = tls_postgres
    settings = _settings(server, db_sslmode="verify-full", db_sslrootcert=str(certs / "ca.crt"))
    pool = await create_pool(settings.dsn, min_size=1, max_size=1)
    try:
        async with pool.acquire() as conn:
            assert await conn.fetchval("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()") is True
            assert await conn.fetchval("SELECT current_user") == "devices"
    finally:
        await pool.close()


async def test_a_server_signed_by_another_ca_is_refused(tls_postgres, tmp_path):
    server, _ = tls_postgres
    other = tmp_path / "other"
    subprocess.run([str(REPO / "deploy/compose/make-certs.sh"), str(other)], check=True, capture_output=True)
    settings = _settings(server, db_sslmode="verify-full", db_sslrootcert=str(other / "ca.crt"))
    with pytest.raises(ssl.SSLCertVerificationError):
        await asyncpg.connect(settings.dsn, timeout=10)


async def test_a_connection_without_tls_is_rejected_by_the_server(tls_postgres):
    server, _ = tls_postgres
    settings = _settings(server, db_sslmode="disable")
    with pytest.raises(asyncpg.InvalidAuthorizationSpecificationError, match="no encryption"):
        await asyncpg.connect(settings.dsn, timeout=10)


def test_defaults_leave_the_local_stack_as_it_is():
    settings = DevicesSettings(db_password="p", internal_token="t")
    assert "sslmode" not in settings.dsn and settings.kafka.security_protocol == "PLAINTEXT"
    assert settings.kafka.client_options() == {"bootstrap_servers": "127.0.0.1:9092", "security_protocol": "PLAINTEXT"}
