"""deploy/k8s: generated files up to date, every Deployment probed, resourced, non-root and at least two replicas,
scaled by KEDA on consumer lag within the partition count, a KafkaTopic for every topic the services use, a Kafka
user per service with only the ACLs its code needs, TLS to Kafka and PostgreSQL, the settings named exist, and (with
Go) the kustomization built and every object decoded strictly against the Kubernetes API types."""

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from ._ops import BACKBONE_SERVICES, REPO, SERVICES, go_tool, rule_groups

K8S = REPO / "deploy" / "k8s"
BASE = K8S / "base"
WEB_APP = "web.yaml"


def _docs(path: Path) -> list[dict]:
    return [d for d in yaml.safe_load_all(path.read_text()) if d]


def _base_objects() -> list[dict]:
    kustomization = yaml.safe_load((BASE / "kustomization.yaml").read_text())
    objects = []
    for resource in kustomization["resources"]:
        if resource != WEB_APP:  # the web app is no Kafka service: tests/unit/web/test_deploy.py checks it
            objects.extend(_docs(BASE / resource))
    return objects


def _of_kind(kind: str) -> list[dict]:
    return [o for o in _base_objects() if o["kind"] == kind]


def test_generated_manifests_are_up_to_date():
    done = subprocess.run([sys.executable, str(K8S / "generate.py"), "--check"], capture_output=True, text=True,
                          timeout=120, cwd=REPO)
    assert done.returncode == 0, done.stderr


def test_kustomization_lists_existing_files_and_no_secret():
    kustomization = yaml.safe_load((BASE / "kustomization.yaml").read_text())
    assert kustomization["namespace"] == "lantern"
    for resource in kustomization["resources"]:
        assert (BASE / resource).is_file(), resource
    assert "secrets.example.yaml" not in kustomization["resources"]
    assert not any(o["kind"] == "Secret" for o in _base_objects()), "secrets are created by hand, never applied from git"


def test_every_service_has_a_probed_resourced_non_root_deployment():
    deployments = {d["metadata"]["name"]: d for d in _of_kind("Deployment")}
    assert set(deployments) == set(SERVICES)
    services = {s["metadata"]["name"] for s in _of_kind("Service")}
    assert services == set(SERVICES)
    for name, deployment in deployments.items():
        pod = deployment["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert pod["securityContext"]["runAsUser"] == 10001
        (container,) = pod["containers"]
        assert container["livenessProbe"]["httpGet"]["path"] == "/health/live"
        assert container["readinessProbe"]["httpGet"]["path"] == "/health/ready"
        assert container["resources"]["requests"]["cpu"] and container["resources"]["requests"]["memory"]
        assert container["resources"]["limits"]["memory"]
        assert container["securityContext"]["allowPrivilegeEscalation"] is False
        assert container["image"].startswith(f"lantern/{name}:")
        (migrate,) = pod["initContainers"]
        assert migrate["args"] == ["migrate"] and migrate["image"] == container["image"]
        assert migrate["env"] == container["env"]
        annotations = deployment["spec"]["template"]["metadata"]["annotations"]
        port = container["ports"][0]["containerPort"]
        assert annotations["prometheus.io/port"] == str(port)
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert labels["app.kubernetes.io/name"] == name and labels["app.kubernetes.io/part-of"] == "lantern"


def _topics_in_use() -> dict[str, set[str]]:
    sys.path.insert(0, str(K8S))
    try:
        generate = importlib.import_module("generate")
        return generate._topics()  # noqa: SLF001
    finally:
        sys.path.remove(str(K8S))


def test_a_kafka_topic_for_every_topic_a_service_uses():
    declared = {t["spec"]["topicName"]: t for t in _of_kind("KafkaTopic")}
    used = _topics_in_use()
    missing = set(used) - set(declared)
    assert not missing, f"topics used by the services but not declared (auto-creation is off): {sorted(missing)}"
    for svc in BACKBONE_SERVICES:
        assert f"lantern.{svc}.dlq" in declared
    for topic in declared.values():
        assert topic["metadata"]["labels"]["strimzi.io/cluster"] == "lantern"
        assert topic["spec"]["replicas"] == 3 and topic["spec"]["config"]["min.insync.replicas"] == "2"


def _generate():
    sys.path.insert(0, str(K8S))
    try:
        return importlib.import_module("generate")
    finally:
        sys.path.remove(str(K8S))


def test_consuming_services_scale_on_consumer_lag_within_the_partitions():
    """KEDA's Kafka scaler on every consumer group of a service (plus CPU); the edge, with no consumers, an HPA."""
    partitions = min(t["spec"]["partitions"] for t in _of_kind("KafkaTopic"))
    scaled = {o["metadata"]["name"]: o for o in _of_kind("ScaledObject")}
    assert set(scaled) == set(BACKBONE_SERVICES)
    access = _generate().access()
    for name, obj in scaled.items():
        spec = obj["spec"]
        assert spec["scaleTargetRef"] == {"name": name}
        assert 2 <= spec["minReplicaCount"] <= spec["maxReplicaCount"] <= partitions
        lag = [t for t in spec["triggers"] if t["type"] == "kafka"]
        assert sorted(t["metadata"]["consumerGroup"] for t in lag) == access[name]["groups"]
        for trigger in lag:
            assert trigger["metadata"]["bootstrapServers"] == "lantern-kafka-bootstrap.lantern.svc:9093", "KEDA's namespace"
            assert trigger["metadata"]["tls"] == "enable" and trigger["metadata"]["sasl"] == "scram_sha512"
            assert trigger["metadata"]["allowIdleConsumers"] == "false", "never more instances than partitions"
            assert trigger["authenticationRef"] == {"name": f"{name}-kafka"}
    auths = {o["metadata"]["name"]: o for o in _of_kind("TriggerAuthentication")}
    for name in BACKBONE_SERVICES:
        refs = {r["parameter"]: r for r in auths[f"{name}-kafka"]["spec"]["secretTargetRef"]}
        assert refs["password"]["name"] == f"lantern-{name}" and refs["ca"]["key"] == "ca.crt"
    hpas = {h["metadata"]["name"]: h for h in _of_kind("HorizontalPodAutoscaler")}
    assert set(hpas) == {"edge"}, "KEDA owns the consuming services' HPAs; a second one would fight it"
    assert 2 <= hpas["edge"]["spec"]["minReplicas"] <= hpas["edge"]["spec"]["maxReplicas"]
    for deployment in _of_kind("Deployment"):
        assert deployment["spec"]["replicas"] >= 2
    pdbs = {p["metadata"]["name"]: p for p in _of_kind("PodDisruptionBudget")}
    assert set(pdbs) == set(SERVICES)
    assert all(p["spec"]["minAvailable"] == 1 for p in pdbs.values())


def test_each_service_kafka_user_writes_only_its_own_topics_and_reads_only_what_it_consumes():
    users = {u["metadata"]["name"]: u for u in _of_kind("KafkaUser")}
    assert set(users) == {f"lantern-{s}" for s in BACKBONE_SERVICES} | {"lantern-operator"}
    for svc in BACKBONE_SERVICES:
        runtime = _generate()._runtime(svc)  # noqa: SLF001
        consumed = {t for sub in runtime.subscriptions for t in sub.topics}
        published = {c.topic for c in runtime.published}
        spec = users[f"lantern-{svc}"]["spec"]
        assert spec["authentication"] == {"type": "scram-sha-512"}
        writes, reads, groups = set(), set(), set()
        for acl in spec["authorization"]["acls"]:
            resource, ops = acl["resource"], set(acl["operations"])
            assert ops <= {"Read", "Write", "Describe"}, f"{svc}: {ops}"
            if resource["type"] == "topic":
                assert resource["patternType"] == "literal", f"{svc}: topic rights are named one by one"
                if "Write" in ops:
                    writes.add(resource["name"])
                if "Read" in ops:
                    reads.add(resource["name"])
            else:
                assert resource == {"type": "group", "name": f"{svc}.", "patternType": "prefix"}
                groups.add(resource["name"])
        assert writes == published | {f"lantern.{svc}.dlq"}
        assert all(t.startswith(f"lantern.{svc}.") for t in writes), f"{svc} may write another's topic"
        assert reads == consumed
        assert groups == {f"{svc}."}


def test_kafka_and_databases_are_reached_over_verified_tls():
    (kafka,) = _of_kind("Kafka")
    listeners = kafka["spec"]["kafka"]["listeners"]
    assert all(listener["tls"] is True for listener in listeners), "no plaintext listener"
    assert all(listener["authentication"]["type"] == "scram-sha-512" for listener in listeners)
    assert kafka["spec"]["kafka"]["authorization"]["type"] == "simple"
    assert "allow.everyone.if.no.acl.found" not in kafka["spec"]["kafka"]["config"]
    for cluster in _of_kind("Cluster"):
        assert "hostnossl all all all reject" in cluster["spec"]["postgresql"]["pg_hba"]
    for deployment in _of_kind("Deployment"):
        svc = deployment["metadata"]["name"]
        pod = deployment["spec"]["template"]["spec"]
        env = {e["name"]: e for e in pod["containers"][0]["env"]}
        p = f"LANTERN_{svc.upper()}_"
        assert env[p + "DB_SSLMODE"]["value"] == "verify-full"
        volumes = {v["name"]: v for v in pod["volumes"]}
        mounts = {m["mountPath"]: m["name"] for m in pod["containers"][0]["volumeMounts"]}
        ca = volumes[mounts[str(Path(env[p + "DB_SSLROOTCERT"]["value"]).parent)]]["secret"]
        assert ca == {"secretName": f"{svc}-db-ca", "items": [{"key": "ca.crt", "path": "ca.crt"}]}, "never the CA key"
        if svc == "edge":
            continue
        assert env[p + "KAFKA_SECURITY_PROTOCOL"]["value"] == "SASL_SSL"
        assert env[p + "KAFKA_SASL_USERNAME"]["value"] == f"lantern-{svc}"
        assert env[p + "KAFKA_SASL_PASSWORD"]["valueFrom"]["secretKeyRef"] == {"name": f"lantern-{svc}", "key": "password"}
        ca = volumes[mounts[str(Path(env[p + "KAFKA_SSL_CAFILE"]["value"]).parent)]]["secret"]
        assert ca == {"secretName": "lantern-cluster-ca-cert", "items": [{"key": "ca.crt", "path": "ca.crt"}]}


def test_kafka_is_a_three_node_kraft_cluster():
    (kafka,) = _of_kind("Kafka")
    (pool,) = _of_kind("KafkaNodePool")
    assert pool["spec"]["replicas"] == 3 and set(pool["spec"]["roles"]) == {"controller", "broker"}
    config = kafka["spec"]["kafka"]["config"]
    assert config["default.replication.factor"] == 3 and config["min.insync.replicas"] == 2
    assert config["auto.create.topics.enable"] is False
    for deployment in _of_kind("Deployment"):
        env = {e["name"]: e.get("value") for e in deployment["spec"]["template"]["spec"]["containers"][0]["env"]}
        name = deployment["metadata"]["name"]
        if name != "edge":
            assert env[f"LANTERN_{name.upper()}_KAFKA_BOOTSTRAP"] == "lantern-kafka-bootstrap:9093"
            assert env[f"LANTERN_{name.upper()}_KAFKA_REPLICATION_FACTOR"] == "3"


def test_each_service_has_its_own_database_cluster():
    clusters = {c["metadata"]["name"]: c for c in _of_kind("Cluster")}
    # and one for the per-patron data keys every service reaches (crypto-shredding, docs/privacy.md)
    assert set(clusters) == {f"{s}-db" for s in SERVICES} | {"datakeys-db"}
    for svc in SERVICES:
        initdb = clusters[f"{svc}-db"]["spec"]["bootstrap"]["initdb"]
        assert initdb == {"database": svc, "owner": svc, "encoding": "UTF8"}
    for deployment in _of_kind("Deployment"):
        name = deployment["metadata"]["name"]
        env = {e["name"]: e for e in deployment["spec"]["template"]["spec"]["containers"][0]["env"]}
        assert env[f"LANTERN_{name.upper()}_DB_HOST"]["value"] == f"{name}-db-rw"
        ref = env[f"LANTERN_{name.upper()}_DB_PASSWORD"]["valueFrom"]["secretKeyRef"]
        assert ref == {"name": f"{name}-db-app", "key": "password"}


def test_settings_named_in_the_manifests_exist():
    for deployment in _of_kind("Deployment"):
        svc = deployment["metadata"]["name"]
        module = importlib.import_module(f"lantern_{svc}.settings")
        (cls,) = [c for n, c in vars(module).items() if n.endswith("Settings") and isinstance(c, type)
                  and c.__module__ == module.__name__]
        prefix = f"LANTERN_{svc.upper()}_"
        for env in deployment["spec"]["template"]["spec"]["containers"][0]["env"]:
            if env["name"].startswith("OTEL_"):
                continue  # OpenTelemetry's own standard variables, read by its SDK
            assert env["name"].startswith(prefix)
            assert env["name"][len(prefix):].lower() in cls.model_fields, f"{svc}: {env['name']} is not a setting"
            ref = env.get("valueFrom", {}).get("configMapKeyRef")
            if ref and not ref.get("optional"):
                (config,) = _of_kind("ConfigMap")
                assert ref["key"] in config["data"], f"{svc}: lantern-config has no key {ref['key']}"


def test_prometheus_rule_carries_the_same_rules():
    (rule,) = _docs(K8S / "components/monitoring/prometheusrule.yaml")
    assert rule["spec"]["groups"] == rule_groups()


@pytest.mark.timeout(1800)
def test_manifests_build_and_decode_strictly(tmp_path):
    binary = go_tool(K8S / "validate", "k8s-validate")
    if binary is None:
        pytest.skip("Go is not installed: the kustomize build and strict decoding (deploy/k8s/validate) need it")
    done = subprocess.run([str(binary), str(BASE)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-5000:] + done.stderr
    assert "INVALID" not in done.stdout
    # and with the monitoring component, as an overlay would use it
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "kustomization.yaml").write_text(yaml.safe_dump({
        "apiVersion": "kustomize.config.k8s.io/v1beta1", "kind": "Kustomization",
        "resources": [os.path.relpath(BASE, overlay)],
        "components": [os.path.relpath(K8S / "components/monitoring", overlay)],
    }))
    done = subprocess.run([str(binary), str(overlay)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-5000:] + done.stderr
    assert "PodMonitor lantern/lantern" in done.stdout and "PrometheusRule lantern/lantern" in done.stdout
    # and with the tracing component: a collector, and the services pointed at it
    (overlay / "kustomization.yaml").write_text(yaml.safe_dump({
        "apiVersion": "kustomize.config.k8s.io/v1beta1", "kind": "Kustomization",
        "resources": [os.path.relpath(BASE, overlay)],
        "components": [os.path.relpath(K8S / "components/tracing", overlay)],
    }))
    built = tmp_path / "built.yaml"
    done = subprocess.run([str(binary), "-o", str(built), str(overlay)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-5000:] + done.stderr
    assert "OpenTelemetryCollector lantern/lantern" in done.stdout
    (config,) = [d for d in yaml.safe_load_all(built.read_text()) if d and d["kind"] == "ConfigMap"]
    assert config["data"]["otel-exporter-otlp-endpoint"] == "http://lantern-collector:4318"
    assert config["data"]["log-level"] == "INFO", "the patch adds a key, the rest stays"


def test_each_service_accepts_its_kubernetes_settings(monkeypatch):
    (config,) = _of_kind("ConfigMap")
    for deployment in _of_kind("Deployment"):
        svc = deployment["metadata"]["name"]
        module = importlib.import_module(f"lantern_{svc}.settings")
        (cls,) = [c for n, c in vars(module).items() if n.endswith("Settings") and isinstance(c, type)
                  and c.__module__ == module.__name__]
        with monkeypatch.context() as m:
            for key in [k for k in os.environ if k.startswith(f"LANTERN_{svc.upper()}_")]:
                m.delenv(key)
            for env in deployment["spec"]["template"]["spec"]["containers"][0]["env"]:
                if env["name"].startswith("OTEL_"):
                    continue
                source = env.get("valueFrom", {})
                if "value" in env:
                    m.setenv(env["name"], env["value"])
                elif "configMapKeyRef" in source:
                    if source["configMapKeyRef"]["key"] in config["data"]:
                        m.setenv(env["name"], config["data"][source["configMapKeyRef"]["key"]])
                elif not source["secretKeyRef"].get("optional"):
                    m.setenv(env["name"], "from-a-secret")
            settings = cls()
        assert settings.db_host == f"{svc}-db-rw" and settings.http_host == "0.0.0.0"
        assert "sslmode=verify-full" in settings.dsn and "sslrootcert=%2Fetc%2Flantern%2Fdb-ca%2Fca.crt" in settings.dsn
        if svc != "edge":
            assert settings.kafka_bootstrap == "lantern-kafka-bootstrap:9093" and settings.kafka_replication_factor == 3
            access = settings.kafka
            assert (access.security_protocol, access.sasl_mechanism, access.username) == \
                ("SASL_SSL", "SCRAM-SHA-512", f"lantern-{svc}")
