"""docker-compose.yml and the Dockerfile: start order, health checks, one database per service, no secret defaults.

The Compose Specification itself is checked by deploy/compose/validate (compose-go, what `docker compose` uses),
run here when Go is installed: no Docker engine is needed."""

import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from ._ops import BACKBONE_SERVICES, REPO, SERVICES, go_tool

COMPOSE = REPO / "docker-compose.yml"
DOCKERFILE = REPO / "Dockerfile"
DUMMY_SECRETS = {
    "POSTGRES_PASSWORD": "pg", "EDGE_DB_PASSWORD": "e", "REGISTRATION_DB_PASSWORD": "r", "DEVICES_DB_PASSWORD": "d",
    "PARTNERS_DB_PASSWORD": "p", "NOTIFICATIONS_DB_PASSWORD": "n", "LANTERN_INTERNAL_TOKEN": "t",
    "GRAFANA_ADMIN_PASSWORD": "g", "KEYCLOAK_DB_PASSWORD": "k", "KEYCLOAK_ADMIN_PASSWORD": "ka",
    "LANTERN_PATRON_SIGNING_KEY": "s", "LANTERN_CARD_HASH_KEY": "c", "DATAKEYS_DB_PASSWORD": "dk",
    "KAFKA_REGISTRATION_PASSWORD": "kr", "KAFKA_DEVICES_PASSWORD": "kd", "KAFKA_PARTNERS_PASSWORD": "kp",
    "KAFKA_NOTIFICATIONS_PASSWORD": "kn",
    "WEB_DB_PASSWORD": "w", "LANTERN_WEB_OIDC_CLIENT_SECRET": "ws",
}
PORTS = {"edge": 8000, "registration": 8001, "devices": 8002, "partners": 8003, "notifications": 8004}


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def _env(service: dict) -> dict[str, str]:
    env = service.get("environment", {})
    return env if isinstance(env, dict) else dict(item.split("=", 1) for item in env)


def _lantern_env(service: dict) -> dict[str, str]:
    """Lantern's own settings, without OpenTelemetry's standard variables (read by its SDK, not by the settings)."""
    return {k: v for k, v in _env(service).items() if not k.startswith("OTEL_")}


def test_every_service_waits_for_its_migration_and_kafka(compose):
    services = compose["services"]
    for svc in BACKBONE_SERVICES:
        deps = services[svc]["depends_on"]
        assert deps[f"{svc}-migrate"]["condition"] == "service_completed_successfully"
        assert deps["kafka"]["condition"] == "service_healthy"
        assert services[f"{svc}-migrate"]["command"] == ["migrate"]
        assert services[f"{svc}-migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
        assert services[f"{svc}-migrate"]["restart"] == "no"
    edge = services["edge"]["depends_on"]
    assert edge["edge-migrate"]["condition"] == "service_completed_successfully"
    for svc in BACKBONE_SERVICES:
        assert edge[svc]["condition"] == "service_healthy", "the edge starts once every upstream is ready"


def test_services_are_health_checked_on_readiness(compose):
    for svc in SERVICES:
        test = " ".join(compose["services"][svc]["healthcheck"]["test"])
        assert f"127.0.0.1:{PORTS[svc]}/health/ready" in test
    for infra in ("kafka", "postgres", "prometheus", "grafana", "mailpit"):
        assert compose["services"][infra].get("healthcheck"), infra


def test_services_get_their_settings_under_their_own_prefix(compose):
    services = compose["services"]
    for svc in SERVICES:
        env = _lantern_env(services[svc])
        prefix = f"LANTERN_{svc.upper()}_"
        assert all(k.startswith(prefix) for k in env), f"{svc}: a variable without {prefix}"
        for required in ("DB_HOST", "DB_PASSWORD", "INTERNAL_TOKEN", "HTTP_HOST", "HTTP_PORT"):
            assert prefix + required in env, f"{svc} lacks {prefix}{required}"
        assert env[prefix + "HTTP_HOST"] == "0.0.0.0"
        assert env[prefix + "HTTP_PORT"] == str(PORTS[svc])
        assert env[prefix + "DB_HOST"] == "postgres"
        assert env[prefix + "DB_PASSWORD"] == f"${{{svc.upper()}_DB_PASSWORD:?set {svc.upper()}_DB_PASSWORD in .env}}"
        assert env[prefix + "INTERNAL_TOKEN"].startswith("${LANTERN_INTERNAL_TOKEN:?"), "one internal token for all"
        assert _lantern_env(services[f"{svc}-migrate"]) == env, "the migration job runs with the service's own settings"
    for svc in BACKBONE_SERVICES:
        assert _env(services[svc])[f"LANTERN_{svc.upper()}_KAFKA_BOOTSTRAP"] == "kafka:9092"
    edge = _env(services["edge"])
    assert "LANTERN_EDGE_DEV_TOKENS" not in edge and "LANTERN_EDGE_JWT_SECRET" not in edge, "no development tokens"
    assert edge["LANTERN_EDGE_CARD_HASH_KEY"].startswith("${LANTERN_CARD_HASH_KEY:?")
    for svc in BACKBONE_SERVICES:
        assert edge[f"LANTERN_EDGE_{svc.upper()}_URL"] == f"http://{svc}:{PORTS[svc]}"
    notifications = _env(services["notifications"])
    assert "mailpit" in notifications["LANTERN_NOTIFICATIONS_SMTP_HOST"]


def test_settings_named_in_compose_exist_in_the_services_settings(compose):
    """A misspelt variable is silently ignored by pydantic-settings (extra="ignore"): check every name."""
    import importlib

    for svc in SERVICES:
        module = importlib.import_module(f"lantern_{svc}.settings")
        classes = [c for n, c in vars(module).items() if n.endswith("Settings") and isinstance(c, type)
                   and c.__module__ == module.__name__]
        assert len(classes) == 1, f"lantern_{svc}.settings: expected one settings class"
        fields = set(classes[0].model_fields)
        prefix = f"LANTERN_{svc.upper()}_"
        for name in _lantern_env(compose["services"][svc]):
            assert name[len(prefix):].lower() in fields, f"{svc}: {name} is not a setting of {classes[0].__name__}"


def test_no_secret_has_a_default(compose):
    text = COMPOSE.read_text()
    for var in DUMMY_SECRETS:
        uses = re.findall(r"\$\{" + var + r"([^}]*)\}", text)
        assert uses, f"{var} unused"
        assert all(u.startswith(":?") for u in uses), f"{var} must be required (${{{var}:?...}}), never defaulted"
    example = (REPO / "deploy" / "compose" / "env.example").read_text()
    for var in DUMMY_SECRETS:
        assert re.search(rf"^{var}=\s*$", example, re.M), f"env.example lists {var} with an empty value"


def test_only_the_edge_and_the_consoles_are_published(compose):
    published = {name for name, svc in compose["services"].items() if svc.get("ports")}
    assert published <= {"edge", "web", "kafka", "prometheus", "grafana", "mailpit", "keycloak", "jaeger"}
    for name in published:
        for port in compose["services"][name]["ports"]:
            assert port.startswith("${LANTERN_BIND:-127.0.0.1}:"), f"{name}: {port} binds beyond loopback by default"


def _compose_kafka_properties() -> dict[str, str]:
    text = (REPO / "deploy" / "compose" / "kafka" / "server.properties").read_text()
    return dict(line.split("=", 1) for line in text.splitlines() if line.strip() and not line.startswith("#"))


def test_kafka_matches_the_local_single_node_settings(compose):
    from lantern_devstack.kafka import KafkaBroker, KafkaConfig

    local = KafkaBroker(KafkaConfig(state_dir=Path("/nonexistent"), cache_dir=Path("/nonexistent")))._server_properties()
    props = dict(line.split("=", 1) for line in local.splitlines() if line and not line.startswith("#"))
    compose_props = _compose_kafka_properties()
    assert compose["services"]["kafka"]["image"].startswith("apache/kafka:4.")
    skip = {"listeners", "advertised.listeners", "controller.quorum.voters", "log.dirs", "listener.security.protocol.map",
            "inter.broker.listener.name",
            "auto.create.topics.enable"}  # compose: off, the kafka-setup job creates every topic from access.txt
    for key, value in props.items():
        if key in skip:
            continue
        assert compose_props.get(key) == value, f"{key} should be {value} as in the local stack"
    assert compose_props["auto.create.topics.enable"] == "false"


def test_kafka_speaks_tls_only_and_each_service_is_its_own_user(compose):
    props = _compose_kafka_properties()
    protocols = dict(p.split(":") for p in props["listener.security.protocol.map"].split(","))
    assert set(protocols.values()) <= {"SSL", "SASL_SSL"}, "no plaintext listener"
    assert props["allow.everyone.if.no.acl.found"] == "false" and props["super.users"] == "User:CN=kafka"
    for name, protocol in protocols.items():
        if protocol == "SSL":
            assert props[f"listener.name.{name.lower()}.ssl.client.auth"] == "required", f"{name}: mTLS"
    start = (REPO / "deploy/compose/kafka/start.sh").read_text()
    services = compose["services"]
    for svc in BACKBONE_SERVICES:
        env = _env(services[svc])
        p = f"LANTERN_{svc.upper()}_"
        assert env[p + "KAFKA_SECURITY_PROTOCOL"] == "SASL_SSL" and env[p + "KAFKA_SASL_MECHANISM"] == "SCRAM-SHA-512"
        assert env[p + "KAFKA_SASL_USERNAME"] == f"lantern-{svc}"
        assert env[p + "KAFKA_SASL_PASSWORD"].startswith(f"${{KAFKA_{svc.upper()}_PASSWORD:?")
        assert f"name=lantern-{svc},password=$KAFKA_{svc.upper()}_PASSWORD" in start
        assert env[p + "KAFKA_SSL_CAFILE"] == "/etc/lantern/tls/ca.crt"
        assert "./deploy/compose/certs/ca.crt:/etc/lantern/tls/ca.crt:ro" in services[svc]["volumes"]
        assert services[svc]["depends_on"]["kafka-setup"]["condition"] == "service_completed_successfully"
        assert _env(services["kafka"])[f"KAFKA_{svc.upper()}_PASSWORD"] == env[p + "KAFKA_SASL_PASSWORD"]


def test_postgres_accepts_tls_only_and_every_client_verifies_it(compose):
    services = compose["services"]
    command = " ".join(services["postgres"]["command"])
    assert "ssl=on" in command and "hba_file=/etc/lantern/pg_hba.conf" in command
    hba = [line.split() for line in (REPO / "deploy/compose/postgres/pg_hba.conf").read_text().splitlines()
           if line.strip() and not line.startswith("#")]
    assert ["hostnossl", "all", "all", "all", "reject"] in hba
    assert not [rule for rule in hba if rule[0] == "host"], "a plain host rule would admit connections without TLS"
    for svc in SERVICES:
        env = _env(services[svc])
        assert env[f"LANTERN_{svc.upper()}_DB_SSLMODE"] == "verify-full"
        assert env[f"LANTERN_{svc.upper()}_DB_SSLROOTCERT"] == "/etc/lantern/tls/ca.crt"
    assert "sslmode=verify-full" in " ".join(services["keycloak"]["command"])


def test_certificates_are_made_by_a_script_and_never_committed():
    ignored = subprocess.run(["git", "check-ignore", "-q", "deploy/compose/certs/ca.key"], cwd=REPO)
    assert ignored.returncode == 0, "deploy/compose/certs/ must be git-ignored"
    tracked = subprocess.run(["git", "ls-files", "deploy/compose/certs"], cwd=REPO, capture_output=True, text=True)
    assert tracked.stdout == ""
    assert os.access(REPO / "deploy/compose/make-certs.sh", os.X_OK)


def test_traces_go_to_jaeger_beside_prometheus_and_grafana(compose):
    services = compose["services"]
    assert services["jaeger"]["image"].startswith("jaegertracing/jaeger:2.")
    for svc in SERVICES:
        env = _env(services[svc])
        assert env["OTEL_EXPORTER_OTLP_ENDPOINT"] == "${OTEL_EXPORTER_OTLP_ENDPOINT:-http://jaeger:4318}"
        assert env["OTEL_SERVICE_NAME"] == svc
    assert _env(services["grafana"])["LANTERN_JAEGER_URL"] == "http://jaeger:16686"
    source = yaml.safe_load((REPO / "deploy/grafana/provisioning/datasources/lantern-jaeger.yml").read_text())
    assert source["datasources"][0]["type"] == "jaeger"


def test_postgres_init_script_covers_every_service(compose):
    script = (REPO / "deploy" / "compose" / "postgres" / "init-databases.sh").read_text()
    listed = re.search(r"SERVICES=\(([^)]*)\)", script).group(1).split()
    assert sorted(listed) == sorted(SERVICES)
    assert "REVOKE ALL ON DATABASE" in script and "REVOKE CONNECT ON DATABASE postgres FROM PUBLIC" in script
    env = _env(compose["services"]["postgres"])
    for svc in SERVICES:
        assert f"{svc.upper()}_DB_PASSWORD" in env
    assert compose["services"]["postgres"]["image"].startswith("postgres:15")
    mounts = compose["services"]["postgres"]["volumes"]
    assert any(m.startswith("./deploy/compose/postgres/init-databases.sh:/docker-entrypoint-initdb.d/") for m in mounts)


def test_observability_is_provisioned_from_the_repo(compose):
    prom = compose["services"]["prometheus"]["volumes"]
    assert "./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro" in prom
    assert "./deploy/prometheus/rules:/etc/prometheus/rules:ro" in prom
    grafana = compose["services"]["grafana"]
    assert "./deploy/grafana/provisioning:/etc/grafana/provisioning:ro" in grafana["volumes"]
    assert "./deploy/grafana/dashboards:/etc/lantern/dashboards:ro" in grafana["volumes"]
    provider = yaml.safe_load((REPO / "deploy/grafana/provisioning/dashboards/lantern.yml").read_text())
    assert provider["providers"][0]["options"]["path"] == "/etc/lantern/dashboards"
    home = _env(grafana)["GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"]
    assert (REPO / "deploy/grafana/dashboards" / Path(home).name).is_file()
    scrape = yaml.safe_load((REPO / "deploy/prometheus/prometheus.yml").read_text())
    lantern = next(j for j in scrape["scrape_configs"] if j["job_name"] == "lantern")
    targets = {sd["names"][0]: sd["port"] for sd in lantern["dns_sd_configs"]}
    assert targets == PORTS, "every service, on its port, every instance (DNS)"
    assert {"source_labels": ["__meta_dns_name"], "target_label": "service"} in lantern["relabel_configs"]


def test_dockerfile_builds_each_service_from_the_lock_as_a_non_root_user():
    text = DOCKERFILE.read_text()
    assert re.search(r"^ARG PYTHON_IMAGE=python:3\.11\.\d+-slim-\w+$", text, re.M), "pinned Python 3.11 base"
    assert re.search(r"^ARG UV_IMAGE=ghcr\.io/astral-sh/uv:\d+\.\d+\.\d+$", text, re.M), "pinned uv"
    syncs = re.findall(r"uv sync ([^\n\\]*)", text)
    assert syncs and all("--locked" in s and "--no-dev" in s for s in syncs), "every uv sync is --locked --no-dev"
    assert "USER 10001:10001" in text
    for svc in SERVICES:
        block = text.split(f"FROM runtime AS {svc}\n", 1)[1].split("\nFROM ", 1)[0]
        assert f'ENTRYPOINT ["python", "-m", "lantern_{svc}"]' in block
        assert f"EXPOSE {PORTS[svc]}" in block
        assert f"COPY --from=build-{svc} " in block
        assert f"--package lantern-{svc}" in text
    runtime = text.split("FROM ${PYTHON_IMAGE} AS runtime", 1)[1]
    assert "uv" not in runtime.split("FROM runtime AS", 1)[0].replace("PYTHONUNBUFFERED", ""), "no uv at runtime"
    for svc in SERVICES:
        service = yaml.safe_load(COMPOSE.read_text())["services"][svc]
        assert service["build"] == {"context": ".", "target": svc}


def test_dockerignore_keeps_state_and_secrets_out():
    lines = [ln.strip() for ln in (REPO / ".dockerignore").read_text().splitlines() if ln.strip() and not ln.startswith("#")]
    assert lines[0] == "*", "allow-list: everything is excluded unless named"
    allowed = [ln[1:] for ln in lines if ln.startswith("!")]
    for needed in ("pyproject.toml", "uv.lock", "shared/lantern_shared/", "services/*/lantern_*/", "deploy/local/pyproject.toml"):
        assert needed in allowed
    assert not any(a.startswith((".state", ".cache", ".venv", ".git", "tests")) for a in allowed)


@pytest.mark.timeout(1800)
def test_compose_file_is_valid_per_the_compose_specification():
    binary = go_tool(REPO / "deploy" / "compose" / "validate", "compose-validate")
    if binary is None:
        pytest.skip("Go is not installed: the Compose Specification check (deploy/compose/validate) needs it")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LANTERN_", "COMPOSE_"))} | DUMMY_SECRETS
    done = subprocess.run([str(binary), str(COMPOSE)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "19 services" in done.stdout
    # and it does refuse to start without a secret
    env.pop("LANTERN_CARD_HASH_KEY")
    refused = subprocess.run([str(binary), str(COMPOSE)], env=env, capture_output=True, text=True, timeout=120)
    assert refused.returncode != 0 and "LANTERN_CARD_HASH_KEY" in refused.stderr


def _interpolate(value: str) -> str:
    def one(m: re.Match) -> str:
        name, op, arg = m.group(1), m.group(2), m.group(3)
        if op == ":?":
            return DUMMY_SECRETS.get(name, "set")
        return arg if op == ":-" else ""
    return re.sub(r"\$\{([A-Z0-9_]+)(:[?-])?([^}]*)\}", one, str(value))


def test_each_service_accepts_its_compose_settings(compose, monkeypatch):
    """The settings class of each service validates the environment compose gives it (types, time zones...)."""
    import importlib

    for svc in SERVICES:
        module = importlib.import_module(f"lantern_{svc}.settings")
        (cls,) = [c for n, c in vars(module).items() if n.endswith("Settings") and isinstance(c, type)
                  and c.__module__ == module.__name__]
        with monkeypatch.context() as m:
            for key in [k for k in os.environ if k.startswith(f"LANTERN_{svc.upper()}_")]:
                m.delenv(key)
            for key, value in _env(compose["services"][svc]).items():
                m.setenv(key, _interpolate(value))
            settings = cls()
        assert settings.http_host == "0.0.0.0" and settings.http_port == PORTS[svc]
        assert settings.db_host == "postgres" and settings.db_name == svc and settings.db_user == svc
