"""Against a live Prometheus scraping a running Lantern (after some activity): every dashboard panel and recording
rule returns data and every alert expression evaluates. Runs only when LANTERN_OPS_PROMETHEUS_URL is set, e.g.
by an end-to-end job that starts the stack, Debian's Prometheus with deploy/prometheus/rules/, and a burst of
activity including one poison event (docs/operations.md#validating-the-deployment-files)."""

import importlib.util
import os

import pytest

from ._ops import REPO

URL = os.environ.get("LANTERN_OPS_PROMETHEUS_URL")


@pytest.mark.skipif(not URL, reason="LANTERN_OPS_PROMETHEUS_URL is not set (no live Prometheus to ask)")
def test_every_query_answers_on_the_live_stack():
    spec = importlib.util.spec_from_file_location("check_queries", REPO / "deploy/prometheus/check_queries.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    problems, _, answered = module.check(URL)
    assert not problems, "\n".join(problems)
    assert answered > 50
