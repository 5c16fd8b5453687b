"""A guest's sign-in code is emailed at once, in the language asked for, whatever the hour; nothing is stored."""

from datetime import UTC, datetime

import pytest
from prometheus_client import CollectorRegistry

from lantern_notifications.delivery.outcomes import ACCEPTED, Outcome
from lantern_notifications.delivery.templates import Templates
from lantern_notifications.deps import Deps
from lantern_notifications.domain.sign_in_codes import SignInCode
from lantern_notifications.handlers import sign_in_codes
from lantern_notifications.metrics import NotificationMetrics
from lantern_notifications.settings import NotificationsSettings
from lantern_shared.clock import Clock
from tests.support import FakeUnitOfWork

MIDNIGHT_IN_SEATTLE = datetime(2026, 11, 12, 8, 0, tzinfo=UTC)  # deep inside the default quiet hours


class RecordingMailer:
    def __init__(self, outcome: Outcome = ACCEPTED) -> None:
        self.sent, self.outcome = [], outcome

    async def send(self, email):
        self.sent.append(email)
        return self.outcome


def deps_with(mailer: RecordingMailer, work: FakeUnitOfWork) -> Deps:
    clock = Clock()
    clock.set(MIDNIGHT_IN_SEATTLE)
    settings = NotificationsSettings(db_password="unused", internal_token="unused")
    deps = Deps.create(settings, None, metrics=NotificationMetrics(CollectorRegistry()), uow=work.factory(),
                       clock=clock)
    deps.templates = Templates(default_language="en", library_name="Riverside Public Library")
    deps.mailer = mailer  # type: ignore[assignment]  # a recording stand-in for the SMTP mailer
    return deps


@pytest.mark.parametrize("language,words", [("en", "10 minutes"), ("ru", "10 минут"), ("zh-Hans", "10 分钟")])
async def test_a_code_is_emailed_at_once_in_the_language_asked_for_even_in_quiet_hours(language, words):
    mailer, work = RecordingMailer(), FakeUnitOfWork()
    sent = await sign_in_codes.send(deps_with(mailer, work), SignInCode(email="rosa@example.org", language=language,
                                                                        code="042917", valid_minutes=10))
    assert sent is True
    [email] = mailer.sent
    assert email.to == "rosa@example.org" and "042917" in email.subject and "042917" in email.text
    assert words in email.text and email.language == language
    assert work.events == []  # nothing published, nothing written: the code is kept nowhere


async def test_a_code_the_mail_server_refuses_is_reported_not_sent():
    mailer = RecordingMailer(Outcome(False, "smtp_unavailable:OSError"))
    sent = await sign_in_codes.send(deps_with(mailer, FakeUnitOfWork()),
                                    SignInCode(email="rosa@example.org", code="042917"))
    assert sent is False and len(mailer.sent) == 1
