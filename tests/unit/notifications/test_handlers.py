"""Planning who hears what, specified through the handlers with a fake unit of work and an in-memory store; what
planning leaves to the moment of sending (consent, an erased recipient) is followed through the sender, with a
mailer that only records."""

import json
import uuid
from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from prometheus_client import CollectorRegistry

from lantern_notifications.delivery.outcomes import ACCEPTED
from lantern_notifications.delivery.sender import Sender
from lantern_notifications.delivery.templates import Templates
from lantern_notifications.deps import Deps
from lantern_notifications.domain.deliveries import ClaimedDelivery, Delivery, PlannedDelivery, Status
from lantern_notifications.domain.messages import Category, Channel
from lantern_notifications.domain.preferences import Preferences
from lantern_notifications.domain.recipients import Recipient
from lantern_notifications.events import PatronErased, RegistrationConfirmed, SessionEquipmentChanged
from lantern_notifications.handlers import deliveries as delivery_log
from lantern_notifications.handlers import preferences as preference_handlers
from lantern_notifications.handlers import recipients as recipient_handlers
from lantern_notifications.handlers import registrations
from lantern_notifications.metrics import NotificationMetrics
from lantern_notifications.settings import NotificationsSettings
from lantern_notifications.store import deliveries, preferences, recipients
from lantern_notifications.store import registrations as registration_store
from lantern_shared.clock import Clock
from lantern_shared.envelope import new_event
from lantern_shared.refusals import Kind, Refusal
from tests.support import FakeUnitOfWork

NOON_IN_SEATTLE = datetime(2026, 11, 12, 20, 0, tzinfo=UTC)
STARTS_AT = NOON_IN_SEATTLE + timedelta(days=3)
FOLLOW_UPS = {"session_reminder", "feedback_request", "follow_up_survey"}


class Tables:
    """The service's tables as the handlers see them through the store functions this replaces."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.recipients: dict[UUID, Recipient] = {}
        self.preferences: dict[UUID, Preferences] = {}
        self.titles: dict[UUID, dict[str, str]] = {}
        self.planned: list[PlannedDelivery] = []
        self.held: dict[UUID, object] = {}

        async def get_recipient(conn, recipient_id):
            return self.recipients.get(recipient_id)

        async def upsert_recipient(conn, recipient):
            self.recipients[recipient.id] = recipient

        async def erase_patron(conn, patron_id):
            self.recipients.pop(patron_id, None)
            self.preferences.pop(patron_id, None)

        async def get_preferences(conn, recipient_id):
            return self.preferences.get(recipient_id, Preferences())

        async def record_registration(conn, held):
            self.held[held.id] = held

        async def session_titles(conn, session_id):
            return self.titles.get(session_id, {})

        async def plan_all(conn, planned):
            seen = {(p.cause_event_id, p.recipient_id, p.channel, p.message) for p in self.planned}
            self.planned += [p for p in planned if (p.cause_event_id, p.recipient_id, p.channel, p.message) not in seen]

        for module, name, fake in [
            (recipients, "get_recipient", get_recipient), (recipients, "erase_patron", erase_patron),
            (recipients, "upsert_recipient", upsert_recipient),
            (preferences, "get_preferences", get_preferences),
            (registration_store, "record_registration", record_registration),
            (registration_store, "session_titles", session_titles), (deliveries, "plan_all", plan_all),
        ]:
            monkeypatch.setattr(module, name, fake)

    def of(self, message: str) -> list[PlannedDelivery]:
        return [p for p in self.planned if p.message == message]


class Mailer:
    def __init__(self) -> None:
        self.sent = []

    async def send(self, email):
        self.sent.append(email)
        return ACCEPTED


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


def patron(*, language: str = "vi", consent: bool = True, **changes) -> Recipient:
    values = dict(id=uuid.uuid4(), kind="patron", name="Nguyễn Thị Lan", email="lan@example.org",
                  phone="+12065550100", language=language, consent_to_contact=consent)
    return Recipient(**(values | changes))


async def confirm(deps: Deps, work: FakeUnitOfWork, patron_id: UUID, tables: Tables) -> RegistrationConfirmed:
    session_id = uuid.uuid4()
    tables.titles[session_id] = {"en": "Email basics", "vi": "Cơ bản về email"}
    event = RegistrationConfirmed(
        registration_id=uuid.uuid4(), session_id=session_id, patron_id=patron_id, session_title="Email basics",
        starts_at=STARTS_AT, ends_at=STARTS_AT + timedelta(hours=2), timezone="America/Los_Angeles",
        place_name="Central Library, Room 2",
    )
    cause = new_event(type="lantern.registration.confirmed", source="/lantern/registration", data=event,
                      key=str(event.registration_id))
    await registrations.confirmed(deps, work, event, cause)
    return event


async def dispatched(deps: Deps, tables: Tables, at: datetime, mailer: Mailer) -> dict[tuple[str, str], Status]:
    """Each planned delivery handed to the sender at `at`: what became of it, by (message, channel)."""
    sender = Sender(deps, mailer=mailer, sms=None,
                    templates=Templates(default_language="en", library_name="Riverside Public Library"))
    outcomes = {}
    for p in tables.planned:
        claimed = ClaimedDelivery(
            **p.model_dump(exclude={"render_data", "about_patron_id", "group_key"}), seq=1, attempts=0,
            created_at=p.send_after, updated_at=p.send_after, sent_at=None,
            render_data=json.loads(json.dumps(p.render_data, default=str)),
            recipient=tables.recipients.get(p.recipient_id),
            preferences=tables.preferences.get(p.recipient_id, Preferences()),
        )
        outcomes[(p.message, p.channel)] = (await sender.attempt(claimed, at)).settlement.status
    return outcomes


async def test_a_confirmed_registration_plans_the_confirmation_in_the_patrons_language_on_their_channels(
    deps, work, tables
):
    lan = patron(language="vi")
    tables.recipients[lan.id] = lan

    event = await confirm(deps, work, lan.id, tables)

    [*confirmation] = tables.of("registration_confirmed")
    assert sorted(p.channel for p in confirmation) == [Channel.EMAIL, Channel.IN_APP], "email, and the app for a patron"
    for planned in confirmation:
        assert planned.recipient_id == lan.id and planned.about_patron_id == lan.id
        assert planned.language == "vi" and planned.category == Category.TRANSACTIONAL
        assert NOON_IN_SEATTLE <= planned.send_after < NOON_IN_SEATTLE + timedelta(minutes=1), "now, by its clock"
        assert planned.render_data["session_title"] == "Cơ bản về email", "the session's title in her language"
        assert planned.group_key == f"registration:{event.registration_id}"
    [reminder] = [p for p in tables.of("session_reminder") if p.channel == Channel.EMAIL]
    assert reminder.send_after == STARTS_AT - timedelta(hours=24) and reminder.expires_at == STARTS_AT
    [survey] = [p for p in tables.of("follow_up_survey") if p.channel == Channel.EMAIL]
    assert survey.send_after == event.ends_at + timedelta(days=28)
    assert work.events == [], "planning publishes nothing: the dispatcher does, once a message is sent"


async def test_a_patron_who_chose_text_messages_is_planned_on_sms_only(deps, work, tables):
    lan = patron()
    tables.recipients[lan.id] = lan
    tables.preferences[lan.id] = Preferences(channels=[Channel.SMS])

    await confirm(deps, work, lan.id, tables)

    assert {p.channel for p in tables.planned} == {Channel.SMS}
    assert {p.message for p in tables.planned} == {"registration_confirmed"} | FOLLOW_UPS


async def test_a_patron_without_consent_hears_the_confirmation_but_none_of_the_reminders(deps, work, tables):
    quiet = patron(consent=False)
    tables.recipients[quiet.id] = quiet
    await confirm(deps, work, quiet.id, tables)
    mailer = Mailer()

    outcomes = await dispatched(deps, tables, STARTS_AT - timedelta(hours=24), mailer)

    assert outcomes[("registration_confirmed", Channel.EMAIL)] == Status.SENT, "what she did is answered anyway"
    assert {outcomes[(m, Channel.EMAIL)] for m in FOLLOW_UPS} == {Status.SUPPRESSED}
    assert [email.to for email in mailer.sent] == ["lan@example.org"]
    assert mailer.sent[0].language == "vi"


async def test_an_erased_patron_gets_nothing(deps, work, tables):
    gone = patron()
    tables.recipients[gone.id] = gone
    await recipient_handlers.patron_erased(deps, work, PatronErased(patron_id=gone.id))

    await confirm(deps, work, gone.id, tables)

    # Recorded all the same, visibly in the log, on email in the library's language ...
    assert {(p.channel, p.language) for p in tables.planned} == {(Channel.EMAIL, "en")}
    mailer = Mailer()
    waiting = await dispatched(deps, tables, NOON_IN_SEATTLE + timedelta(seconds=1), mailer)
    assert waiting[("registration_confirmed", Channel.EMAIL)] == Status.SCHEDULED, "she may not be projected yet"
    # ... and once the wait for a late projection is over, suppressed: nobody to write to.
    settled = await dispatched(deps, tables, NOON_IN_SEATTLE + timedelta(minutes=5), mailer)
    assert settled[("registration_confirmed", Channel.EMAIL)] == Status.SUPPRESSED
    assert mailer.sent == []


async def test_a_session_short_of_devices_is_told_to_the_outreach_team_when_it_has_an_address(deps, work, tables):
    shortfall = SessionEquipmentChanged(session_id=uuid.uuid4(), title="Email basics", starts_at=STARTS_AT,
                                        equipment_status="shortfall", missing={"laptop": 3})
    cause = new_event(type="lantern.session.equipment_changed", source="/lantern/registration", data=shortfall,
                      key=str(shortfall.session_id))
    await registrations.equipment_changed(deps, work, shortfall, cause)
    assert tables.planned == [], "no staff address set: nobody to tell"

    deps.staff_email = "outreach@riverside.example"
    await registrations.equipment_changed(deps, work, shortfall, cause)

    [notice] = tables.planned
    team = tables.recipients[notice.recipient_id]
    assert (team.kind, team.email, notice.message) == ("staff", "outreach@riverside.example", "equipment_shortfall")
    assert notice.render_data["missing"] == {"laptop": 3} and notice.language == "en"


async def test_only_a_failed_delivery_can_be_sent_again(deps, monkeypatch):
    sent = Delivery(
        id=uuid.uuid4(), seq=1, cause_event_id="e", cause_type="lantern.loan.started", recipient_id=uuid.uuid4(),
        message="loan_started", category=Category.TRANSACTIONAL, channel=Channel.EMAIL, language="en",
        status=Status.SENT, reason=None, attempts=1, send_after=NOON_IN_SEATTLE, created_at=NOON_IN_SEATTLE,
        updated_at=NOON_IN_SEATTLE, sent_at=NOON_IN_SEATTLE,
    )

    async def retry_failed(conn, delivery_id, now):
        return None

    async def get_delivery(conn, delivery_id):
        return sent if delivery_id == sent.id else None

    monkeypatch.setattr(deliveries, "retry_failed", retry_failed)
    monkeypatch.setattr(deliveries, "get_delivery", get_delivery)

    with pytest.raises(Refusal) as refused:
        await delivery_log.retry(deps, sent.id)
    assert (refused.value.kind, refused.value.reason) == (Kind.CONFLICT, "not_retryable")
    assert refused.value.extra == {"status_now": Status.SENT}
    with pytest.raises(Refusal) as unknown:
        await delivery_log.retry(deps, uuid.uuid4())
    assert unknown.value.kind == Kind.NOT_FOUND


async def test_the_preferences_of_someone_unknown_are_not_found(deps, tables):
    with pytest.raises(Refusal) as refused:
        await preference_handlers.choose(deps, uuid.uuid4(), Preferences(quiet_hours_enabled=False))
    assert refused.value.kind == Kind.NOT_FOUND
