"""Every message renders in every shipped language, on every channel, with realistic data, within its limits."""

import email
from email.policy import default as default_policy

import jinja2
import pytest

from lantern_notifications.delivery.templates import Templates
from lantern_notifications.domain.digests import NOTICES as DIGEST_NOTICES
from lantern_notifications.domain.messages import MESSAGES
from lantern_notifications.domain.sms import MAX_SMS_SEGMENTS, sms_segments

TEMPLATES = Templates(default_language="en", library_name="Riverside Public Library")
LANGUAGES = ["en", "es", "vi", "zh-Hans", "ru"]

SESSION = {
    "session_title": "Getting started with email", "starts_at": "2026-11-12T22:30:00+00:00",
    "ends_at": "2026-11-13T00:00:00+00:00", "place_name": "Eastside Branch, Community Room",
}
LOAN = {"device_kind": "hotspot", "asset_tag": "HS-0042", "due_at": "2026-12-01T01:00:00+00:00"}
SAMPLES = {
    "registration_confirmed": SESSION,
    "registration_waitlisted": SESSION | {"position": 3},
    "registration_promoted": SESSION,
    "registration_cancelled": SESSION | {"reason": "session_cancelled"},
    "session_changed": SESSION | {"moved": True, "relocated": True, "waitlisted": False,
                                  "previous_starts_at": "2026-11-10T22:30:00+00:00",
                                  "previous_place_name": "Central Library, Room B"},
    "session_reminder": SESSION,
    "feedback_request": SESSION,
    "follow_up_survey": SESSION,
    "equipment_shortfall": {"session_title": "Job search online", "starts_at": "2026-11-12T17:00:00+00:00",
                            "missing": {"laptop": 4, "hotspot": 2}},
    "loan_started": LOAN,
    "loan_renewed": LOAN | {"renewals": 1},
    "loan_due_soon": LOAN,
    "device_deactivated": LOAN,
    "device_reactivated": LOAN,
    "loan_overdue": LOAN | {"days_overdue": 9},
    "loan_returned": LOAN | {"returned_at": "2026-11-28T19:05:00+00:00"},
    "loan_recall": LOAN | {"reason": "partner_lapsed"},
    "hold_ready": {"device_kind": "chromebook", "pickup_branch": "Central Library",
                   "ready_until": "2026-11-20T02:00:00+00:00"},
    "application_offered": {"device_kind": "chromebook", "pickup_branch": "Gresham Library",
                            "pickup_until": "2026-11-20T02:00:00+00:00"},
    "application_offer_lapsed": {"device_kind": "chromebook", "pickup_until": "2026-11-20T02:00:00+00:00"},
    "application_served": {"device_kind": "chromebook", "patron_name": "Linh Nguyen",
                           "partner_name": "Rockwood Family Center"},
    "referral_to_patron": {"service_name": "Free tax preparation", "need": "tax help", "partner_name": "Eastside Help Center",
                           "contact_name": "Maria Lopez", "contact_email": "maria@eastside.example",
                           "contact_phone": "+1 206 555 0100"},
    "referral_to_partner": {"service_name": "Free tax preparation", "need": "tax help", "partner_name": "Eastside Help Center",
                            "first_name": "Linh", "patron_email": "linh@example.org", "patron_phone": None},
    "incentive_earned": {"milestone": "5 workshops", "points_total": 50},
    "agreement_signed": {"partner_name": "Eastside Help Center", "kind": "device_loans", "starts_on": "2026-12-01",
                         "ends_on": "2027-11-30"},
    "agreement_ended": {"partner_name": "Eastside Help Center", "kind": "workspace", "ended_on": "2026-11-30"},
    "partner_lapsed": {"partner_name": "Eastside Help Center"},
    "space_booking_approved": {"partner_name": "Eastside Help Center", "title": "Resume basics", "space_name": "Room 2",
                               "branch_name": "Central Library", "starts_at": "2026-11-12T22:30:00+00:00",
                               "ends_at": "2026-11-13T00:00:00+00:00", "reason": None},
    "space_booking_declined": {"partner_name": "Eastside Help Center", "title": "Resume basics", "space_name": "Room 2",
                               "branch_name": "Central Library", "starts_at": "2026-11-12T22:30:00+00:00",
                               "ends_at": "2026-11-13T00:00:00+00:00", "reason": "The room is being repainted"},
    "sign_in_code": {"code": "042917", "valid_minutes": 10},
    "appointment_booked": {"kind": "job_application_help", "starts_at": "2026-11-12T22:30:00+00:00",
                           "ends_at": "2026-11-12T23:15:00+00:00", "place_name": "Eastside Branch, Community Room"},
    "appointment_reminder": {"kind": "resume_help", "starts_at": "2026-11-12T22:30:00+00:00",
                             "ends_at": "2026-11-12T23:15:00+00:00", "place_name": "Eastside Branch, Community Room"},
    "appointment_cancelled": {"kind": "tech_help", "starts_at": "2026-11-12T22:30:00+00:00",
                              "ends_at": "2026-11-12T23:15:00+00:00", "place_name": "Eastside Branch, Community Room"},
    "broadcast": {"subject": {"en": "Winter hours", "es": "Horario de invierno", "vi": "Giờ mở cửa mùa đông",
                              "zh-Hans": "冬季开放时间", "ru": "Зимний график"},
                  "body": {"en": "Branches close at 6 PM from December 1.",
                           "es": "Las sucursales cierran a las 6 p. m. desde el 1 de diciembre.",
                           "vi": "Từ ngày 1 tháng 12, các chi nhánh đóng cửa lúc 6 giờ chiều.",
                           "zh-Hans": "自12月1日起，各分馆下午6点闭馆。",
                           "ru": "С 1 декабря филиалы закрываются в 18:00."},
                  "fallback_language": "en"},
}


def test_every_message_has_sample_data_a_template_and_every_shipped_language_a_catalog():
    assert set(SAMPLES) == set(MESSAGES)
    assert set(TEMPLATES.messages()) == set(MESSAGES) | DIGEST_NOTICES  # a digest's notice is no planned message
    assert TEMPLATES.languages() == sorted(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("message", sorted(MESSAGES))
def test_each_message_renders_subject_text_html_and_sms(message, language):
    rendered = TEMPLATES.render(message, language=language, timezone="America/Los_Angeles", data=SAMPLES[message],
                                recipient_name="Linh Nguyen")
    assert rendered.language == language and not rendered.fell_back
    assert rendered.subject and "\n" not in rendered.subject and "{" not in rendered.subject
    assert "{{" not in rendered.text and "{%" not in rendered.text
    assert f'<html lang="{language}">' in rendered.html
    assert "Riverside Public Library" in rendered.text  # the footer says who wrote
    assert sms_segments(rendered.sms) <= MAX_SMS_SEGMENTS
    assert not rendered.sms.endswith(("…", "...")), f"sample SMS had to be cut: {rendered.sms!r}"


def test_dates_are_written_for_the_reader_in_the_session_timezone():
    # 22:30 UTC on 12 November is 2:30 PM in Seattle.
    en = TEMPLATES.render("session_reminder", language="en", timezone="America/Los_Angeles", data=SESSION,
                          recipient_name="Ana")
    es = TEMPLATES.render("session_reminder", language="es", timezone="America/Los_Angeles", data=SESSION,
                          recipient_name="Ana")
    vi, zh, ru = (TEMPLATES.render("session_reminder", language=language, timezone="America/Los_Angeles", data=SESSION,
                                   recipient_name="Ana") for language in ("vi", "zh-Hans", "ru"))
    assert "Thursday, November 12, 2026, 2:30 PM" in en.text
    assert "jueves, 12 de noviembre de 2026, 14:30" in es.text
    assert "14:30 Thứ Năm, 12 tháng 11, 2026" in vi.text  # CLDR: Vietnamese writes the time first
    assert "2026年11月12日星期四 14:30" in zh.text
    assert "четверг, 12 ноября 2026 г., 14:30" in ru.text
    assert "Nov 12, 2:30 PM" in en.sms and "11月12日 14:30" in zh.sms and "12 нояб., 14:30" in ru.sms


def test_counts_are_written_in_the_readers_plural_form_and_number_format():
    def overdue(language: str, days: int) -> str:
        return TEMPLATES.render("loan_overdue", language=language, timezone="America/Los_Angeles",
                                data=LOAN | {"days_overdue": days}, recipient_name="Ana").text

    assert "is now 1 day overdue" in overdue("en", 1) and "is now 21 days overdue" in overdue("en", 21)
    assert "1 día de retraso" in overdue("es", 1) and "2 días de retraso" in overdue("es", 2)
    assert "просрочка — 21 день" in overdue("ru", 21)
    assert "просрочка — 3 дня" in overdue("ru", 3)
    assert "просрочка — 11 дней" in overdue("ru", 11)
    points = TEMPLATES.render("incentive_earned", language="en", timezone="America/Los_Angeles",
                              data={"milestone": "10 workshops", "points_total": 1250}, recipient_name="Ana")
    assert "now have 1,250 points" in points.text


def test_a_language_without_translations_falls_back_to_the_default_and_says_so():
    rendered = TEMPLATES.render("registration_confirmed", language="so", timezone="America/Los_Angeles",
                                data=SESSION, recipient_name="Hodan")
    assert rendered.language == "en" and rendered.fell_back
    assert rendered.subject == "You're registered: Getting started with email"


def test_a_regional_tag_uses_its_language_templates():
    rendered = TEMPLATES.render("registration_confirmed", language="es-MX", timezone="America/Los_Angeles",
                                data=SESSION, recipient_name="Ana")
    assert rendered.language == "es" and not rendered.fell_back


@pytest.mark.parametrize("tag", ["zh", "zh-Hans", "zh-CN", "zh-Hans-SG", "zh_Hans"])
def test_simplified_chinese_readers_get_the_simplified_catalog(tag):
    rendered = TEMPLATES.render("registration_confirmed", language=tag, timezone="America/Los_Angeles",
                                data=SESSION, recipient_name="Li")
    assert rendered.language == "zh-Hans" and not rendered.fell_back
    assert rendered.subject == "报名成功：Getting started with email"
    assert '<html lang="zh-Hans">' in rendered.html


@pytest.mark.parametrize("tag", ["zh-Hant", "zh-TW", "zh-HK"])
def test_traditional_chinese_readers_are_not_sent_simplified_characters_and_the_fallback_is_counted(tag):
    rendered = TEMPLATES.render("registration_confirmed", language=tag, timezone="America/Los_Angeles",
                                data=SESSION, recipient_name="Li")
    assert rendered.language == "en" and rendered.fell_back


def test_a_broadcast_without_the_readers_language_uses_its_fallback_language_and_says_so():
    data = SAMPLES["broadcast"] | {"subject": {"en": "Winter hours"}, "body": {"en": "Branches close at 6 PM."}}
    rendered = TEMPLATES.render("broadcast", language="vi", timezone="America/Los_Angeles", data=data,
                                recipient_name="Linh")
    assert rendered.fell_back and rendered.language == "en"
    assert rendered.subject == "Winter hours" and "Branches close at 6 PM." in rendered.text


def test_html_escapes_what_came_from_outside_but_the_plain_text_keeps_it_as_written():
    data = SESSION | {"session_title": "Résumés & <cover> letters"}
    rendered = TEMPLATES.render("registration_confirmed", language="en", timezone="America/Los_Angeles", data=data,
                                recipient_name="<script>alert(1)</script>")
    assert "Résumés &amp; &lt;cover&gt; letters" in rendered.html
    assert "<script>" not in rendered.html
    assert "Résumés & <cover> letters" in rendered.text


def test_a_moved_session_says_what_changed_and_what_it_was():
    data = SAMPLES["session_changed"] | {"relocated": False, "place_name": "Central Library, Room B"}
    rendered = TEMPLATES.render("session_changed", language="en", timezone="America/Los_Angeles", data=data,
                                recipient_name="Ana")
    assert rendered.subject == "New time: Getting started with email"
    assert "New time: Thursday, November 12, 2026, 2:30 PM to 4:00 PM" in rendered.text
    assert "(It was Tuesday, November 10, 2026, 2:30 PM.)" in rendered.text
    assert "Where: Central Library, Room B" in rendered.text and "New place" not in rendered.text


def test_a_long_title_is_cut_to_fit_two_text_messages():
    data = SESSION | {"session_title": "Tìm việc làm trực tuyến: viết sơ yếu lý lịch, thư xin việc và chuẩn bị phỏng vấn " * 2}
    rendered = TEMPLATES.render("registration_confirmed", language="vi", timezone="America/Los_Angeles", data=data,
                                recipient_name="Linh")
    assert sms_segments(rendered.sms) == 2 and rendered.sms.endswith("…")


def test_the_email_text_is_valid_mime_when_it_carries_vietnamese():
    rendered = TEMPLATES.render("registration_confirmed", language="vi", timezone="Asia/Ho_Chi_Minh", data=SESSION,
                                recipient_name="Nguyễn Thị Linh")
    message = email.message.EmailMessage(policy=default_policy)
    message["Subject"] = rendered.subject
    message.set_content(rendered.text)
    parsed = email.message_from_bytes(message.as_bytes(), policy=default_policy)
    assert parsed["Subject"] == "Đã xác nhận đăng ký: Getting started with email"
    assert "Kính chào Nguyễn Thị Linh" in parsed.get_content()


def test_data_missing_a_field_the_template_needs_is_an_error_not_a_blank():
    with pytest.raises(jinja2.UndefinedError):
        TEMPLATES.render("registration_waitlisted", language="en", timezone="America/Los_Angeles", data=SESSION,
                         recipient_name="Ana")
