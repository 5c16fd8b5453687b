"""The web app is deployed like the services: an image target, a compose service, a k8s Deployment and Service,
each with its own session database, probes, a non-root user, and no secret in git."""

import re

import yaml

from tests.support import REPO


def test_the_k8s_base_runs_the_web_app_probed_non_root_with_its_own_database():
    kustomization = yaml.safe_load((REPO / "deploy/k8s/base/kustomization.yaml").read_text())
    assert "web.yaml" in kustomization["resources"]
    objects = {(o["kind"], o["metadata"]["name"]): o
               for o in yaml.safe_load_all((REPO / "deploy/k8s/base/web.yaml").read_text()) if o}
    assert {("Cluster", "web-db"), ("Deployment", "web"), ("Service", "web")} <= set(objects)
    pod = objects[("Deployment", "web")]["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert pod["securityContext"]["runAsNonRoot"] is True and container["image"].startswith("lantern/web:")
    assert container["livenessProbe"]["httpGet"]["path"] == "/health/live"
    assert container["readinessProbe"]["httpGet"]["path"] == "/health/ready"
    env = {e["name"]: e for e in container["env"]}
    assert env["LANTERN_WEB_EDGE_URL"]["value"] == "http://edge:8000"
    assert "secretKeyRef" in env["LANTERN_WEB_DB_PASSWORD"]["valueFrom"]
    assert "LANTERN_WEB_SECURE_COOKIES" not in env  # secure cookies and HSTS stay on (the default)


def test_compose_runs_the_web_app_after_the_edge_with_a_required_database_password():
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    web = compose["services"]["web"]
    assert web["build"]["target"] == "web" and web["depends_on"]["edge"]["condition"] == "service_healthy"
    assert web["environment"]["LANTERN_WEB_DB_PASSWORD"].startswith("${WEB_DB_PASSWORD:?")
    assert "web" in re.search(r'for svc in "\$\{SERVICES\[@\]\}" ([^;]*);',
                              (REPO / "deploy/compose/postgres/init-databases.sh").read_text()).group(1)
    assert re.search(r"^FROM runtime AS web$", (REPO / "Dockerfile").read_text(), re.M)
