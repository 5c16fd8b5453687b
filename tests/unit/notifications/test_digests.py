"""Digests and quiet hours, specified through the handlers and the sender with fakes: several messages of one kind
become one, what quiet hours held goes out as one "while you were away", and critical messages are never held."""

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from prometheus_client import CollectorRegistry

from lantern_notifications.delivery.outcomes import ACCEPTED, Outcome
from lantern_notifications.delivery.sender import Sender
from lantern_notifications.delivery.templates import Templates
from lantern_notifications.deps import Deps
from lantern_notifications.domain import digests
from lantern_notifications.domain.deliveries import ClaimedDelivery, PlannedDelivery, Status
from lantern_notifications.domain.messages import Channel
from lantern_notifications.domain.preferences import Preferences, QuietHours
from lantern_notifications.events import Borrower, LoanDueSoon, LoanRecallRequested
from lantern_notifications.handlers import loans as loan_handlers
from lantern_notifications.metrics import NotificationMetrics
from lantern_notifications.settings import NotificationsSettings
from lantern_notifications.store import loans as loan_store
from lantern_shared.clock import Clock
from lantern_shared.envelope import new_event
from tests.support import FakeUnitOfWork
from tests.unit.notifications.test_handlers import Tables, patron

NOON_IN_SEATTLE = datetime(2026, 11, 12, 20, 0, tzinfo=UTC)
ELEVEN_PM_IN_SEATTLE = datetime(2026, 11, 13, 7, 0, tzinfo=UTC)
EIGHT_AM_IN_SEATTLE = datetime(2026, 11, 13, 16, 0, tzinfo=UTC)
LANGUAGES = ["en", "es", "vi", "zh-Hans", "ru"]
TEMPLATES = Templates(default_language="en", library_name="Riverside Public Library")


class Mailer:
    """Takes every email (or answers `answer`), keeping what it took."""

    def __init__(self) -> None:
        self.sent = []
        self.answer = ACCEPTED

    async def send(self, email):
        if self.answer.accepted:
            self.sent.append(email)
        return self.answer


@pytest.fixture
def tables(monkeypatch) -> Tables:
    found = Tables(monkeypatch)

    async def record_loan(conn, loan_id, **held):
        pass

    monkeypatch.setattr(loan_store, "record_loan", record_loan)
    return found


@pytest.fixture
def work() -> FakeUnitOfWork:
    return FakeUnitOfWork()


@pytest.fixture
def deps(work) -> Deps:
    clock = Clock()
    clock.set(NOON_IN_SEATTLE)
    settings = NotificationsSettings(db_password="unused", internal_token="unused", digest_gather_s=30)
    return Deps.create(settings, None, metrics=NotificationMetrics(CollectorRegistry()), uow=work.factory(),
                       clock=clock)


def sender(deps: Deps, mailer: Mailer) -> Sender:
    return Sender(deps, mailer=mailer, sms=None, templates=TEMPLATES)


def claimed(p: PlannedDelivery, tables: Tables, *, reason: str | None = None) -> ClaimedDelivery:
    return ClaimedDelivery(
        **p.model_dump(exclude={"render_data", "about_patron_id", "group_key", "reason"}), reason=reason, seq=1,
        attempts=0, created_at=p.send_after, updated_at=p.send_after, sent_at=None,
        render_data=json.loads(json.dumps(p.render_data, default=str)),
        recipient=tables.recipients.get(p.recipient_id),
        preferences=tables.preferences.get(p.recipient_id, Preferences()),
    )


async def due_soon(deps: Deps, work: FakeUnitOfWork, patron_id: uuid.UUID, asset_tag: str, kind: str = "hotspot"):
    event = LoanDueSoon(loan_id=uuid.uuid4(), device_kind=kind, asset_tag=asset_tag,
                        borrower=Borrower(kind="patron", id=patron_id), due_at=NOON_IN_SEATTLE + timedelta(days=2))
    cause = new_event(type="lantern.loan.due_soon", source="/lantern/devices", data=event, key=str(event.loan_id))
    await loan_handlers.due_soon(deps, work, event, cause)


async def recall(deps: Deps, work: FakeUnitOfWork, patron_id: uuid.UUID, asset_tag: str):
    event = LoanRecallRequested(loan_id=uuid.uuid4(), device_kind="laptop", asset_tag=asset_tag,
                                borrower=Borrower(kind="patron", id=patron_id),
                                due_at=NOON_IN_SEATTLE + timedelta(days=3), reason="maintenance")
    cause = new_event(type="lantern.loan.recall_requested", source="/lantern/devices", data=event,
                      key=str(event.loan_id))
    await loan_handlers.recall_requested(deps, work, event, cause)


async def test_three_devices_due_soon_for_one_patron_go_out_as_one_email_and_one_inbox_message(deps, work, tables):
    lan = patron(language="en", name="Lan Nguyen")
    tables.recipients[lan.id] = lan
    for tag, kind in [("HS-0001", "hotspot"), ("LT-0002", "laptop"), ("CB-0003", "chromebook")]:
        await due_soon(deps, work, lan.id, tag, kind)

    gathered = NOON_IN_SEATTLE + timedelta(seconds=30)
    assert all(gathered <= p.send_after < gathered + timedelta(seconds=1) for p in tables.planned), (
        "each waits a moment for the rest of the sweep's burst")
    mailer = Mailer()
    attempts = []
    for group in digests.groups([claimed(p, tables) for p in tables.planned]):
        attempts += await sender(deps, mailer).attempt_together(group, NOON_IN_SEATTLE + timedelta(seconds=31))

    [mail] = mailer.sent
    assert mail.subject == "3 devices you borrowed are due soon"
    assert all(tag in mail.text for tag in ("HS-0001", "LT-0002", "CB-0003"))
    assert mail.text.count("Lan Nguyen") == 1, "greeted once, not once per device"
    assert {a.settlement.status for a in attempts} == {Status.SENT} and len(attempts) == 6
    by_channel = {}
    for a in attempts:
        by_channel.setdefault(a.delivery.channel, []).append(a)
    for channel, members in by_channel.items():
        assert len({a.settlement.digest_id for a in members}) == 1, f"one {channel} message carried all three"
        assert [a.event[1].notification_id for a in members] == [a.delivery.id for a in members], (
            "each delivery is reported delivered: still exactly once per cause event")
    [in_app] = [a for a in by_channel[Channel.IN_APP] if a.inbox is not None]
    assert in_app.notice == "digest_loan_due_soon" and in_app.inbox.subject == mail.subject


async def test_a_single_due_soon_notice_goes_out_as_itself(deps, work, tables):
    lan = patron(language="en")
    tables.recipients[lan.id] = lan
    await due_soon(deps, work, lan.id, "HS-0001")
    mailer = Mailer()
    [email] = [p for p in tables.planned if p.channel == Channel.EMAIL]
    [attempt] = await sender(deps, mailer).attempt_together([claimed(email, tables)], NOON_IN_SEATTLE + timedelta(1))
    assert [m.subject for m in mailer.sent] == ["Your Wi-Fi hotspot is due soon"]
    assert attempt.settlement.digest_id is None


async def test_a_recall_goes_out_in_quiet_hours_while_a_due_soon_notice_waits_for_them_to_end(deps, work, tables):
    lan = patron(language="en")
    tables.recipients[lan.id] = lan
    deps.clock.set(ELEVEN_PM_IN_SEATTLE)
    await due_soon(deps, work, lan.id, "HS-0001")
    await recall(deps, work, lan.id, "LT-0009")
    mailer = Mailer()
    outcome = {}
    for p in tables.planned:
        if p.channel == Channel.EMAIL:
            [attempt] = await sender(deps, mailer).attempt_together([claimed(p, tables)], p.send_after)
            outcome[p.message] = attempt.settlement

    assert outcome["loan_recall"].status == Status.SENT, "critical: sent at any hour"
    held = outcome["loan_due_soon"]
    assert (held.status, held.reason, held.send_after) == (Status.SCHEDULED, "quiet_hours", EIGHT_AM_IN_SEATTLE)
    assert [m.subject for m in mailer.sent] == ["Please return the laptop, asset tag LT-0009"]


async def test_what_quiet_hours_held_is_released_as_one_while_you_were_away_message(deps, work, tables):
    lan = patron(language="vi", name="Nguyễn Thị Lan")
    tables.recipients[lan.id] = lan
    tables.preferences[lan.id] = Preferences(channels=[Channel.EMAIL],
                                             quiet_hours=QuietHours(start="22:00", end="08:00"))
    await due_soon(deps, work, lan.id, "HS-0001")
    await recall(deps, work, lan.id, "LT-0009")
    # A library that lets recalls wait for the morning too (by default they are critical).
    deps.digests = digests.DigestPolicy(gather=deps.digests.gather, window=deps.digests.window,
                                        critical=frozenset())
    held = [claimed(p, tables, reason="quiet_hours") for p in tables.planned]
    [group] = digests.groups(held)
    mailer = Mailer()
    attempts = await sender(deps, mailer).attempt_together(group, EIGHT_AM_IN_SEATTLE)

    [mail] = mailer.sent
    assert mail.subject == "Trong lúc quý vị vắng mặt: 2 tin nhắn từ thư viện"
    assert "HS-0001" in mail.text and "LT-0009" in mail.text
    assert [a.settlement.status for a in attempts] == [Status.SENT, Status.SENT]


async def test_a_digest_whose_send_failed_is_retried_together_as_one_message(deps, work, tables):
    lan = patron(language="en")
    tables.recipients[lan.id] = lan
    tables.preferences[lan.id] = Preferences(channels=[Channel.EMAIL])
    for tag in ("HS-0001", "LT-0002"):
        await due_soon(deps, work, lan.id, tag)
    busy = Mailer()
    busy.answer = Outcome(False, "smtp_unavailable")
    at = NOON_IN_SEATTLE + timedelta(minutes=1)
    [group] = digests.groups([claimed(p, tables) for p in tables.planned])
    retried = await sender(deps, busy).attempt_together(group, at)

    assert {a.settlement.status for a in retried} == {Status.SCHEDULED}
    assert len({(a.settlement.send_after, a.settlement.digest_id) for a in retried}) == 1, "together, later"
    again = [claimed(p, tables).model_copy(update={"digest_id": retried[0].settlement.digest_id, "attempts": 1,
                                                   "reason": "smtp_unavailable"}) for p in tables.planned]
    [group] = digests.groups(again)
    mailer = Mailer()
    sent = await sender(deps, mailer).attempt_together(group, retried[0].settlement.send_after)
    assert [m.subject for m in mailer.sent] == ["2 devices you borrowed are due soon"]
    assert {a.settlement.status for a in sent} == {Status.SENT}


def test_only_messages_to_the_same_person_on_the_same_channel_of_one_kind_are_grouped(tables):
    lan, minh = patron(), patron()
    base = dict(cause_type="t", cause_time=NOON_IN_SEATTLE, category="reminders", language="en",
                timezone="UTC", send_after=NOON_IN_SEATTLE, render_data={})

    def planned(recipient, message, channel=Channel.EMAIL):
        return claimed(PlannedDelivery(id=uuid.uuid4(), cause_event_id=str(uuid.uuid4()), recipient_id=recipient.id,
                                       message=message, channel=channel, **base), tables)

    rows = [planned(lan, "loan_due_soon"), planned(lan, "loan_due_soon"), planned(lan, "loan_due_soon", Channel.SMS),
            planned(minh, "loan_due_soon"), planned(lan, "session_reminder"), planned(lan, "loan_overdue"),
            planned(lan, "loan_overdue")]
    assert [len(g) for g in digests.groups(rows)] == [2, 1, 1, 1, 1, 1]
    assert digests.notice_for(["session_reminder", "session_reminder"]) == "digest_session_reminder"
    assert digests.notice_for(["loan_due_soon", "loan_overdue"]) == "digest_away"


def test_a_reminder_planned_for_later_is_not_delayed_but_one_due_now_waits_for_its_burst():
    policy = digests.DigestPolicy(gather=timedelta(seconds=20), window=timedelta(hours=6), critical=frozenset())
    later = NOON_IN_SEATTLE + timedelta(hours=20)
    assert digests.planned_send_after("session_reminder", later, NOON_IN_SEATTLE, policy) == later
    assert digests.planned_send_after("session_reminder", None, NOON_IN_SEATTLE, policy) == (
        NOON_IN_SEATTLE + timedelta(seconds=20))
    assert digests.planned_send_after("registration_confirmed", None, NOON_IN_SEATTLE, policy) == NOON_IN_SEATTLE


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("notice", sorted(digests.NOTICES))
def test_every_digest_notice_is_written_in_every_shipped_language(notice, language):
    member = "session_reminder" if notice == "digest_session_reminder" else "loan_due_soon"
    data = ({"session_title": "Email basics", "starts_at": "2026-11-12T22:30:00+00:00",
             "ends_at": "2026-11-13T00:00:00+00:00", "place_name": "Eastside Branch"}
            if member == "session_reminder" else
            {"device_kind": "hotspot", "asset_tag": "HS-0042", "due_at": "2026-12-01T01:00:00+00:00"})
    one = TEMPLATES.render(member, language=language, timezone="America/Los_Angeles", data=data,
                           recipient_name="Linh")
    item = {"subject": one.subject, "paragraphs": digests.paragraphs(one.body, "Linh"),
            "sms": digests.sms_line(one.sms, "Riverside Public Library")}
    rendered = TEMPLATES.render(notice, language=language, timezone="America/Los_Angeles",
                                data={"count": 2, "items": [item, item]}, recipient_name="Linh")
    assert rendered.language == language and not rendered.fell_back
    assert "2" in rendered.subject and "{" not in rendered.subject
    assert rendered.body.count("Linh") == 1 and rendered.body.count("HS-0042" if "HS" in one.body else "Email") == 2
    assert "{{" not in rendered.text and "Riverside Public Library" in rendered.text
