"""Under a steady load of registrations and loans, each fault in turn; afterwards every invariant holds.

The run starts a stack of its own (never the session's test stack) on chaos slot LANTERN_TEST_SLOT + 5
(LANTERN_CHAOS_SLOT overrides it), so parallel test runs on slots 0-4 do not collide; it is torn down at the end.
"""

import pytest

from lantern_devstack.chaos.scenario import Options, run, slot_beside_tests


@pytest.fixture(scope="module")
def report():
    return run(Options(slot=slot_beside_tests()))


def test_every_fault_was_injected_and_the_system_recovered(report):
    assert [f.name for f in report.faults] == [
        "kill -9 notifications", "kill -9 devices", "Kafka broker stopped", "PostgreSQL restarted",
        "outbox relay killed mid-batch", "poison events",
    ]
    assert all(f.recovered_at > f.injected_at for f in report.faults)


def test_the_load_was_promised_writes_of_every_kind(report):
    for op in ("enrol", "register", "cancel", "checkout", "return"):
        assert report.load.get(op, {}).get("accepted", 0) > 0, f"no {op} was accepted: {report.load}"


@pytest.mark.parametrize("invariant", [
    "every accepted enrolment is kept, none made twice",
    "every accepted registration and cancellation is kept",
    "every registration has exactly one confirmation or waitlist notice",
    "no session over capacity, no patron twice in one, no free seat while someone waits",
    "every accepted loan and return is kept",
    "no device on two loans at once",
    "consumer lag is zero in every group",
    "every poison event is in its service's DLQ with a reason",
    "no outbox holds an unsent event",
    "every event published for an accepted write reached its consumers",
])
def test_invariant_holds(report, invariant):
    found = {c.name: c for c in report.checks}
    assert invariant in found, f"not checked: {invariant}"
    assert found[invariant].ok, found[invariant].line()
