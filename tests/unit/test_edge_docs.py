"""The committed docs and API snapshots the edge relies on are current."""

import pytest

from lantern_devstack import apis
from lantern_edge.policy import INTERNAL_ONLY, RULES, access_table
from tests.support import REPO


def test_the_access_table_in_the_docs_is_generated_from_the_policy():
    doc = (REPO / "docs" / "access.md").read_text()
    assert access_table() in doc, "docs/access.md is stale: run `uv run python -m lantern_edge.policy`"


@pytest.mark.parametrize("service", ["registration", "devices", "partners", "notifications"])
def test_internal_api_snapshots_are_current(service):
    committed = (apis.SNAPSHOTS / f"{service}.json").read_text()
    assert committed == apis.render(service), "run `uv run python -m lantern_devstack.apis write`"


@pytest.mark.parametrize("service", ["registration", "devices", "partners", "notifications"])
def test_every_internal_route_is_either_exposed_by_a_rule_or_kept_internal_on_purpose(service):
    exposed = {(r.method, r.internal_path) for r in RULES if r.service == service}
    for path, operations in apis.internal_api(service)["paths"].items():
        for method in operations:
            route = (method.upper(), path)
            assert route in exposed or route in INTERNAL_ONLY, f"{service}: {route} has no access rule"


def test_every_rule_forwards_to_a_route_the_service_has():
    routes = {(s, m.upper(), p) for s in ("registration", "devices", "partners", "notifications")
              for p, ops in apis.internal_api(s)["paths"].items() for m in ops}
    for rule in RULES:
        assert (rule.service, rule.method, rule.internal_path) in routes, f"{rule.method} {rule.path}: no such route"
