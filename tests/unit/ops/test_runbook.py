"""docs/operations.md documents every metric the code defines and every alert the rules raise."""

import re

from ._ops import RUNBOOK, alerting_rules, code_metrics


def _documented_name(name: str) -> str:
    for suffix in ("_bucket", "_sum", "_count", "_created"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def test_every_metric_is_documented():
    text = RUNBOOK.read_text()
    names = {n for n in code_metrics() if not n.endswith("_created")}
    # a counter shows up as both `x` and `x_total`: the documented name is the one with _total
    undocumented = set()
    for name in names:
        base = _documented_name(name)
        if base.startswith("faststream_"):
            family = base.removesuffix("_total")
            if family not in text:
                undocumented.add(base)
            continue
        if f"`{base}`" in text or f"`{base}_total`" in text:
            continue
        undocumented.add(base)
    assert not undocumented, f"metrics missing from docs/operations.md#metrics: {sorted(undocumented)}"


def test_every_alert_has_a_section():
    text = RUNBOOK.read_text()
    for rule in alerting_rules():
        assert f"\n### {rule['alert']}\n" in text, rule["alert"]


def test_every_documented_metric_exists():
    """A metric renamed or removed in code must not linger in the runbook."""
    known = set(code_metrics())
    for name in set(re.findall(r"`(lantern_[a-z0-9_]+)`", RUNBOOK.read_text())):
        assert name in known or f"{name}_total" in known, f"docs/operations.md names {name}, which the code no longer defines"
