"""Test harness: one real Kafka broker and one real PostgreSQL for the whole run, on ports apart from the dev stack."""

import os
import uuid

import pytest

from lantern_devstack.stack import Stack, test_config


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        path = str(item.path)
        if f"{os.sep}integration{os.sep}" in path:
            item.add_marker(pytest.mark.integration)
        if f"{os.sep}e2e{os.sep}" in path:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def stack() -> Stack:
    """Kafka and PostgreSQL provisioned exactly as `make run` does, then torn down (set LANTERN_KEEP_STACK=1 to keep)."""
    test_stack = Stack(test_config())
    test_stack.stop_services()
    try:
        test_stack.start_infrastructure()
    except Exception:
        test_stack.down()
        raise
    yield test_stack
    if not os.environ.get("LANTERN_KEEP_STACK"):
        test_stack.down()


@pytest.fixture
def unique() -> str:
    return uuid.uuid4().hex[:10]
