"""Evaluates every Grafana panel query, recording rule and alert expression of deploy/ against a live Prometheus.

    uv run python deploy/prometheus/check_queries.py http://127.0.0.1:9090

Run it after some activity (a few registrations, loans, a notification, one poison event): a panel whose query
returns nothing is reported as EMPTY, a query Prometheus rejects as ERROR, and the exit status is 1 if any was
found. The Grafana variables are substituted ($__rate_interval=1m, $__range=1h, $service=.*). The annotation
query of firing alerts may legitimately be empty and is reported but not failed. Prometheus must load
deploy/prometheus/rules/ for the recording rules' series to exist. tests/e2e/test_observability.py runs this
in the test command against a real Prometheus and the running test stack.
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import yaml

DEPLOY = Path(__file__).resolve().parents[1]
SUBSTITUTIONS = {"$__rate_interval": "1m", "$__range": "1h", "$service": ".*"}
MAY_BE_EMPTY = {"annotation Alerts"}


def queries() -> list[tuple[str, str, str]]:
    """(where, what, expr) for every dashboard target and annotation, recording rule and alert."""
    out = []
    for path in sorted((DEPLOY / "grafana" / "dashboards").glob("*.json")):
        board = json.loads(path.read_text())
        for panel in board["panels"]:
            for target in panel.get("targets", []):
                out.append((path.name, panel["title"], target["expr"]))
        for ann in board.get("annotations", {}).get("list", []):
            if ann.get("expr"):
                out.append((path.name, f"annotation {ann['name']}", ann["expr"]))
    for path in sorted((DEPLOY / "prometheus" / "rules").glob("*.yml")):
        for group in yaml.safe_load(path.read_text())["groups"]:
            for rule in group["rules"]:
                if "record" in rule:
                    out.append((path.name, f"record {rule['record']}", rule["expr"]))
                else:
                    out.append((path.name, f"alert {rule['alert']}", rule["expr"]))
    return out


def evaluate(prometheus: str, expr: str) -> tuple[str, int, str]:
    for key, value in SUBSTITUTIONS.items():
        expr = expr.replace(key, value)
    url = prometheus.rstrip("/") + "/api/v1/query?" + urllib.parse.urlencode({"query": expr})
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            data = json.load(answer)
    except urllib.error.HTTPError as exc:
        return "error", 0, exc.read().decode(errors="replace")[:500]
    return data["status"], len(data["data"]["result"]), ""


def check(prometheus: str) -> tuple[list[str], list[str], int]:
    """(problems, notes, answered): alerts only need to evaluate (they are silent on a healthy system)."""
    problems, notes, answered = [], [], 0
    for where, what, expr in queries():
        status, count, error = evaluate(prometheus, expr)
        if status != "success":
            problems.append(f"ERROR  {where} / {what}: {error}")
        elif count == 0 and not what.startswith("alert "):
            (notes if what in MAY_BE_EMPTY else problems).append(f"EMPTY  {where} / {what}: {expr}")
        else:
            answered += 1
    return problems, notes, answered


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("prometheus", help="base URL, e.g. http://127.0.0.1:9090")
    args = parser.parse_args()
    problems, notes, answered = check(args.prometheus)
    for line in notes + problems:
        print(line)
    print(f"{answered} queries answered, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
