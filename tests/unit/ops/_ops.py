"""What the ops tests share: the repo's paths, the metrics the code defines, and a small PromQL reader."""

from __future__ import annotations

import ast
import hashlib
import importlib
import inspect
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from prometheus_client import CollectorRegistry

REPO = Path(__file__).resolve().parents[3]
RULES_DIR = REPO / "deploy" / "prometheus" / "rules"
DASHBOARDS_DIR = REPO / "deploy" / "grafana" / "dashboards"
RUNBOOK = REPO / "docs" / "operations.md"
SERVICES = ("edge", "registration", "devices", "partners", "notifications")
BACKBONE_SERVICES = ("registration", "devices", "partners", "notifications")

# Labels Prometheus attaches to every scraped series (scrape job, target, our relabelling), and the one it renames:
TARGET_LABELS = {"job", "instance", "service", "namespace", "pod", "le", "__name__"}
BUILTIN_SERIES = {"up": set(), "ALERTS": {"alertname", "alertstate", "severity"}}


@dataclass
class CodeMetric:
    name: str  # as defined (counters without _total)
    kind: str
    labels: set[str] = field(default_factory=set)


@cache
def code_metrics() -> dict[str, set[str]]:
    """Every series name the code can expose (with _total, _bucket, ... suffixes) -> its label names.

    Built by instantiating the shared Metrics, FastStream's Kafka middleware and every class in each service's
    metrics module on a fresh registry, and cross-checked against a scan of the sources for metric definitions."""
    from faststream.kafka.prometheus import KafkaPrometheusMiddleware

    from lantern_shared.metrics import Metrics

    registry = CollectorRegistry()
    Metrics(registry)
    KafkaPrometheusMiddleware(registry=registry, app_name="ops-test")
    for svc in BACKBONE_SERVICES:
        module = importlib.import_module(f"lantern_{svc}.metrics")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__:
                continue
            params = inspect.signature(cls.__init__).parameters
            if "registry" in params:
                cls(registry=registry)
    names: dict[str, set[str]] = {}
    for collector, series in _collectors(registry):
        labels = set(getattr(collector, "_labelnames", ()))
        for s in series:
            names[s] = labels | ({"le"} if s.endswith("_bucket") else set())
    return names


def _collectors(registry: CollectorRegistry):
    by_collector: dict[int, tuple[object, list[str]]] = {}
    for name, collector in registry._names_to_collectors.items():  # noqa: SLF001 - the only full list of names
        by_collector.setdefault(id(collector), (collector, []))[1].append(name)
    return list(by_collector.values())


_DEFINITION = re.compile(r"\b(?:Counter|Gauge|Histogram|Summary|Info|Enum)\(\s*(?:name\s*=\s*)?[\"']([a-zA-Z_:][a-zA-Z0-9_:]*)[\"']")


def scanned_metric_names() -> set[str]:
    """Metric names defined anywhere in the services' and the shared library's sources (text scan)."""
    found = set()
    for root in [REPO / "shared" / "lantern_shared", *(REPO / "services").glob("*/lantern_*")]:
        for path in root.rglob("*.py"):
            found.update(_DEFINITION.findall(path.read_text()))
    return found


# ------------------------------------------------------------------------------------------------ PromQL
_FUNCTIONS_AND_KEYWORDS = {
    "sum", "min", "max", "avg", "count", "stddev", "stdvar", "topk", "bottomk", "quantile", "count_values", "group",
    "rate", "irate", "increase", "delta", "idelta", "deriv", "predict_linear", "histogram_quantile", "abs", "ceil",
    "floor", "round", "clamp", "clamp_min", "clamp_max", "absent", "absent_over_time", "changes", "resets", "vector",
    "scalar", "time", "timestamp", "label_replace", "label_join", "sort", "sort_desc", "sqrt", "exp", "ln", "log2",
    "log10", "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time",
    "last_over_time", "present_over_time", "quantile_over_time", "stddev_over_time", "by", "without", "on",
    "ignoring", "group_left", "group_right", "and", "or", "unless", "offset", "bool", "inf", "nan", "day_of_week",
    "hour", "minute", "month", "year", "days_in_month", "day_of_month",
}
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'')
_GROUPING = re.compile(r"\b(by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)")
_SELECTOR = re.compile(r"([a-zA-Z_:][a-zA-Z0-9_:]*)\s*\{([^}]*)\}")
_MATCHER = re.compile(r"([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)")
_IDENT = re.compile(r"(?<![\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()")


@dataclass
class Query:
    metrics: set[str]  # series names referenced
    selector_labels: dict[str, set[str]]  # metric -> label names used in its {...}
    grouping_labels: set[str]  # label names in by/without/on/ignoring/group_* clauses


def parse_promql(expr: str) -> Query:
    text = _STRING.sub('""', expr)
    selector_labels: dict[str, set[str]] = {}
    for name, body in _SELECTOR.findall(text):
        selector_labels.setdefault(name, set()).update(_MATCHER.findall(body))
    text = re.sub(r"\{[^}]*\}", " ", text)
    text = re.sub(r"\[[^\]]*\]", " ", text)
    text = re.sub(r"\boffset\s+-?\w+", " ", text)
    grouping = set()
    for _, body in _GROUPING.findall(text):
        grouping.update(label.strip() for label in body.split(",") if label.strip())
    text = _GROUPING.sub(" ", text)
    text = re.sub(r"\b\d+(\.\d+)?(e[+-]?\d+)?\b", " ", text)
    metrics = {m for m in _IDENT.findall(text) if m not in _FUNCTIONS_AND_KEYWORDS}
    return Query(metrics, selector_labels, grouping)


# ------------------------------------------------------------------------------------------- rules, dashboards
@cache
def rule_groups() -> list[dict]:
    groups = []
    for path in sorted(RULES_DIR.glob("*.yml")):
        groups.extend(yaml.safe_load(path.read_text())["groups"])
    return groups


def recording_rules() -> dict[str, str]:
    return {r["record"]: r["expr"] for g in rule_groups() for r in g["rules"] if "record" in r}


def alerting_rules() -> list[dict]:
    return [r for g in rule_groups() for r in g["rules"] if "alert" in r]


@cache
def dashboards() -> dict[str, dict]:
    return {p.name: json.loads(p.read_text()) for p in sorted(DASHBOARDS_DIR.glob("*.json"))}


def dashboard_queries() -> list[tuple[str, str, str]]:
    """(dashboard file, panel title, expr) for every panel target, template variable query and annotation."""
    out = []
    for name, board in dashboards().items():
        for panel in board["panels"]:
            for target in panel.get("targets", []):
                out.append((name, panel["title"], target["expr"]))
        for var in board.get("templating", {}).get("list", []):
            query = var.get("query")
            if isinstance(query, dict):
                query = query.get("query", "")
            if query:
                inner = re.match(r"label_values\((.*),\s*[a-zA-Z_]+\)$", query)
                out.append((name, f"variable {var['name']}", inner.group(1) if inner else query))
        for ann in board.get("annotations", {}).get("list", []):
            if ann.get("expr"):
                out.append((name, f"annotation {ann['name']}", ann["expr"]))
    return out


def recorded_labels() -> dict[str, set[str]]:
    """Labels a recorded series carries: the grouping labels of its expression (and of the rules it reads)."""
    rules = recording_rules()
    labels: dict[str, set[str]] = {}
    for name, expr in rules.items():  # rules only read rules recorded before them
        q = parse_promql(expr)
        labels[name] = set(q.grouping_labels)
        for m in q.metrics:
            labels[name] |= labels.get(m, set())
    return labels


def anchors(markdown: str) -> set[str]:
    """GitHub-style heading anchors of a Markdown document (plus explicit <a id=...> anchors)."""
    found = set(re.findall(r'<a (?:id|name)="([^"]+)"', markdown))
    for line in markdown.splitlines():
        m = re.match(r"#{1,6}\s+(.*)", line)
        if m:
            slug = re.sub(r"[^\w\- ]", "", m.group(1).strip().lower()).replace(" ", "-")
            found.add(slug)
    return found


def literal_strings(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    return {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}


_NETWORK_TROUBLE = ("dial tcp", "i/o timeout", "connection refused", "TLS handshake", "no such host",
                    "proxy.golang.org", "server misbehaving", "connection reset")


def go_tool(folder: Path, name: str) -> Path | None:
    """Build (once, cached in .cache/ops by a hash of its sources) the Go checker in `folder`; None without Go.

    A build that fails for want of the Go module proxy skips the calling test instead of failing it: that says
    nothing about the files under test."""
    import pytest

    go = shutil.which("go")
    if go is None:
        return None
    digest = hashlib.sha256(b"".join((folder / f).read_bytes() for f in ("main.go", "go.mod", "go.sum"))).hexdigest()[:16]
    binary = REPO / ".cache" / "ops" / f"{name}-{digest}"
    if not binary.is_file():
        binary.parent.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "GOTOOLCHAIN": "local", "CGO_ENABLED": "0", "GOFLAGS": "-mod=readonly"}
        done = subprocess.run([go, "build", "-o", str(binary), "."], cwd=folder, env=env, capture_output=True,
                              text=True, timeout=1500)
        if done.returncode != 0:
            if any(marker in done.stderr for marker in _NETWORK_TROUBLE):
                pytest.skip(f"could not fetch Go modules for {name}: {done.stderr[-500:]}")
            pytest.fail(f"building {name} failed:\n{done.stderr[-3000:]}")
    return binary
