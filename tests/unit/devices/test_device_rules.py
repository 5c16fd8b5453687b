"""Devices' rules: which state may follow which, who may borrow, renewals, kit lists and reservation allocation."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lantern_shared.refusals import Kind, Refusal

from lantern_devices.domain.borrowers import Borrower, BorrowerKind, BorrowerStatus
from lantern_devices.domain.devices import (
    MANUAL_TARGETS, TRANSITIONS, DeviceKind, DeviceState, KitItem, check_manual_transition, check_transition,
    unknown_accessories,
)
from lantern_devices.domain.lending import LendingPolicy, OpenLoan, borrowing_refusal, renewal_refusal
from lantern_devices.domain.reservations import allocate

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
POLICY = LendingPolicy()


def patron(status: BorrowerStatus = BorrowerStatus.ACTIVE) -> Borrower:
    return Borrower(id=uuid.uuid4(), kind=BorrowerKind.PATRON, status=status)


def partner(status: BorrowerStatus = BorrowerStatus.ACTIVE) -> Borrower:
    return Borrower(id=uuid.uuid4(), kind=BorrowerKind.PARTNER, status=status)


# ---- states ------------------------------------------------------------------------------------------------

def test_a_retired_device_never_changes_state_again():
    for target in DeviceState:
        with pytest.raises(Refusal):
            check_transition(DeviceState.RETIRED, target)


def test_a_returned_device_cannot_skip_its_wipe():
    with pytest.raises(Refusal) as refused:
        check_manual_transition(DeviceState.QUARANTINED, DeviceState.AVAILABLE)
    assert refused.value.reason == "wipe_not_confirmed"


def test_a_device_on_loan_can_only_come_back_into_quarantine_or_be_lost():
    assert TRANSITIONS[DeviceState.ON_LOAN] == {DeviceState.QUARANTINED, DeviceState.LOST}


def test_staff_cannot_put_a_device_on_loan_or_reserve_it_by_hand():
    for target in (DeviceState.ON_LOAN, DeviceState.RESERVED):
        with pytest.raises(Refusal) as refused:
            check_manual_transition(DeviceState.AVAILABLE, target)
        assert refused.value.kind is Kind.INVALID


@given(st.lists(st.sampled_from(list(DeviceState)), max_size=30))
def test_any_walk_through_allowed_transitions_reaches_a_loan_only_from_a_lendable_state(targets):
    state = DeviceState.AVAILABLE
    for target in targets:
        try:
            check_transition(state, target)
        except Refusal:
            continue
        if target is DeviceState.ON_LOAN:
            assert state in (DeviceState.AVAILABLE, DeviceState.RESERVED)
        if state is DeviceState.ON_LOAN:
            assert target in (DeviceState.QUARANTINED, DeviceState.LOST), "a loan ends in quarantine (or loss)"
        state = target


@given(st.sampled_from(list(DeviceState)), st.sampled_from(list(DeviceState)))
def test_a_manual_transition_is_always_an_allowed_transition(current, target):
    try:
        check_manual_transition(current, target)
    except Refusal:
        return
    assert target in TRANSITIONS[current] and target in MANUAL_TARGETS


# ---- borrowing ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("borrower,reason", [
    (None, "borrower_unknown"),
    (patron(BorrowerStatus.ERASED), "borrower_erased"),
    (partner(BorrowerStatus.LAPSED), "partner_lapsed"),
    (partner(BorrowerStatus.PROSPECT), "partner_not_active"),
    (patron(BorrowerStatus.BLOCKED), "borrower_blocked"),
])
def test_who_may_not_borrow(borrower, reason):
    refusal = borrowing_refusal(borrower, DeviceKind.LAPTOP, [], POLICY, NOW)
    assert refusal is not None and refusal.reason == reason


def test_a_patron_with_a_long_overdue_device_is_blocked_but_one_a_day_late_is_not():
    late = [OpenLoan(device_kind=DeviceKind.LAPTOP, due_at=NOW - timedelta(days=1))]
    long_late = [OpenLoan(device_kind=DeviceKind.LAPTOP, due_at=NOW - timedelta(days=POLICY.block_after_overdue_days))]
    assert borrowing_refusal(patron(), DeviceKind.TABLET, late, POLICY, NOW) is None
    assert borrowing_refusal(patron(), DeviceKind.TABLET, long_late, POLICY, NOW).reason == "long_overdue"


def test_one_hotspot_per_patron_but_partners_borrow_many():
    one = [OpenLoan(device_kind=DeviceKind.HOTSPOT, due_at=NOW + timedelta(days=3))]
    assert borrowing_refusal(patron(), DeviceKind.HOTSPOT, one, POLICY, NOW).reason == "limit_reached"
    assert borrowing_refusal(patron(), DeviceKind.LAPTOP, one, POLICY, NOW) is None
    assert borrowing_refusal(partner(), DeviceKind.HOTSPOT, one * 5, POLICY, NOW) is None


def test_loan_periods_come_from_the_kind_or_the_partner_agreement():
    assert POLICY.due_at(DeviceKind.HOTSPOT, BorrowerKind.PATRON, NOW) == NOW + timedelta(days=7)
    assert POLICY.due_at(DeviceKind.LAPTOP, BorrowerKind.PATRON, NOW) == NOW + timedelta(days=14)
    assert POLICY.due_at(DeviceKind.LAPTOP, BorrowerKind.PARTNER, NOW) == NOW + timedelta(days=POLICY.partner_loan_days)
    agreed = NOW + timedelta(days=45)
    assert POLICY.due_at(DeviceKind.TRAINING_KIT, BorrowerKind.PARTNER, NOW, agreed) == agreed
    with pytest.raises(Refusal):
        POLICY.due_at(DeviceKind.LAPTOP, BorrowerKind.PARTNER, NOW, NOW - timedelta(days=1))


def test_renewal_is_refused_at_the_limit_or_when_someone_waits_for_the_kind():
    assert renewal_refusal(0, 0, POLICY, DeviceKind.LAPTOP) is None
    assert renewal_refusal(POLICY.max_renewals, 0, POLICY, DeviceKind.LAPTOP).reason == "renewal_limit"
    assert renewal_refusal(0, 1, POLICY, DeviceKind.LAPTOP).reason == "holds_waiting"


def test_missing_accessories_are_named_from_the_kit_list():
    kit = [KitItem(item="laptop", count=10), KitItem(item="projector"), KitItem(item="power strip")]
    assert unknown_accessories(kit, ["projector"]) == []
    assert unknown_accessories(kit, ["projector", "unicorn"]) == ["unicorn"]


# ---- reservation allocation --------------------------------------------------------------------------------

def test_a_shortfall_reserves_nothing_and_says_what_is_missing():
    free = {"laptop": [uuid.uuid4() for _ in range(3)]}
    chosen, missing = allocate({"laptop": 5, "projector": 1}, free)
    assert chosen == {}
    assert missing == {"laptop": 2, "projector": 1}


@given(
    st.dictionaries(st.sampled_from([k.value for k in DeviceKind]), st.integers(0, 6), max_size=5),
    st.dictionaries(st.sampled_from([k.value for k in DeviceKind]), st.integers(0, 6), max_size=5),
)
def test_allocation_is_all_or_nothing_and_never_hands_out_a_unit_twice(requested, supply):
    free = {kind: [uuid.uuid4() for _ in range(n)] for kind, n in supply.items()}
    chosen, missing = allocate(requested, free)
    short = {k: n - supply.get(k, 0) for k, n in requested.items() if n > supply.get(k, 0)}
    assert missing == short
    if missing:
        assert chosen == {}
    else:
        assert {k: len(v) for k, v in chosen.items()} == {k: n for k, n in requested.items() if n > 0}
        handed = [d for ids in chosen.values() for d in ids]
        assert len(handed) == len(set(handed))
        for kind, ids in chosen.items():
            assert set(ids) <= set(free[kind])
