"""Who hears what, on which channel and when: the notification rules, without I/O."""

import uuid
from datetime import UTC, datetime, time, timedelta

import pytest
from pydantic import ValidationError

from lantern_notifications.domain.messages import Category, Channel, language_label, reminder_time, title_in
from lantern_notifications.domain.preferences import Policy, Preferences, QuietHours
from lantern_notifications.domain.recipients import Recipient, choose_channels
from lantern_notifications.domain.sending import Defer, Send, Suppress, Suppression, decide, retry_delay
from lantern_notifications.domain.sms import fit_sms, sms_segments

POLICY = Policy(timezone="America/Los_Angeles", quiet_hours=QuietHours(start=time(21), end=time(8)))
NOON_IN_SEATTLE = datetime(2026, 11, 12, 20, 0, tzinfo=UTC)
ELEVEN_PM_IN_SEATTLE = datetime(2026, 11, 13, 7, 0, tzinfo=UTC)


def patron(**changes) -> Recipient:
    values = dict(id=uuid.uuid4(), kind="patron", name="Linh", email="linh@example.org", phone="+12065550100",
                  language="vi", consent_to_contact=True)
    return Recipient(**(values | changes))


MESSAGE_OF = {Category.TRANSACTIONAL: "loan_recall", Category.REMINDERS: "session_reminder",
              Category.PROGRAMME_NEWS: "incentive_earned", Category.BROADCASTS: "broadcast"}


def decision(category: Category, *, now=NOON_IN_SEATTLE, channel=Channel.EMAIL, recipient=None, message=None,
             **preferences):
    return decide(now=now, message=message or MESSAGE_OF[category], category=category, channel=channel,
                  recipient=recipient or patron(), preferences=Preferences(**preferences), policy=POLICY)


def test_by_default_a_patron_hears_by_email_and_in_the_app():
    assert choose_channels(patron(), Preferences()) == [Channel.EMAIL, Channel.IN_APP]


def test_a_patron_without_email_hears_by_sms():
    assert choose_channels(patron(email=None), Preferences()) == [Channel.SMS, Channel.IN_APP]


def test_a_bounced_address_is_not_used_again():
    assert choose_channels(patron(email_invalid=True), Preferences()) == [Channel.SMS, Channel.IN_APP]


def test_chosen_channels_are_used_where_a_contact_point_exists():
    assert choose_channels(patron(email=None), Preferences(channels=["sms", "email"])) == [Channel.SMS]


def test_a_partner_contact_has_no_in_app_inbox():
    contact = patron(kind="partner_contact", phone=None)
    assert choose_channels(contact, Preferences()) == [Channel.EMAIL]


def test_an_opted_out_category_is_suppressed_by_preference():
    assert decision(Category.REMINDERS, opted_out=["reminders"]) == Suppress(Suppression.PREFERENCE)


def test_transactional_messages_go_out_even_with_every_other_category_muted():
    muted = ["reminders", "programme_news", "broadcasts"]
    assert decision(Category.TRANSACTIONAL, opted_out=muted) == Send()


def test_transactional_messages_cannot_be_muted():
    with pytest.raises(ValidationError, match="cannot be muted"):
        Preferences(opted_out=["transactional"])


def test_without_consent_to_contact_only_transactional_messages_are_sent():
    withheld = patron(consent_to_contact=False)
    assert decision(Category.PROGRAMME_NEWS, recipient=withheld) == Suppress(Suppression.PREFERENCE)
    assert decision(Category.TRANSACTIONAL, recipient=withheld) == Send()


def test_a_reminder_during_quiet_hours_waits_until_they_end():
    assert decision(Category.REMINDERS, now=ELEVEN_PM_IN_SEATTLE) == Defer(datetime(2026, 11, 13, 16, 0, tzinfo=UTC))


def test_quiet_hours_do_not_hold_the_answer_to_something_just_done_nor_the_in_app_inbox():
    assert decision(Category.TRANSACTIONAL, now=ELEVEN_PM_IN_SEATTLE, message="registration_confirmed") == Send()
    assert decision(Category.TRANSACTIONAL, now=ELEVEN_PM_IN_SEATTLE, message="session_changed") == Send()
    assert decision(Category.REMINDERS, now=ELEVEN_PM_IN_SEATTLE, channel=Channel.IN_APP) == Send()


def test_an_overdue_notice_cannot_be_muted_but_waits_for_the_morning():
    overdue = {"message": "loan_overdue", "opted_out": ["reminders", "programme_news", "broadcasts"]}
    assert decision(Category.TRANSACTIONAL, now=ELEVEN_PM_IN_SEATTLE, channel=Channel.SMS, **overdue) == Defer(
        datetime(2026, 11, 13, 16, 0, tzinfo=UTC))
    assert decision(Category.TRANSACTIONAL, **overdue) == Send()


def test_quiet_hours_follow_the_recipients_own_hours_and_timezone():
    own = {"quiet_hours": {"start": "22:00", "end": "07:00"}, "timezone": "Asia/Ho_Chi_Minh"}
    # 16:00 UTC is 23:00 in Ho Chi Minh City: quiet until 07:00 local, 00:00 UTC.
    assert decision(Category.REMINDERS, now=datetime(2026, 11, 12, 16, tzinfo=UTC), **own) == Defer(
        datetime(2026, 11, 13, 0, tzinfo=UTC))
    assert decision(Category.REMINDERS, now=ELEVEN_PM_IN_SEATTLE, quiet_hours_enabled=False) == Send()


def test_quiet_hours_end_in_wall_clock_time_across_a_daylight_saving_change():
    # The night clocks fall back in Seattle (1 November 2026): 08:00 PST is 16:00 UTC.
    night = datetime(2026, 11, 1, 6, 30, tzinfo=UTC)  # 23:30 PDT on 31 October
    assert decision(Category.REMINDERS, now=night) == Defer(datetime(2026, 11, 1, 16, 0, tzinfo=UTC))


def test_nobody_to_write_to_is_no_contact():
    assert decide(now=NOON_IN_SEATTLE, message="loan_overdue", category=Category.TRANSACTIONAL, channel=Channel.EMAIL,
                  recipient=None, preferences=Preferences(), policy=POLICY) == Suppress(Suppression.NO_CONTACT)
    assert decision(Category.TRANSACTIONAL, recipient=patron(phone=None), channel=Channel.SMS) == Suppress(
        Suppression.NO_CONTACT)


def test_the_reminder_goes_the_day_before_or_at_once_for_late_registrations_and_never_in_the_last_hour():
    starts = datetime(2026, 11, 20, 18, tzinfo=UTC)
    day = timedelta(hours=24)
    assert reminder_time(now=starts - timedelta(days=5), starts_at=starts, lead=day) == starts - day
    assert reminder_time(now=starts - timedelta(hours=5), starts_at=starts, lead=day) == starts - timedelta(hours=5)
    assert reminder_time(now=starts - timedelta(minutes=30), starts_at=starts, lead=day) is None


def test_retries_back_off_exponentially_up_to_a_ceiling():
    delays = [retry_delay(n, initial_s=60, maximum_s=600).total_seconds() for n in range(1, 6)]
    assert delays == [60, 120, 240, 480, 600]


def test_sms_length_counts_gsm_and_unicode_segments():
    assert sms_segments("a" * 160) == 1 and sms_segments("a" * 161) == 2
    assert sms_segments("ệ" * 70) == 1 and sms_segments("ệ" * 71) == 2 and sms_segments("ệ" * 135) == 3
    assert sms_segments("€" * 80) == 1 and sms_segments("€" * 81) == 2  # two septets each


def test_a_long_message_is_cut_to_two_segments_without_changing_its_alphabet():
    assert fit_sms("word " * 100).endswith("...") and sms_segments(fit_sms("word " * 100)) == 2
    assert fit_sms("chữ " * 100).endswith("…") and sms_segments(fit_sms("chữ " * 100)) == 2


def test_metrics_name_common_languages_and_group_the_rest():
    assert [language_label(t) for t in ("vi", "es-MX", "zh-Hant", "tlh", None)] == ["vi", "es", "zh", "other", "other"]


def test_a_message_planned_for_a_channel_the_recipient_has_since_dropped_is_not_sent_there():
    assert decision(Category.TRANSACTIONAL, channel=Channel.EMAIL, channels=["sms"]) == Suppress(Suppression.PREFERENCE)


def test_choosing_no_channel_at_all_is_refused():
    with pytest.raises(ValidationError):
        Preferences(channels=[])


def test_a_session_title_is_read_in_the_readers_language_when_it_was_given_in_it():
    titles = {"en": "Basic computer skills", "es-MX": "Computación básica", "vi": "Kỹ năng máy tính cơ bản"}
    assert title_in(titles, "vi", "Basic computer skills") == "Kỹ năng máy tính cơ bản"
    assert title_in(titles, "es", "Basic computer skills") == "Computación básica"
    assert title_in(titles, "so", "Basic computer skills") == "Basic computer skills"
