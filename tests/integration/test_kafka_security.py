"""Kafka beyond one machine, as docker-compose runs it: TLS, one SCRAM user per service, ACLs generated from the code.

The compose broker's own deploy/compose/kafka/server.properties runs here from the local stack's jars with the
certificates deploy/compose/make-certs.sh makes (only paths, host names and ports differ), and the rights of
deploy/compose/kafka/access.txt are granted as its kafka-setup job grants them. The services' side is
lantern_shared's KafkaAccess, built from their settings exactly as in a deployment."""

import asyncio
import base64
import contextlib
import secrets
import socket
import ssl
import subprocess
import time
import uuid
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import GroupAuthorizationFailedError, KafkaConnectionError, KafkaError, TopicAuthorizationFailedError
from aiokafka.protocol.admin import CreateAclsRequest

from lantern_devstack.kafka import LOG4J2_CONFIG, KafkaBroker, KafkaConfig
from lantern_registration.settings import RegistrationSettings
from lantern_shared.kafka import Producer, read_to_end
from lantern_shared.transport import KafkaAccess

REPO = Path(__file__).resolve().parents[2]
COMPOSE_KAFKA = REPO / "deploy" / "compose" / "kafka"
USERS = ("registration", "devices", "partners", "notifications")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _access_lines() -> list[tuple[str, str, str]]:
    lines = (COMPOSE_KAFKA / "access.txt").read_text().splitlines()
    return [tuple(line.split()) for line in lines if line.strip() and not line.startswith("#")]  # type: ignore[misc]


class SecuredKafka:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.certs = root / "certs"
        self.ports = {name: _free_port() for name in ("client", "controller", "host", "internal")}
        self.passwords = {svc: secrets.token_urlsafe(18) for svc in USERS}

    @property
    def bootstrap(self) -> str:
        return f"localhost:{self.ports['client']}"

    def properties(self) -> str:
        """The compose file's broker settings with this machine's paths and ports."""
        p = self.ports
        text = (COMPOSE_KAFKA / "server.properties").read_text()
        for old, new in (("/etc/kafka/tls/", f"{self.certs}/"), ("/var/lib/kafka/data", str(self.root / "data")),
                         ("CLIENT://:9092", f"CLIENT://127.0.0.1:{p['client']}"),
                         ("CONTROLLER://:9093", f"CONTROLLER://127.0.0.1:{p['controller']}"),
                         ("HOST://:9094", f"HOST://127.0.0.1:{p['host']}"),
                         ("INTERNAL://:9095", f"INTERNAL://127.0.0.1:{p['internal']}"),
                         ("CLIENT://kafka:9092", f"CLIENT://localhost:{p['client']}"),
                         ("HOST://127.0.0.1:9094", f"HOST://127.0.0.1:{p['host']}"),
                         ("INTERNAL://kafka:9095", f"INTERNAL://localhost:{p['internal']}"),
                         ("1@kafka:9093", f"1@localhost:{p['controller']}")):
            assert old in text, f"server.properties no longer has {old!r}: update this test's mapping"
            text = text.replace(old, new)
        return text

    def access(self, svc: str, password: str | None = None, cafile: Path | None = None,
               protocol: str = "SASL_SSL") -> KafkaAccess:
        """What the service's settings give it in compose (LANTERN_<SVC>_KAFKA_*)."""
        return KafkaAccess(self.bootstrap, protocol, "SCRAM-SHA-512", f"lantern-{svc}",
                           self.passwords[svc] if password is None else password,
                           str(cafile or self.certs / "ca.crt"))

    def internal_options(self) -> dict:
        """The broker's own identity (client certificate CN=kafka) on the INTERNAL listener, as kafka-setup uses."""
        context = ssl.create_default_context(cafile=str(self.certs / "ca.crt"))
        context.load_cert_chain(str(self.certs / "kafka.pem"))
        return {"bootstrap_servers": f"localhost:{self.ports['internal']}", "security_protocol": "SSL",
                "ssl_context": context}


def _java_cmd(libs: Path, logs: Path, *main: str) -> list[str]:
    java = KafkaBroker._java()  # noqa: SLF001 - the same JDK lookup the local stack uses
    return [java, "-Xmx384m", "-Xms128m", "-Djava.awt.headless=true", f"-Dkafka.logs.dir={logs}",
            f"-Dlog4j2.configurationFile={LOG4J2_CONFIG}", "-cp", f"{libs}/*", *main]


async def _grant(kafka: SecuredKafka) -> None:
    """What deploy/compose/kafka/setup.sh does with kafka-topics.sh and kafka-acls.sh, through the admin API."""
    lines = _access_lines()
    admin = AIOKafkaAdminClient(**kafka.internal_options(), request_timeout_ms=20000)
    await admin.start()
    try:
        topics = sorted({name for _, right, name in lines if right in ("write", "read")})
        await admin.create_topics([NewTopic(t, num_partitions=2, replication_factor=1) for t in topics])
        # resource type topic=2 group=3; pattern literal=3 prefixed=4; operation read=3 write=4 describe=8; allow=3
        node = admin._client.get_random_node()  # noqa: SLF001 - aiokafka's admin client has no ACL calls
        for user, right, name in lines:
            kind, pattern, operations = {"write": (2, 3, (4, 8)), "read": (2, 3, (3, 8)), "group": (3, 4, (3, 8))}[right]
            for operation in operations:
                request = CreateAclsRequest(kind, name, pattern, f"User:{user}", "*", operation, 3)
                response = await admin._client.send(node, request)  # noqa: SLF001
                assert all(code == 0 for code, _ in response.creation_responses), response.creation_responses
    finally:
        await admin.close()


@pytest.fixture(scope="module")
def secured_kafka(tmp_path_factory):
    root = tmp_path_factory.mktemp("secured-kafka")
    kafka = SecuredKafka(root)
    made = subprocess.run([str(REPO / "deploy/compose/make-certs.sh"), str(kafka.certs)], capture_output=True, text=True,
                          timeout=60)
    assert made.returncode == 0, made.stderr
    libs = KafkaBroker(KafkaConfig(state_dir=root / "unused", cache_dir=REPO / ".cache")).ensure_jars()
    properties = root / "server.properties"
    properties.write_text(kafka.properties())
    logs = root / "logs"
    logs.mkdir()
    cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
    scram = [arg for svc in USERS for arg in
             ("--add-scram", f"SCRAM-SHA-512=[name=lantern-{svc},password={kafka.passwords[svc]}]")]
    formatted = subprocess.run(_java_cmd(libs, logs, "kafka.tools.StorageTool", "format", "--config", str(properties),
                                         "--cluster-id", cluster_id, *scram), capture_output=True, text=True, timeout=120)
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr
    with (logs / "kafka.out").open("wb") as out:
        broker = subprocess.Popen(_java_cmd(libs, logs, "kafka.Kafka", str(properties)), stdout=out,
                                  stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while True:
            assert broker.poll() is None, (logs / "kafka.out").read_text()[-3000:]
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", kafka.ports["client"]), 1):
                break
            assert time.monotonic() < deadline, "the secured broker did not listen within 90 s"
            time.sleep(0.5)
        asyncio.run(_grant(kafka))
        yield kafka
    finally:
        broker.terminate()
        try:
            broker.wait(30)
        except subprocess.TimeoutExpired:
            broker.kill()
            broker.wait(10)


async def _consume_one(access: KafkaAccess, topic: str, group: str, timeout_s: float = 30) -> bytes:
    consumer = AIOKafkaConsumer(topic, **access.client_options(), group_id=group, auto_offset_reset="earliest",
                                enable_auto_commit=False)
    try:
        await consumer.start()
        record = await asyncio.wait_for(consumer.getone(), timeout_s)
        await consumer.commit()
        return record.value
    finally:
        await consumer.stop()


async def test_a_service_publishes_its_events_and_the_consumer_reads_them_over_tls_as_itself(secured_kafka):
    settings = RegistrationSettings(db_password="x", internal_token="x", kafka_bootstrap=secured_kafka.bootstrap,
                                    kafka_security_protocol="SASL_SSL", kafka_sasl_username="lantern-registration",
                                    kafka_sasl_password=secured_kafka.passwords["registration"],
                                    kafka_ssl_cafile=str(secured_kafka.certs / "ca.crt"))
    producer = Producer(settings.kafka, client_id="registration")
    try:
        sent = await (await producer.get()).send_and_wait("lantern.registration.patrons", b'{"hello": "devices"}',
                                                          key=b"p-1")
        assert sent.offset >= 0
        await (await producer.get()).send_and_wait("lantern.registration.dlq", b"poison", key=b"p-1")
    finally:
        await producer.stop()
    # devices consumes the patrons topic in its own group (devices.borrowers)
    value = await _consume_one(secured_kafka.access("devices"), "lantern.registration.patrons", "devices.borrowers")
    assert value == b'{"hello": "devices"}'


async def test_a_service_cannot_write_another_services_topic(secured_kafka):
    producer = AIOKafkaProducer(**secured_kafka.access("registration").client_options(), enable_idempotence=True,
                                request_timeout_ms=10000)
    await producer.start()
    try:
        with pytest.raises(TopicAuthorizationFailedError):
            await producer.send_and_wait("lantern.devices.loans", b'{"forged": "loan"}', key=b"d-1")
    finally:
        await producer.stop()


async def test_a_service_cannot_read_what_it_does_not_consume(secured_kafka):
    # notifications hears about loans but registration does not: its user may not read them
    with pytest.raises(KafkaError):  # topic authorization failed (a KafkaError), never a timeout
        await _consume_one(secured_kafka.access("registration"), "lantern.devices.loans", "registration.snoop", 20)
    # nor may it read the patron events it writes itself (no Read on its own topics beyond what it consumes)
    with pytest.raises(KafkaError):
        records = [r async for r in read_to_end(secured_kafka.access("registration"), "lantern.registration.patrons",
                                                timeout_s=20)]
        assert not records


async def test_a_service_cannot_join_another_services_consumer_group(secured_kafka):
    with pytest.raises(GroupAuthorizationFailedError):
        await _consume_one(secured_kafka.access("devices"), "lantern.registration.patrons", "registration.checkins", 20)


@pytest.mark.parametrize("how", ["wrong password", "plaintext", "unknown CA"])
async def test_clients_without_the_right_credentials_or_trust_are_refused(secured_kafka, how, tmp_path):
    if how == "wrong password":
        access = secured_kafka.access("devices", password="not-the-password")
    elif how == "plaintext":
        access = KafkaAccess(secured_kafka.bootstrap)
    else:
        other = tmp_path / "other-ca"
        subprocess.run([str(REPO / "deploy/compose/make-certs.sh"), str(other)], check=True, capture_output=True)
        access = secured_kafka.access("devices", cafile=other / "ca.crt")
    producer = AIOKafkaProducer(**access.client_options(), request_timeout_ms=5000, metadata_max_age_ms=5000)
    with pytest.raises((KafkaError, KafkaConnectionError, ssl.SSLError, OSError, asyncio.TimeoutError)):
        await asyncio.wait_for(producer.start(), 30)
        await asyncio.wait_for(producer.send_and_wait("lantern.devices.dlq", b"x"), 15)
    with contextlib.suppress(Exception):
        await producer.stop()


async def test_the_setup_job_created_every_topic_the_rights_name(secured_kafka):
    """Auto-creation is off: every topic a service writes or reads exists, and the broker holds nothing else."""
    admin = AIOKafkaAdminClient(**secured_kafka.internal_options())
    await admin.start()
    try:
        listed = {t for t in await admin.list_topics() if not t.startswith("__")}
    finally:
        await admin.close()
    assert listed == {name for _, right, name in _access_lines() if right in ("write", "read")}
    assert {user for user, _, _ in _access_lines()} == {f"lantern-{s}" for s in USERS}


async def test_the_services_faststream_consumers_connect_with_the_same_settings(secured_kafka):
    """Consumers run on FastStream's KafkaBroker (lantern_shared.runtime): its security comes from KafkaAccess."""
    from faststream.kafka import KafkaBroker

    access = secured_kafka.access("notifications")
    broker = KafkaBroker(access.bootstrap, security=access.faststream_security(), client_id="notifications")
    heard: asyncio.Future[dict] = asyncio.get_running_loop().create_future()

    @broker.subscriber("lantern.devices.loans", group_id="notifications.loans", auto_offset_reset="earliest")
    async def on_loan(body: dict) -> None:
        if not heard.done():
            heard.set_result(body)

    producer = Producer(secured_kafka.access("devices"), client_id="devices")
    await broker.start()
    try:
        await (await producer.get()).send_and_wait("lantern.devices.loans", b'{"loan": "started"}', key=b"l-1")
        assert await asyncio.wait_for(heard, 30) == {"loan": "started"}
    finally:
        await producer.stop()
        await broker.stop()
