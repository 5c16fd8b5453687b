"""Test harness: one real Kafka broker and one real PostgreSQL for the whole run, on ports apart from the dev stack."""

import os
import uuid

import pytest

from lantern_devstack.stack import Stack, test_config


LAYERS = ("unit", "integration", "e2e", "chaos")  # the order they run in


def _layer(item: pytest.Item) -> int:
    path = str(item.path)
    return next((i for i, name in reversed(list(enumerate(LAYERS))) if f"{os.sep}{name}{os.sep}" in path), 0)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Unit, then integration, then end-to-end, then chaos: service processes must never share a consumer group
    with the in-process services of integration tests, and the chaos run (a stack of its own) comes last."""
    items.sort(key=_layer)
    for item in items:
        layer = _layer(item)
        if layer == 1:
            item.add_marker(pytest.mark.integration)
        if layer == 2:
            item.add_marker(pytest.mark.e2e)
        if layer == 3:
            item.add_marker(pytest.mark.chaos)


@pytest.fixture(scope="session")
def stack() -> Stack:
    """Kafka and PostgreSQL provisioned exactly as `make run` does, from nothing, then torn down.

    LANTERN_KEEP_STACK=1 keeps the stack and its data between runs (quicker while iterating on one test).
    """
    test_stack = Stack(test_config())
    if os.environ.get("LANTERN_KEEP_STACK"):
        test_stack.stop_services()
    else:
        test_stack.wipe()  # every run starts as CI does: no data left by an earlier run
        test_stack.bind_to()  # should this run be killed, its watchdog stops the stack (nothing lingers)
    try:
        test_stack.start_infrastructure()
    except Exception:
        test_stack.down()
        raise
    yield test_stack
    if not os.environ.get("LANTERN_KEEP_STACK"):
        test_stack.down()
        if not test_stack.postgres.data_dir.is_relative_to(test_stack.config.state_dir):
            # A cluster in the fallback folder (a clone the postgres user cannot enter, as CI's) would outlive the
            # clone: ~100 MB left behind per run. One inside the clone stays, logs and all, for a look after a run.
            test_stack.postgres.destroy()


@pytest.fixture
def unique() -> str:
    return uuid.uuid4().hex[:10]
