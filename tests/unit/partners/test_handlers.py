"""Referrals, consent and partnership status as use cases, on fakes: the handlers run unchanged over an in-memory
directory (the store functions they call, replaced) and a FakeUnitOfWork that keeps what they publish."""

import uuid
from datetime import UTC, datetime

import pytest
from prometheus_client import CollectorRegistry

from lantern_shared.clock import Clock
from lantern_shared.refusals import Kind, Refusal

from lantern_partners.deps import Deps
from lantern_partners.domain.records import Contact, Partner, Service
from lantern_partners.events import (
    PARTNER_LAPSED, PARTNER_UPDATED, REFERRAL_CREATED, PatronChanged, PartnerLapsed, SharedWithPartner,
)
from lantern_partners.handlers import partners as partner_handlers, patrons as patron_handlers, referrals
from lantern_partners.metrics import PartnerMetrics
from lantern_partners.settings import PartnersSettings
from lantern_partners.store import partners as partner_store, patrons as patron_store, referrals as referral_store
from tests.support import FakeUnitOfWork, metric_value

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


class Stopped(Clock):
    def __call__(self) -> datetime:
        return NOW


class Directory:
    """Partners, patrons' consent and referrals in memory, behind the store functions the handlers call."""

    def __init__(self) -> None:
        self.partners: dict[uuid.UUID, Partner] = {}
        self.consents: dict[uuid.UUID, patron_store.Consent] = {}
        self.referrals: list[referral_store.Referral] = []
        self.status_changes: list[tuple[uuid.UUID, str, str, str | None]] = []

    def partner(self, *, status: str = "active", service_status: str = "active") -> tuple[Partner, Service]:
        service = Service(name="Resume clinic", needs=["resume_help", "job_search"], status=service_status)
        partner = Partner(id=uuid.uuid4(), name="Eastside Jobs", kind="workforce_development", status=status,
                          services=[service], contacts=[Contact(name="Kim Lee", email="kim@jobs.example.org")])
        self.partners[partner.id] = partner
        return partner, service

    def patron(self, *, consent: bool, first_name: str | None = "Ana") -> uuid.UUID:
        patron_id = uuid.uuid4()
        self.consents[patron_id] = patron_store.Consent(
            patron_id=patron_id, consent=consent, first_name=first_name if consent else None,
            email="ana@example.org" if consent else None, phone="+1 555 010 2000" if consent else None)
        return patron_id

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        async def partner_of_service(conn, service_id):
            return next((p.id for p in self.partners.values() if p.service(service_id)), None)

        async def get_partner(conn, partner_id, *, for_update=False):
            return self.partners.get(partner_id)

        async def get_consent(conn, patron_id):
            return self.consents.get(patron_id)

        async def record_consent(conn, consent):
            self.consents[consent.patron_id] = consent

        async def insert_referral(conn, referral):
            self.referrals.append(referral)

        async def set_status(conn, partner_id, old, new, reason, actor):
            self.status_changes.append((partner_id, old, new, reason))
            return NOW

        monkeypatch.setattr(partner_store, "partner_of_service", partner_of_service)
        monkeypatch.setattr(partner_store, "get_partner", get_partner)
        monkeypatch.setattr(partner_store, "set_status", set_status)
        monkeypatch.setattr(patron_store, "get_consent", get_consent)
        monkeypatch.setattr(patron_store, "record_consent", record_consent)
        monkeypatch.setattr(referral_store, "insert_referral", insert_referral)


@pytest.fixture
def directory(monkeypatch) -> Directory:
    directory = Directory()
    directory.install(monkeypatch)
    return directory


@pytest.fixture
def work() -> FakeUnitOfWork:
    return FakeUnitOfWork()


@pytest.fixture
def registry() -> CollectorRegistry:
    return CollectorRegistry()


@pytest.fixture
def deps(work, registry) -> Deps:
    return Deps(runtime=None, settings=PartnersSettings(internal_token="t", db_password="p"), clock=Stopped(),
                metrics=PartnerMetrics(registry), uow=work.factory())


def made(registry) -> float:
    return metric_value(registry, "lantern_partners_referrals_created_total")


def refused(registry, reason: str) -> float:
    return metric_value(registry, "lantern_partners_referrals_refused_total", {"reason": reason})


async def test_a_referral_with_consent_tells_the_partner_only_the_patrons_first_name(deps, work, directory, registry):
    partner, service = directory.partner()
    patron_id = directory.patron(consent=True)

    referral = await referrals.refer(deps, referrals.ReferralRequest(patron_id=patron_id, service_id=service.id),
                                     "staff:librarian")

    [created] = work.published(REFERRAL_CREATED)
    assert created.shared_with_partner == SharedWithPartner(first_name="Ana", email=None, phone=None)
    assert (created.referral_id, created.patron_id, created.partner_id, created.service_id, created.need) == (
        referral.id, patron_id, partner.id, service.id, "resume_help")
    assert created.contact_id == partner.contacts[0].id
    assert work.committed
    assert [r.shared_fields for r in directory.referrals] == [["first_name"]]
    assert directory.referrals[0].made_by == "staff:librarian" and directory.referrals[0].created_at == NOW
    assert made(registry) == 1


async def test_a_referral_shares_the_email_only_when_the_patron_agreed_to_give_it(deps, work, directory):
    _, service = directory.partner()
    patron_id = directory.patron(consent=True)

    await referrals.refer(deps, referrals.ReferralRequest(patron_id=patron_id, service_id=service.id, share_email=True),
                          "staff:librarian")

    [created] = work.published(REFERRAL_CREATED)
    assert created.shared_with_partner == SharedWithPartner(first_name="Ana", email="ana@example.org", phone=None)
    assert directory.referrals[0].shared_fields == ["first_name", "email"]


@pytest.mark.parametrize("known", [True, False], ids=["declined consent", "never heard of"])
async def test_a_referral_without_consent_is_refused_and_shares_nothing(deps, work, directory, registry, known):
    _, service = directory.partner()
    patron_id = directory.patron(consent=False) if known else uuid.uuid4()

    with pytest.raises(Refusal) as refusal:
        await referrals.refer(deps, referrals.ReferralRequest(patron_id=patron_id, service_id=service.id,
                                                              share_email=True, share_phone=True), "staff:librarian")

    assert (refusal.value.kind, refusal.value.reason) == (Kind.CONFLICT, "no_consent_to_referral")
    assert work.events == [] and directory.referrals == [] and not work.committed
    assert (refused(registry, "no_consent_to_referral"), made(registry)) == (1, 0)


async def test_a_referral_to_a_closed_service_is_refused_even_with_consent(deps, work, directory):
    _, service = directory.partner(service_status="temporarily closed")
    patron_id = directory.patron(consent=True)

    with pytest.raises(Refusal) as refused:
        await referrals.refer(deps, referrals.ReferralRequest(patron_id=patron_id, service_id=service.id), "staff:x")

    assert refused.value.reason == "service_not_accepting_referrals"
    assert work.events == [] and directory.referrals == []


async def test_a_referral_to_a_service_not_in_the_directory_is_not_found(deps, work, directory):
    patron_id = directory.patron(consent=True)

    with pytest.raises(Refusal) as refused:
        await referrals.refer(deps, referrals.ReferralRequest(patron_id=patron_id, service_id=uuid.uuid4()), "staff:x")

    assert refused.value.kind is Kind.NOT_FOUND and work.events == []


async def test_a_patron_who_withdraws_consent_leaves_no_personal_data_with_partners(deps, work, directory):
    patron_id = directory.patron(consent=True)

    await patron_handlers.patron_changed(deps, work, PatronChanged(
        patron_id=patron_id, name="Ana María Pérez", email="ana@example.org", phone="+1 555 010 2000",
        consent_to_referral=False))

    assert directory.consents[patron_id] == patron_store.Consent(patron_id=patron_id, consent=False, first_name=None,
                                                                 email=None, phone=None)


async def test_a_consenting_patron_is_kept_by_first_name_only(deps, work, directory):
    patron_id = uuid.uuid4()

    await patron_handlers.patron_changed(deps, work, PatronChanged(
        patron_id=patron_id, name="Ana María Pérez", email="ana@example.org", phone=None, consent_to_referral=True))

    assert directory.consents[patron_id].first_name == "Ana"


async def test_a_lapse_tells_everyone_the_partner_lapsed_and_why(deps, work, directory):
    partner, _ = directory.partner(status="active")

    lapsed = await partner_handlers.change_status(deps, partner.id, "lapsed", "  Agreement not renewed ", "staff:x")

    assert lapsed.status == "lapsed"
    assert work.published(PARTNER_LAPSED) == [PartnerLapsed(partner_id=partner.id, name=partner.name,
                                                            reason="Agreement not renewed")]
    assert [u.status for u in work.published(PARTNER_UPDATED)] == ["lapsed"]
    assert directory.status_changes == [(partner.id, "active", "lapsed", "  Agreement not renewed ")]


async def test_a_lapse_without_a_reason_is_refused_and_changes_nothing(deps, work, directory):
    partner, _ = directory.partner(status="active")

    with pytest.raises(Refusal) as refused:
        await partner_handlers.change_status(deps, partner.id, "lapsed", None, "staff:x")

    assert refused.value.reason == "reason_required"
    assert work.events == [] and directory.status_changes == []
