"""The long-loan programme's rules and use cases on fakes: eligibility and priority from the form, the waiting
list's order, offers down the list, a lapsed offer passing on, and the referring partner told only with consent."""

import contextlib
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from prometheus_client import CollectorRegistry

from lantern_shared.clock import Clock
from lantern_shared.refusals import Kind, Refusal

from lantern_devices.deps import Deps
from lantern_devices.domain.applications import Application, ApplicationStatus, Need, SubmittedBy, submitted_by, waiting_order
from lantern_devices.domain.devices import Device, DeviceKind, DeviceState
from lantern_devices.domain.eligibility import ApplicationForm, ProgrammeRules
from lantern_devices.domain.offers import Offer, OfferStatus
from lantern_devices.events import APPLICATION_OFFER_LAPSED, APPLICATION_OFFERED
from lantern_devices.handlers import applications as applying, offers as offering
from lantern_devices.metrics import DevicesMetrics
from lantern_devices.store import applications as application_store, devices as device_store
from lantern_devices.store import eligibility as rules_store, offers as offer_store
from tests.support import FakeUnitOfWork

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
RULES = ProgrammeRules(points_referred_by_partner=5, points_no_internet_at_home=3, points_underserved_area=2,
                       underserved_postcodes=["97220"], pickup_days=3, loan_days=90, max_renewals=1)


def form(**fields) -> ApplicationForm:
    return ApplicationForm(**({"internet_at_home": True, "household_size": 2} | fields))


# ---- the rules ----------------------------------------------------------------------------------------------

def test_points_add_up_for_a_referral_no_internet_and_an_underserved_area():
    assert RULES.priority(form()) == 0
    assert RULES.priority(form(internet_at_home=False)) == 3
    assert RULES.priority(form(postcode=" 97220")) == 2
    assert RULES.priority(form(referred=True, internet_at_home=False, postcode="97220")) == 10


def test_the_rules_refuse_those_the_programme_is_not_for_and_name_the_field():
    rules = ProgrammeRules(eligible_postcodes=["97201"], only_without_internet=True, min_household_size=2)
    assert rules.refusal(form(internet_at_home=False, postcode="97201")) is None
    outside = rules.refusal(form(internet_at_home=False, postcode="10001"))
    assert (outside.reason, outside.field) == ("outside_programme_area", "postcode")
    assert rules.refusal(form(postcode="97201")).reason == "has_internet_at_home"
    assert rules.refusal(form(internet_at_home=False, postcode="97201", household_size=1)).reason == "household_too_small"
    assert ProgrammeRules(accepting_applications=False).refusal(form()).reason == "programme_closed"


def test_a_programme_loan_renews_by_the_programme_period_up_to_its_limit():
    due = NOW + timedelta(days=10)
    assert RULES.renewed_due(NOW, due) == due + timedelta(days=90)
    assert RULES.renewed_due(due + timedelta(days=2), due) == due + timedelta(days=92), "from today when late"
    assert RULES.renewal_refusal(0) is None
    assert RULES.renewal_refusal(1).reason == "renewal_limit"


def application(priority: int, minutes: int, patron_id: uuid.UUID | None = None, **fields) -> Application:
    return Application(**({
        "id": uuid.uuid4(), "patron_id": patron_id or uuid.uuid4(), "device_kind": DeviceKind.CHROMEBOOK,
        "need": Need.SCHOOL, "internet_at_home": True, "household_size": 2, "preferred_language": "es",
        "submitted_by": SubmittedBy.PATRON, "priority": priority, "status": ApplicationStatus.WAITING,
        "applied_at": NOW + timedelta(minutes=minutes), "created_at": NOW} | fields))


def test_the_waiting_list_runs_by_priority_then_application_time():
    late_high, early_low, early_high = application(5, 10), application(0, 0), application(5, 1)
    assert sorted([late_high, early_low, early_high], key=waiting_order) == [early_high, late_high, early_low]


def test_who_filled_in_the_form_comes_from_the_actor():
    assert submitted_by("partner:org-1") is SubmittedBy.PARTNER
    assert submitted_by("patron:p-1") is SubmittedBy.PATRON
    assert submitted_by("staff:ana") is SubmittedBy.STAFF and submitted_by("unspecified") is SubmittedBy.STAFF


# ---- the use cases, on fakes ----------------------------------------------------------------------------------

class FakeConnection:
    @contextlib.asynccontextmanager
    async def transaction(self):
        yield


class Stopped(Clock):
    def __call__(self) -> datetime:
        return NOW


class Programme:
    """Units, applications and offers in memory, behind the store functions the handlers call."""

    def __init__(self) -> None:
        self.devices: dict[uuid.UUID, Device] = {}
        self.applications: dict[uuid.UUID, Application] = {}
        self.offers: dict[uuid.UUID, Offer] = {}

    def unit(self) -> Device:
        device = Device(id=uuid.uuid4(), kind=DeviceKind.CHROMEBOOK, asset_tag=f"CHR-{len(self.devices) + 1}",
                        serial=f"SN{len(self.devices) + 1}", home_branch="gresham", state=DeviceState.AVAILABLE,
                        created_at=NOW, updated_at=NOW)
        self.devices[device.id] = device
        return device

    def waiting(self, *applications: Application) -> None:
        self.applications |= {a.id: a for a in applications}

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        async def nothing(*args, **kwargs):
            return None

        async def get_rules(conn, kind):
            return RULES

        async def claim_available(conn, kind, now, until):
            return next((d for d in sorted(self.devices.values(), key=lambda d: d.asset_tag)
                         if d.state is DeviceState.AVAILABLE), None)

        async def get_device(conn, device_id, *, for_update=False):
            return self.devices.get(device_id)

        async def change_state(conn, device_id, from_state, to_state, reason, actor):
            self.devices[device_id] = self.devices[device_id].model_copy(update={"state": to_state})

        async def reserved_during(conn, device_id, start, end):
            return False

        async def next_waiting(conn, kind):
            waiting = [a for a in self.applications.values() if a.status is ApplicationStatus.WAITING]
            return min(waiting, key=waiting_order, default=None)

        async def set_status(conn, application_id, status, now, *, loan_id=None):
            self.applications[application_id] = self.applications[application_id].model_copy(update={"status": status})
            return self.applications[application_id]

        async def insert_offer(conn, offer_id, application_id, device_id, kind, pickup_branch, now, pickup_until):
            assert not any(o.device_id == device_id and o.status is OfferStatus.OPEN for o in self.offers.values())
            self.offers[offer_id] = Offer(id=offer_id, application_id=application_id,
                                          patron_id=self.applications[application_id].patron_id, device_id=device_id,
                                          device_kind=kind, pickup_branch=pickup_branch, offered_at=now,
                                          pickup_until=pickup_until, status=OfferStatus.OPEN, created_at=now)
            return self.offers[offer_id]

        async def get_offer(conn, offer_id, *, for_update=False):
            return self.offers.get(offer_id)

        async def close_offer(conn, offer_id, status, now, *, loan_id=None):
            self.offers[offer_id] = self.offers[offer_id].model_copy(update={"status": status, "closed_at": now})
            return self.offers[offer_id]

        async def lapsed_offer_ids(conn, now):
            return [o.id for o in self.offers.values() if o.status is OfferStatus.OPEN and o.pickup_until <= now]

        async def no_holds(conn, kind):
            return None

        for module, name, fake in [
            (device_store, "lock_kind", nothing), (device_store, "claim_available", claim_available),
            (device_store, "get_device", get_device), (device_store, "change_state", change_state),
            (device_store, "reserved_during", reserved_during), (rules_store, "get_rules", get_rules),
            (application_store, "next_waiting", next_waiting), (application_store, "set_status", set_status),
            (offer_store, "insert_offer", insert_offer), (offer_store, "get_offer", get_offer),
            (offer_store, "close_offer", close_offer), (offer_store, "lapsed_offer_ids", lapsed_offer_ids),
        ]:
            monkeypatch.setattr(module, name, fake)
        from lantern_devices.store import holds as hold_store
        monkeypatch.setattr(hold_store, "first_waiting", no_holds)


class FakePool:
    @contextlib.asynccontextmanager
    async def acquire(self):
        yield FakeConnection()


class FakeRuntime:
    pool = FakePool()


@pytest.fixture
def programme(monkeypatch) -> Programme:
    programme = Programme()
    programme.install(monkeypatch)
    return programme


@pytest.fixture
def work() -> FakeUnitOfWork:
    return FakeUnitOfWork(FakeConnection())


def deps(work: FakeUnitOfWork) -> Deps:
    return Deps(runtime=FakeRuntime(), settings=None, clock=Stopped(),  # type: ignore[arg-type]
                metrics=DevicesMetrics(CollectorRegistry()), uow=work.factory(), policy=None)  # type: ignore[arg-type]


async def test_offers_go_down_the_list_one_unit_each_in_its_order(programme, work):
    low, high, tie_later, tie_earlier = application(0, 0), application(10, 5), application(5, 9), application(5, 2)
    programme.waiting(low, high, tie_later, tie_earlier)
    units = [programme.unit() for _ in range(3)]

    made = await offering.make_offers(deps(work), DeviceKind.CHROMEBOOK, 5, "staff:ana")

    assert [o.application_id for o in made] == [high.id, tie_earlier.id, tie_later.id]
    assert [o.device_id for o in made] == [u.id for u in units]
    assert [e.application_id for e in work.published(APPLICATION_OFFERED)] == [high.id, tie_earlier.id, tie_later.id]
    assert {d.state for d in programme.devices.values()} == {DeviceState.RESERVED}
    assert programme.applications[low.id].status is ApplicationStatus.WAITING


async def test_with_no_unit_free_nothing_is_offered_and_staff_are_told_why(programme, work):
    programme.waiting(application(3, 0))
    with pytest.raises(Refusal) as refused:
        await offering.make_offers(deps(work), DeviceKind.CHROMEBOOK, 1, "staff:ana")
    assert (refused.value.kind, refused.value.reason) == (Kind.CONFLICT, "none_available")
    assert work.events == []


async def test_a_lapsed_offer_passes_the_same_unit_to_the_next_applicant(programme, work):
    first, second = application(5, 0, preferred_language="vi"), application(3, 1)
    programme.waiting(first, second)
    unit = programme.unit()
    [made] = await offering.make_offers(deps(work), DeviceKind.CHROMEBOOK, 1, "staff:ana")

    assert await offering.lapse_offers(deps(work), made.pickup_until - timedelta(seconds=1)) == 0
    assert await offering.lapse_offers(deps(work), made.pickup_until) == 1

    [lapsed] = work.published(APPLICATION_OFFER_LAPSED)
    assert (lapsed.application_id, lapsed.preferred_language) == (first.id, "vi")
    assert programme.applications[first.id].status is ApplicationStatus.LAPSED
    assert [e.application_id for e in work.published(APPLICATION_OFFERED)] == [first.id, second.id]
    reoffered = [o for o in programme.offers.values() if o.status is OfferStatus.OPEN]
    assert [(o.application_id, o.device_id) for o in reoffered] == [(second.id, unit.id)]
    assert programme.devices[unit.id].state is DeviceState.RESERVED


async def test_a_partner_applies_on_someones_behalf_only_with_their_consent(programme, work):
    with pytest.raises(Refusal) as refused:
        await applying.apply(deps(work), patron_id=uuid.uuid4(), kind=DeviceKind.CHROMEBOOK, need=Need.HEALTH,
                             internet_at_home=False, household_size=1, preferred_language="zh-Hans", postcode=None,
                             referring_partner_id=uuid.uuid4(), partner_may_be_told=True, applicant_consented=False,
                             submitted_by=SubmittedBy.PARTNER)
    assert (refused.value.kind, refused.value.reason, refused.value.field) == (Kind.INVALID, "consent_required",
                                                                              "applicant_consented")
    assert work.events == []
