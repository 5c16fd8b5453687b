"""Every metric a dashboard panel or a Prometheus rule reads exists in the code, with the labels the query uses.

A panel or alert over a misspelt or renamed metric silently shows nothing; these tests make that a failure."""

import pytest

from ._ops import (
    BUILTIN_SERIES,
    TARGET_LABELS,
    alerting_rules,
    code_metrics,
    dashboard_queries,
    parse_promql,
    recorded_labels,
    recording_rules,
    scanned_metric_names,
)


def _known() -> dict[str, set[str]]:
    known = dict(code_metrics())
    known.update(BUILTIN_SERIES)
    known.update(recorded_labels())
    return known


def _all_queries() -> list[tuple[str, str]]:
    out = [(f"dashboard {board} / {title}", expr) for board, title, expr in dashboard_queries()]
    out += [(f"recording rule {name}", expr) for name, expr in recording_rules().items()]
    out += [(f"alert {r['alert']}", r["expr"]) for r in alerting_rules()]
    return out


def test_the_code_defines_the_metrics_these_tests_rely_on():
    names = code_metrics()
    for expected in ("lantern_http_requests_total", "lantern_consumer_lag", "lantern_outbox_backlog",
                     "faststream_received_messages_total"):
        assert expected in names
    assert any(n.startswith("lantern_registration_") for n in names)
    assert any(n.startswith("lantern_devices_") for n in names)
    assert any(n.startswith("lantern_partners_") for n in names)
    assert any(n.startswith("lantern_notifications_") for n in names)


def test_every_metric_defined_in_the_sources_was_collected():
    """The import-based collection (which knows labels) misses nothing the source scan finds."""
    collected = {n for n in code_metrics()}
    missing = {n for n in scanned_metric_names() if n not in collected and f"{n}_total" not in collected}
    assert not missing, f"metrics defined in code but not reachable through a metrics module: {sorted(missing)}"


@pytest.mark.parametrize(("where", "expr"), _all_queries(), ids=lambda v: v if len(v) < 80 else v[:77] + "...")
def test_query_reads_only_metrics_that_exist(where, expr):
    known = _known()
    query = parse_promql(expr)
    assert query.metrics, f"{where}: no metric found in {expr!r}"
    unknown = sorted(m for m in query.metrics if m not in known)
    assert not unknown, f"{where}: {unknown} not defined in code (nor a recording rule): {expr}"


@pytest.mark.parametrize(("where", "expr"), _all_queries(), ids=lambda v: v if len(v) < 80 else v[:77] + "...")
def test_query_uses_only_labels_the_metrics_have(where, expr):
    known = _known()
    query = parse_promql(expr)
    for metric, labels in query.selector_labels.items():
        if metric in known:
            wrong = labels - known[metric] - TARGET_LABELS
            assert not wrong, f"{where}: {metric} has no label(s) {sorted(wrong)}: {expr}"
    available = set(TARGET_LABELS).union(*(known.get(m, set()) for m in query.metrics))
    wrong = query.grouping_labels - available
    assert not wrong, f"{where}: grouping by label(s) {sorted(wrong)} that none of {sorted(query.metrics)} has: {expr}"


def test_no_label_carries_an_id():
    """Bounded cardinality: no metric the code defines is labelled by an id, address, name or free text."""
    suspicious = ("id", "_id", "email", "phone", "address", "name", "title", "subject", "key", "url", "path")
    allowed = {"app_name"}  # FastStream's label: the service name
    for metric, labels in code_metrics().items():
        for label in labels - allowed:
            assert not (label == "id" or any(label.endswith(s) for s in suspicious[1:])), (
                f"{metric} has label {label!r}: ids and free text make unbounded series (docs/operations.md#metrics)")


def test_parser_reads_what_it_should():
    q = parse_promql('sum by (service, le) (rate(lantern_http_request_duration_seconds_bucket{route!~"/m|x"}[5m]))'
                     ' / on() group_left max(up offset 1d) or on() vector(0)')
    assert q.metrics == {"lantern_http_request_duration_seconds_bucket", "up"}
    assert q.selector_labels == {"lantern_http_request_duration_seconds_bucket": {"route"}}
    assert q.grouping_labels == {"service", "le"}
