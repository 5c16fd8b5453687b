"""Alert and recording rules: each alert is documented, linked to its runbook section, unit-tested with promtool
(fires on its failure, silent on a healthy system), and the rule files and scrape config pass promtool's checks.

promtool comes with Debian's `prometheus` package; without it the promtool tests skip."""

import re
import shutil
import subprocess

import pytest
import yaml

from ._ops import REPO, RULES_DIR, RUNBOOK, alerting_rules, anchors, recording_rules

PROMTOOL = shutil.which("promtool")
needs_promtool = pytest.mark.skipif(PROMTOOL is None, reason="promtool not installed (apt-get install prometheus)")
ALERT_TESTS = REPO / "deploy" / "prometheus" / "tests" / "lantern-alerts.test.yml"


def test_every_alert_has_severity_summary_description_and_runbook():
    names = [r["alert"] for r in alerting_rules()]
    assert len(names) == len(set(names)), "alert names are unique"
    runbook_anchors = anchors(RUNBOOK.read_text())
    for rule in alerting_rules():
        name = rule["alert"]
        assert name.startswith("Lantern"), name
        assert rule["labels"]["severity"] in {"critical", "warning", "info"}, name
        ann = rule["annotations"]
        assert ann.get("summary") and ann.get("description"), name
        url = ann["runbook_url"]
        anchor = name.lower()
        assert url == "{{ $externalLabels.runbook_base }}/docs/operations.md#" + anchor, name
        assert anchor in runbook_anchors, f"docs/operations.md has no section for {name} (#{anchor})"


def test_the_alerts_the_library_needs_exist():
    names = {r["alert"] for r in alerting_rules()}
    for needed in ("LanternServiceDown", "LanternDependencyDown", "LanternOutboxStuck", "LanternOutboxBacklogGrowing",
                   "LanternDeadLetters", "LanternConsumerLagHigh", "LanternHighErrorRate", "LanternHighLatency",
                   "LanternJobFailing", "LanternNotificationFailuresRising", "LanternOverdueLoansClimbing"):
        assert needed in names
    overdue = next(r for r in alerting_rules() if r["alert"] == "LanternOverdueLoansClimbing")
    assert overdue["labels"]["severity"] == "info", "overdue loans are business information, never a page"


def test_recording_rules_follow_the_naming_convention():
    for name in recording_rules():
        assert re.fullmatch(r"[a-z_]+:lantern_[a-z0-9_]+:[a-z0-9_]+", name), name


def test_every_alert_is_unit_tested_both_ways():
    tests = yaml.safe_load(ALERT_TESTS.read_text())["tests"]
    healthy = next(t for t in tests if t["name"].startswith("healthy"))
    silent = {c["alertname"] for c in healthy["alert_rule_test"] if c["exp_alerts"] == []}
    firing = {c["alertname"] for t in tests for c in t["alert_rule_test"] if c["exp_alerts"]}
    for rule in alerting_rules():
        assert rule["alert"] in silent, f"{rule['alert']}: no check that it stays silent on a healthy system"
        assert rule["alert"] in firing, f"{rule['alert']}: no scenario in which it fires"


@needs_promtool
def test_promtool_checks_the_rule_files():
    done = subprocess.run([PROMTOOL, "check", "rules", *map(str, sorted(RULES_DIR.glob("*.yml")))],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


@needs_promtool
def test_promtool_checks_the_compose_prometheus_config(tmp_path):
    config = yaml.safe_load((REPO / "deploy/prometheus/prometheus.yml").read_text())
    assert config["rule_files"] == ["/etc/prometheus/rules/*.yml"]  # where docker-compose.yml mounts them
    config["rule_files"] = [str(RULES_DIR / "*.yml")]
    path = tmp_path / "prometheus.yml"
    path.write_text(yaml.safe_dump(config))
    done = subprocess.run([PROMTOOL, "check", "config", str(path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


@needs_promtool
def test_promtool_unit_tests_of_the_alerts(tmp_path):
    """promtool compares annotations verbatim; the scenarios check labels, so they run on annotation-free copies."""
    for path in RULES_DIR.glob("*.yml"):
        rules = yaml.safe_load(path.read_text())
        for group in rules["groups"]:
            for rule in group["rules"]:
                rule.pop("annotations", None)
        (tmp_path / path.name).write_text(yaml.safe_dump(rules))
    spec = yaml.safe_load(ALERT_TESTS.read_text())
    spec["rule_files"] = [str(tmp_path / (REPO / "deploy/prometheus/tests" / f).name) for f in spec["rule_files"]]
    test_file = tmp_path / "alerts.test.yml"
    test_file.write_text(yaml.safe_dump(spec))
    done = subprocess.run([PROMTOOL, "test", "rules", str(test_file)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "SUCCESS" in done.stdout
