"""SMS rules without I/O: segments as carriers count them, keyword replies, Twilio's signature, numbers."""

import pytest

from lantern_notifications.domain.sms import fit_sms, segment_budget, sms_segments, why_not_textable
from lantern_notifications.domain.sms_consent import Keyword, keyword
from lantern_notifications.domain.sms_replies import REPLIES, reply
from lantern_notifications.domain.sms_webhooks import signature, signed_by_twilio
from lantern_devstack.twilio_standin import twilio_signature
from lantern_shared.fields import e164, for_reader

LANGUAGES = ("en", "es", "vi", "zh-Hans", "ru")


def test_a_160_character_english_text_is_one_segment_and_one_more_character_makes_two():
    english = ("Riverside Library: your place in Basic computer skills is confirmed for Thu 4 Mar at 6:00 PM, "
               "Central Library, Room 2. Reply STOP to stop texts. See you!")
    english = english + "." * (160 - len(english))
    assert len(english) == 160 and sms_segments(english) == 1
    assert sms_segments(english + "!") == 2 and sms_segments("a" * 306) == 2 and sms_segments("a" * 307) == 3


def test_a_70_character_vietnamese_text_is_one_ucs2_segment_and_71_are_two():
    vietnamese = "Thư viện: quý vị đã có chỗ trong Cơ bản về thư điện tử, thứ Năm 4/3."
    vietnamese = vietnamese + "." * (70 - len(vietnamese))
    assert len(vietnamese) == 70 and sms_segments(vietnamese) == 1
    assert sms_segments(vietnamese + "!") == 2, "Vietnamese needs UCS-2: 70 in one, 67 a part when longer"
    assert sms_segments("ệ" * 134) == 2 and sms_segments("ệ" * 135) == 3


def test_chinese_and_russian_are_ucs2_and_spanish_fits_gsm():
    assert sms_segments("您" * 70) == 1 and sms_segments("您" * 71) == 2
    assert sms_segments("Ж" * 70) == 1 and sms_segments("Ж" * 71) == 2
    assert sms_segments("ñ" * 160) == 1, "ñ is in the GSM alphabet"
    assert sms_segments("á" * 71) == 2, "á is not: the whole text goes UCS-2"


def test_extension_characters_count_twice_and_are_never_split_across_segments():
    assert sms_segments("€" * 80) == 1 and sms_segments("€" * 81) == 2
    assert sms_segments("a" * 152 + "€" + "a" * 10) == 2  # the € moves to the second part whole
    assert sms_segments("a" * 305 + "€") == 3, "152 + € does not fit 153: the escape pair starts a third part"
    assert sms_segments("😀" * 35) == 1 and sms_segments("😀" * 36) == 2, "a surrogate pair is two UCS-2 units"
    assert sms_segments("a" * 66 + "😀" + "a" * 66) == 3, "134 units, but the pair cannot straddle parts 1 and 2"


def test_each_language_is_kept_within_its_segment_budget():
    budgets = {"en": 2, "es": 2, "vi": 3, "zh-Hans": 3, "ru": 3}
    assert segment_budget(budgets, "vi") == 3 and segment_budget(budgets, "zh-Hans-CN") == 3
    assert segment_budget(budgets, "so") == 2, "a language without a budget gets the default"
    for text, language in (("word " * 200, "en"), ("chữ " * 200, "vi"), ("短信" * 200, "zh-Hans")):
        fitted = fit_sms(text, segment_budget(budgets, language))
        assert sms_segments(fitted) == segment_budget(budgets, language)


@pytest.mark.parametrize("body, expected", [
    ("STOP", (Keyword.STOP, "en")), (" stop. ", (Keyword.STOP, "en")), ("Unsubscribe", (Keyword.STOP, "en")),
    ("ALTO", (Keyword.STOP, "es")), ("parar", (Keyword.STOP, "es")), ("DỪNG", (Keyword.STOP, "vi")),
    ("HỦY", (Keyword.STOP, "vi")), ("HUỶ", (Keyword.STOP, "vi")), ("退订", (Keyword.STOP, "zh-Hans")),
    ("停止", (Keyword.STOP, "zh-Hans")), ("СТОП", (Keyword.STOP, "ru")), ("отписаться", (Keyword.STOP, "ru")),
    ("START", (Keyword.START, "en")), ("Comenzar", (Keyword.START, "es")), ("bắt đầu", (Keyword.START, "vi")),
    ("订阅", (Keyword.START, "zh-Hans")), ("СТАРТ", (Keyword.START, "ru")),
    ("HELP", (Keyword.HELP, "en")), ("ayuda", (Keyword.HELP, "es")), ("Giúp", (Keyword.HELP, "vi")),
    ("帮助", (Keyword.HELP, "zh-Hans")), ("Помощь", (Keyword.HELP, "ru")),
])
def test_keywords_are_recognised_in_the_five_languages(body, expected):
    assert keyword(body) == expected


@pytest.mark.parametrize("body", ["Dung", "Huy", "HUY", "Si", "Please stop sending me the reminders", "stop it", ""])
def test_names_and_sentences_are_not_keywords(body):
    assert keyword(body) is None


def test_every_keyword_reply_exists_in_every_language_and_names_the_library():
    for language in LANGUAGES:
        assert set(REPLIES[language]) == set(Keyword)
        for kind in Keyword:
            text = reply(kind, language, "Riverside Library")
            assert text.startswith("Riverside Library") and sms_segments(text) <= 3
    assert reply(Keyword.STOP, "zh-Hans-CN", "L") == reply(Keyword.STOP, "zh-Hans", "L")
    assert reply(Keyword.HELP, "so", "L") == reply(Keyword.HELP, "en", "L")


def test_the_signature_matches_twilios_documented_example_and_the_stand_in():
    url = "https://mycompany.com/myapp.php?foo=1&bar=2"
    params = [("CallSid", "CA1234567890ABCDE"), ("Caller", "+12349013030"), ("Digits", "1234"),
              ("From", "+12349013030"), ("To", "+18005551212")]
    assert signature(url, params, "12345") == "0/KCTR6DLpKmkAf8muzZqo1nDgQ="  # Twilio's webhook security page
    assert twilio_signature(url, list(reversed(params)), "12345") == "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
    assert signed_by_twilio(url, params, "12345", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")
    assert not signed_by_twilio(url + "&x=1", params, "12345", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")
    assert not signed_by_twilio(url, params, "12345", None)


def test_numbers_are_stored_as_e164_and_shown_as_people_write_them():
    assert e164("(206) 555-0100") == "+12065550100" == e164("+1 206 555 0100") == e164("206.555.0100")
    assert e164("020 7946 0958", "GB") == "+442079460958"
    for nonsense in ("12345", "call me", "+1 206 555 01000000", "1234567890123456789"):
        with pytest.raises(ValueError):
            e164(nonsense)
    assert for_reader("+12065550100", "US") == "(206) 555-0100"
    assert for_reader("+442079460958", "US") == "+44 20 7946 0958"


def test_landlines_and_numbers_not_in_use_cannot_be_texted():
    assert why_not_textable("+12062345123", "US") is None, "North American numbers may be mobile"
    assert why_not_textable("+84912345678", "US") is None, "a Vietnamese mobile"
    assert "landline" in why_not_textable("+442079460958", "US")
    assert "landline" in why_not_textable("+18005550100", "US"), "toll-free"
    assert "not a number in use" in why_not_textable("+12060123123", "US")
