"""The long-loan programme's notices: the applicant hears of an offer and of its lapse in their language; the
referring partner's contacts hear that the person was served only when the applicant agreed."""

import uuid
from datetime import timedelta

import pytest
from prometheus_client import CollectorRegistry

from lantern_notifications.deps import Deps
from lantern_notifications.events import ApplicationOffered, ApplicationOfferLapsed, ApplicationServed
from lantern_notifications.handlers import applications
from lantern_notifications.metrics import NotificationMetrics
from lantern_notifications.settings import NotificationsSettings
from lantern_notifications.store import recipients
from lantern_shared.clock import Clock
from lantern_shared.envelope import new_event
from tests.support import FakeUnitOfWork

from .test_handlers import NOON_IN_SEATTLE, Tables, patron


@pytest.fixture
def tables(monkeypatch) -> Tables:
    return Tables(monkeypatch)


@pytest.fixture
def work() -> FakeUnitOfWork:
    return FakeUnitOfWork()


@pytest.fixture
def deps(work) -> Deps:
    clock = Clock()
    clock.set(NOON_IN_SEATTLE)
    settings = NotificationsSettings(db_password="unused", internal_token="unused")
    return Deps.create(settings, None, metrics=NotificationMetrics(CollectorRegistry()), uow=work.factory(),
                       clock=clock)


PICKUP_UNTIL = NOON_IN_SEATTLE + timedelta(days=3)


def cause(type: str, data) -> object:
    return new_event(type=type, source="/lantern/devices", data=data, key=str(data.application_id))


def contact(partner_id, **changes):
    return patron(kind="partner_contact", name="Lupe Ortiz", email="lupe@example.org", language="es",
                  partner_id=partner_id, **changes)


async def test_an_applicant_hears_of_the_offer_and_of_its_lapse_in_their_language(deps, work, tables):
    lan = patron(language="vi")
    tables.recipients[lan.id] = lan
    facts = {"offer_id": uuid.uuid4(), "application_id": uuid.uuid4(), "patron_id": lan.id,
             "device_kind": "chromebook", "pickup_until": PICKUP_UNTIL}
    offered = ApplicationOffered(**facts, pickup_branch="Gresham Library")
    await applications.offered(deps, work, offered, cause("lantern.application.offered", offered))
    lapsed = ApplicationOfferLapsed(**facts)
    await applications.offer_lapsed(deps, work, lapsed, cause("lantern.application.offer_lapsed", lapsed))

    [offer_notice] = [p for p in tables.of("application_offered") if p.channel == "email"]
    assert (offer_notice.recipient_id, offer_notice.language) == (lan.id, "vi")
    assert offer_notice.render_data["pickup_branch"] == "Gresham Library"
    assert offer_notice.expires_at == PICKUP_UNTIL, "an offer nobody can take up any more is not sent"
    assert [p.recipient_id for p in tables.of("application_offer_lapsed") if p.channel == "email"] == [lan.id]


async def test_the_referring_partner_hears_the_person_was_served_only_when_named_in_the_event(deps, work, tables,
                                                                                               monkeypatch):
    partner_id = uuid.uuid4()
    marisol, lupe = patron(name="Marisol Vega", language="es"), contact(partner_id)
    tables.recipients |= {marisol.id: marisol, lupe.id: lupe}

    async def partner_contacts(conn, wanted):
        return [lupe] if wanted == partner_id else []

    async def partner_name(conn, wanted):
        return "Rockwood Family Center" if wanted == partner_id else None

    monkeypatch.setattr(recipients, "partner_contacts", partner_contacts)
    monkeypatch.setattr(recipients, "partner_name", partner_name)
    facts = {"application_id": uuid.uuid4(), "patron_id": marisol.id, "device_kind": "chromebook"}

    unnamed = ApplicationServed(**facts)
    await applications.served(deps, work, unnamed, cause("lantern.application.served", unnamed))
    assert tables.of("application_served") == [], "without the applicant's consent the partner hears nothing"

    named = ApplicationServed(**facts, referring_partner_id=partner_id)
    await applications.served(deps, work, named, cause("lantern.application.served", named))
    [told] = [p for p in tables.of("application_served") if p.channel == "email"]
    assert (told.recipient_id, told.language) == (lupe.id, "es")
    assert told.render_data == {"device_kind": "chromebook", "patron_name": "Marisol Vega",
                                "partner_name": "Rockwood Family Center"}
