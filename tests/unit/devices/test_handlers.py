"""Lending and the hold queue as use cases, on fakes: the handlers run unchanged over an in-memory library (the store
functions they call, replaced) and a FakeUnitOfWork that keeps what they publish."""

import contextlib
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from prometheus_client import CollectorRegistry

from lantern_shared.clock import Clock
from lantern_shared.refusals import Kind, Refusal

from lantern_devices.deps import Deps
from lantern_devices.domain.borrowers import Borrower, BorrowerKind, BorrowerStatus
from lantern_devices.domain.devices import Device, DeviceKind, DeviceState
from lantern_devices.domain.holds import Hold, HoldStatus
from lantern_devices.domain.lending import LendingPolicy, Loan, OpenLoan
from lantern_devices.events import DEVICE_STATE_CHANGED, HOLD_READY, LOAN_RETURNED, LOAN_STARTED
from lantern_devices.handlers import devices as inventory, lending
from lantern_devices.metrics import DevicesMetrics
from lantern_devices.store import borrowers as borrower_store, devices as device_store, holds as hold_store
from lantern_devices.store import loans as loan_store
from tests.support import FakeUnitOfWork

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


class FakeConnection:
    """What handlers do to a connection themselves: open a savepoint."""

    @contextlib.asynccontextmanager
    async def transaction(self):
        yield


class Stopped(Clock):
    def __call__(self) -> datetime:
        return NOW


class Library:
    """Devices, borrowers, loans and holds in memory, behind the store functions the handlers call."""

    def __init__(self) -> None:
        self.devices: dict[uuid.UUID, Device] = {}
        self.borrowers: dict[uuid.UUID, Borrower] = {}
        self.loans: dict[uuid.UUID, Loan] = {}
        self.holds: dict[uuid.UUID, Hold] = {}
        self.history: list[tuple[uuid.UUID, DeviceState | None, DeviceState]] = []

    # ---- arranging -----------------------------------------------------------------------------------------

    def device(self, kind: DeviceKind = DeviceKind.HOTSPOT) -> Device:
        device = Device(id=uuid.uuid4(), kind=kind, asset_tag=f"{kind[:3].upper()}-{len(self.devices) + 1}",
                        serial=f"SN{len(self.devices) + 1}", home_branch="central", state=DeviceState.AVAILABLE,
                        created_at=NOW, updated_at=NOW)
        self.devices[device.id] = device
        return device

    def patron(self, status: BorrowerStatus = BorrowerStatus.ACTIVE, blocked_reason: str | None = None) -> Borrower:
        borrower = Borrower(id=uuid.uuid4(), kind=BorrowerKind.PATRON, status=status, blocked_reason=blocked_reason)
        self.borrowers[borrower.id] = borrower
        return borrower

    def waiting_hold(self, borrower: Borrower, kind: DeviceKind) -> Hold:
        hold = Hold(id=uuid.uuid4(), device_kind=kind, borrower_kind=borrower.kind, borrower_id=borrower.id,
                    pickup_branch="eastside", status=HoldStatus.WAITING, placed_at=NOW, created_at=NOW)
        self.holds[hold.id] = hold
        return hold

    # ---- the store, in memory ------------------------------------------------------------------------------

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        async def nothing(*args, **kwargs):
            return None

        async def get_device(conn, device_id, *, for_update=False):
            return self.devices.get(device_id)

        async def change_state(conn, device_id, from_state, to_state, reason, actor):
            self.devices[device_id] = self.devices[device_id].model_copy(update={"state": to_state})
            self.history.append((device_id, from_state, to_state))

        async def reserved_during(conn, device_id, start, end):
            return False

        async def get_borrower(conn, borrower_id, *, for_update=False):
            return self.borrowers.get(borrower_id)

        async def open_loans_of(conn, borrower_id):
            return [OpenLoan(device_kind=l.device_kind, due_at=l.due_at) for l in self.loans.values()
                    if l.borrower_id == borrower_id and l.returned_at is None]

        async def insert_loan(conn, loan_id, device, borrower, started_at, due_at, emergency):
            loan = Loan(id=loan_id, device_id=device.id, device_kind=device.kind, asset_tag=device.asset_tag,
                        borrower_kind=borrower.kind, borrower_id=borrower.id, started_at=started_at, due_at=due_at,
                        renewals=0, emergency=emergency, created_at=started_at)
            self.loans[loan_id] = loan
            return loan

        async def get_loan(conn, loan_id, *, for_update=False):
            return self.loans.get(loan_id)

        async def record_return(conn, loan_id, returned_at, condition, missing):
            self.loans[loan_id] = self.loans[loan_id].model_copy(
                update={"returned_at": returned_at, "condition": condition, "missing_accessories": missing})
            return self.loans[loan_id]

        async def wipe_pending(conn, device_id):
            return any(l.device_id == device_id and l.returned_at and not l.cleared_at for l in self.loans.values())

        async def clear_returned_loans(conn, device_id, cleared_at):
            for loan in list(self.loans.values()):
                if loan.device_id == device_id and loan.returned_at and not loan.cleared_at:
                    self.loans[loan.id] = loan.model_copy(update={"cleared_at": cleared_at})

        async def anonymize_cleared(conn, now, cleared_before):
            return 0

        async def ready_hold_of(conn, borrower_id, kind):
            return next((h for h in self.holds.values() if h.borrower_id == borrower_id and h.device_kind == kind
                         and h.status is HoldStatus.READY), None)

        async def first_waiting(conn, kind):
            waiting = [h for h in self.holds.values() if h.device_kind == kind and h.status is HoldStatus.WAITING
                       and self.borrowers[h.borrower_id].status is BorrowerStatus.ACTIVE]
            return min(waiting, key=lambda h: h.placed_at, default=None)

        async def make_ready(conn, hold_id, device_id, ready_until):
            self.holds[hold_id] = self.holds[hold_id].model_copy(
                update={"status": HoldStatus.READY, "device_id": device_id, "ready_until": ready_until})
            return self.holds[hold_id]

        for module, replacements in {
            device_store: {"get_device": get_device, "change_state": change_state, "reserved_during": reserved_during,
                           "lock_kind": nothing},
            borrower_store: {"get_borrower": get_borrower},
            loan_store: {"open_loans_of": open_loans_of, "insert_loan": insert_loan, "get_loan": get_loan,
                         "record_return": record_return, "wipe_pending": wipe_pending,
                         "clear_returned_loans": clear_returned_loans, "anonymize_cleared": anonymize_cleared},
            hold_store: {"ready_hold_of": ready_hold_of, "first_waiting": first_waiting, "make_ready": make_ready},
        }.items():
            for name, fake in replacements.items():
                monkeypatch.setattr(module, name, fake)


@pytest.fixture
def library(monkeypatch) -> Library:
    library = Library()
    library.install(monkeypatch)
    return library


@pytest.fixture
def work() -> FakeUnitOfWork:
    return FakeUnitOfWork(FakeConnection())


@pytest.fixture
def deps(work) -> Deps:
    return Deps(runtime=None, settings=None, clock=Stopped(), metrics=DevicesMetrics(CollectorRegistry()),  # type: ignore[arg-type]
                uow=work.factory(), policy=LendingPolicy())


# ---- lending ------------------------------------------------------------------------------------------------

async def test_a_loan_to_an_eligible_patron_starts_and_says_so(library, deps, work):
    hotspot, patron = library.device(DeviceKind.HOTSPOT), library.patron()

    loan = await lending.lend(deps, borrower_id=patron.id, device_id=hotspot.id, kind=None, due_at=None,
                              actor="staff:ana")

    assert work.committed
    assert loan.borrower_id == patron.id and loan.device_id == hotspot.id
    assert loan.due_at - loan.started_at == timedelta(days=7), "a hotspot goes out for the policy's 7 days"
    assert library.devices[hotspot.id].state is DeviceState.ON_LOAN
    [started] = work.published(LOAN_STARTED)
    assert (started.loan_id, started.device_id, started.borrower.id) == (loan.id, hotspot.id, patron.id)
    assert started.due_at == loan.due_at
    [changed] = work.published(DEVICE_STATE_CHANGED)
    assert (changed.from_state, changed.to_state, changed.actor) == ("available", "on_loan", "staff:ana")
    counted = deps.metrics.loans_started.labels("hotspot", "patron")._value.get()
    assert counted == 1


async def test_a_blocked_patron_is_refused_with_the_reason_and_nothing_changes(library, deps, work):
    laptop = library.device(DeviceKind.LAPTOP)
    patron = library.patron(BorrowerStatus.BLOCKED, blocked_reason="two hotspots never returned")

    with pytest.raises(Refusal) as refused:
        await lending.lend(deps, borrower_id=patron.id, device_id=laptop.id, kind=None, due_at=None, actor="staff:ana")

    assert refused.value.kind is Kind.CONFLICT
    assert refused.value.reason == "borrower_blocked"
    assert "two hotspots never returned" in refused.value.detail
    assert work.events == [] and library.loans == {}
    assert library.devices[laptop.id].state is DeviceState.AVAILABLE


async def test_a_patron_at_the_limit_for_a_kind_is_refused(library, deps, work):
    first, second, patron = library.device(DeviceKind.TABLET), library.device(DeviceKind.TABLET), library.patron()
    await lending.lend(deps, borrower_id=patron.id, device_id=first.id, kind=None, due_at=None, actor="staff:ana")

    with pytest.raises(Refusal) as refused:
        await lending.lend(deps, borrower_id=patron.id, device_id=second.id, kind=None, due_at=None, actor="staff:ana")

    assert refused.value.reason == "limit_reached"
    assert len(work.published(LOAN_STARTED)) == 1


# ---- holds --------------------------------------------------------------------------------------------------

async def test_a_returned_unit_waits_for_its_wipe_and_then_goes_to_the_borrower_waiting_for_its_kind(library, deps, work):
    laptop, holder, waiting = library.device(DeviceKind.LAPTOP), library.patron(), library.patron()
    loan = await lending.lend(deps, borrower_id=holder.id, device_id=laptop.id, kind=None, due_at=None, actor="staff:ana")
    hold = library.waiting_hold(waiting, DeviceKind.LAPTOP)

    await lending.return_loan(deps, loan.id, condition="good", missing=[], actor="staff:ana")
    assert library.devices[laptop.id].state is DeviceState.QUARANTINED
    assert work.published(LOAN_RETURNED) and not work.published(HOLD_READY), "a unit awaiting its wipe is not offered"

    device = await inventory.confirm_wipe(deps, laptop.id, "staff:ana")

    assert device.state is DeviceState.RESERVED
    assert library.holds[hold.id].status is HoldStatus.READY and library.holds[hold.id].device_id == laptop.id
    [ready] = work.published(HOLD_READY)
    assert ready.hold_id == hold.id and ready.borrower.id == waiting.id
    assert ready.pickup_branch == "eastside"
    assert ready.ready_until == NOW + deps.policy.hold_pickup
    assert [to for _, _, to in library.history][-2:] == [DeviceState.AVAILABLE, DeviceState.RESERVED]


async def test_a_wiped_unit_with_nobody_waiting_goes_back_on_the_shelf(library, deps, work):
    laptop, holder = library.device(DeviceKind.LAPTOP), library.patron()
    loan = await lending.lend(deps, borrower_id=holder.id, device_id=laptop.id, kind=None, due_at=None, actor="staff:ana")
    await lending.return_loan(deps, loan.id, condition="good", missing=[], actor="staff:ana")

    device = await inventory.confirm_wipe(deps, laptop.id, "staff:ana")

    assert device.state is DeviceState.AVAILABLE
    assert work.published(HOLD_READY) == []
