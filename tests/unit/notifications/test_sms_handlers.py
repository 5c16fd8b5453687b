"""SMS consent through the handlers and the sender, with a fake unit of work and an in-memory consent table: who
may be texted, what STOP and START change, and a forged webhook."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from prometheus_client import CollectorRegistry

from lantern_notifications.delivery.outcomes import ACCEPTED
from lantern_notifications.delivery.sender import Sender
from lantern_notifications.delivery.templates import Templates
from lantern_notifications.deps import Deps
from lantern_notifications.domain.deliveries import ClaimedDelivery, Status
from lantern_notifications.domain.messages import Category, Channel
from lantern_notifications.domain.recipients import Recipient
from lantern_notifications.domain.sms_consent import Consent, ConsentChoice, Source
from lantern_notifications.domain.sms_webhooks import signature
from lantern_notifications.handlers import sms_consent as consent_handlers
from lantern_notifications.handlers import sms_webhooks
from lantern_notifications.metrics import NotificationMetrics
from lantern_notifications.settings import NotificationsSettings
from lantern_notifications.store import recipients, sms_consent
from lantern_shared.clock import Clock
from lantern_shared.refusals import Kind, Refusal
from tests.support import FakeUnitOfWork

NOW = datetime(2026, 11, 12, 20, 0, tzinfo=UTC)
PUBLIC = "https://library.example.org/api/v1/sms"
TOKEN = "auth-token"


class Consents:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.people: dict[uuid.UUID, Recipient] = {}
        self.rows: dict[uuid.UUID, Consent] = {}

        async def get(conn, recipient_id):
            return self.rows.get(recipient_id)

        async def record(conn, recipient_id, consent):
            self.rows[recipient_id] = consent

        async def by_keyword(conn, phone, opted_in, at):
            changed = [r.id for r in self.people.values() if r.phone == phone]
            for rid in changed:
                self.rows[rid] = Consent(phone=phone, opted_in=opted_in, source=Source.KEYWORD, changed_at=at)
            return changed

        async def language_at(conn, phone):
            return next((r.language for r in self.people.values() if r.phone == phone), None)

        async def get_recipient(conn, recipient_id):
            return self.people.get(recipient_id)

        for name, fake in [("get", get), ("record", record), ("by_keyword", by_keyword), ("language_at", language_at)]:
            monkeypatch.setattr(sms_consent, name, fake)
        monkeypatch.setattr(recipients, "get_recipient", get_recipient)

    def patron(self, phone: str, language: str = "es") -> Recipient:
        person = Recipient(id=uuid.uuid4(), kind="patron", name="Ana", email=None, phone=phone, language=language,
                           consent_to_contact=True)
        self.people[person.id] = person
        return person


class Texts:
    def __init__(self) -> None:
        self.sent: list[dict] = []

    async def send(self, **text):
        self.sent.append(text)
        return ACCEPTED


@pytest.fixture
def consents(monkeypatch) -> Consents:
    return Consents(monkeypatch)


@pytest.fixture
def deps() -> Deps:
    clock = Clock()
    clock.set(NOW)
    settings = NotificationsSettings(db_password="unused", internal_token="unused", sms_webhook_base_url=PUBLIC,
                                     twilio_auth_token=TOKEN, library_name="Riverside Library")
    return Deps.create(settings, None, metrics=NotificationMetrics(CollectorRegistry()),
                       uow=FakeUnitOfWork().factory(), clock=clock)


async def _text(deps: Deps, texts: Texts, person: Recipient) -> Status:
    sender = Sender(deps, mailer=None, sms=texts,
                    templates=Templates(default_language="en", library_name="Riverside Library"))
    claimed = ClaimedDelivery(
        id=uuid.uuid4(), seq=1, cause_event_id="e1", cause_type="lantern.loan.overdue", recipient_id=person.id,
        message="loan_overdue", category=Category.TRANSACTIONAL, channel=Channel.SMS, language=person.language,
        status=Status.SENDING, reason=None, attempts=0, send_after=NOW, created_at=NOW, updated_at=NOW, sent_at=None,
        cause_time=NOW, expires_at=None, timezone="UTC", recipient=person,
        render_data={"device_kind": "hotspot", "asset_tag": "HS-1", "due_at": (NOW - timedelta(days=3)).isoformat(),
                     "days_overdue": 3, "first_name": "Ana"},
    )
    claimed.preferences.quiet_hours_enabled = False
    return (await sender.attempt(claimed, NOW)).settlement


def _signed(path: str, params: list[tuple[str, str]]) -> str:
    return signature(PUBLIC + path, params, TOKEN)


async def test_only_a_patron_who_agreed_at_their_current_number_is_texted(deps, consents):
    texts = Texts()
    agreed, never, moved = consents.patron("+12062345001"), consents.patron("+12062345002"), consents.patron("+12062345003")
    await consent_handlers.choose(deps, agreed.id, ConsentChoice(opted_in=True))
    consents.rows[moved.id] = Consent(phone="+12069999999", opted_in=True, source=Source.ENROLMENT, changed_at=NOW)

    assert (await _text(deps, texts, agreed)).status == Status.SENT
    assert (await _text(deps, texts, never)).reason == "no_sms_consent"
    assert (await _text(deps, texts, moved)).reason == "no_sms_consent", "consent for the old number does not carry"
    assert [t["to"] for t in texts.sent] == ["+12062345001"]
    assert consents.rows[agreed.id].source == Source.PREFERENCES
    assert timedelta(0) <= consents.rows[agreed.id].changed_at - NOW < timedelta(seconds=5), "when, by the clock"


async def test_stop_withdraws_consent_before_the_reply_and_start_restores_it(deps, consents):
    texts, ana = Texts(), consents.patron("+12062345010", language="es")
    await consent_handlers.choose(deps, ana.id, ConsentChoice(opted_in=True))
    params = [("From", ana.phone), ("Body", "STOP")]

    answer = await sms_webhooks.inbound(deps, params, _signed("/inbound", params))

    assert answer.startswith("Riverside Library: ya no recibirá"), "in her language, though she wrote in English"
    assert (await _text(deps, texts, ana)).reason == "sms_opted_out" and texts.sent == []
    params = [("From", ana.phone), ("Body", "start")]
    await sms_webhooks.inbound(deps, params, _signed("/inbound", params))
    assert (await _text(deps, texts, ana)).status == Status.SENT


async def test_a_forged_or_replayed_elsewhere_webhook_is_refused_and_changes_nothing(deps, consents):
    ana = consents.patron("+12062345020")
    await consent_handlers.choose(deps, ana.id, ConsentChoice(opted_in=True))
    params = [("From", ana.phone), ("Body", "STOP")]
    for forged in (None, "", signature(PUBLIC + "/inbound", params, "guessed"), _signed("/status/x", params)):
        with pytest.raises(Refusal) as refused:
            await sms_webhooks.inbound(deps, params, forged)
        assert (refused.value.kind, refused.value.reason) == (Kind.FORBIDDEN, "forged_signature")
    assert consents.rows[ana.id].opted_in


async def test_a_landline_cannot_be_opted_in(deps, consents):
    office = consents.patron("+442079460958")
    with pytest.raises(Refusal) as refused:
        await consent_handlers.choose(deps, office.id, ConsentChoice(opted_in=True))
    assert (refused.value.kind, refused.value.reason, refused.value.field) == (Kind.CONFLICT, "not_textable", "phone")
