"""A subject arrives exactly as written, in every language and at every length: no reader may lose a space.

RFC 2047 §6.2 tells readers to drop whitespace between adjacent encoded words; a space the folder put between two
of them vanished ("Cơ bản" read as "Cơbản"). Each produced message is decoded three ways: by the standard
library's modern parser (policy.default), by its legacy API (`decode_header` + `make_header`), and by a small
decoder written here from RFC 2047 itself (§6.2 whitespace rule, "B" and "Q" encodings).
"""

import base64
import email
import quopri
import re
from email.header import decode_header, make_header
from email.policy import compat32
from email.policy import default as default_policy

from hypothesis import given, settings
from hypothesis import strategies as st

from lantern_notifications.delivery.mailer import Email, as_bytes
from lantern_notifications.delivery.templates import Templates

TEMPLATES = Templates(default_language="en", library_name="Riverside Public Library")
SESSION = {"starts_at": "2026-11-12T22:30:00+00:00", "ends_at": "2026-11-13T00:00:00+00:00", "place_name": "Central"}

# Letters of the five languages, with the spaces and punctuation titles carry.
SCRIPTS = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"  # English
    "áéíóúüñÁÉÍÓÚÑ¿¡"  # Spanish
    "ăâđêôơưĂÂĐÊÔƠƯàảãạằẳẵặầẩẫậèẻẽẹềểễệìỉĩịòỏõọồổỗộờởỡợùủũụừửữựỳỷỹỵ"  # Vietnamese
    "电子邮件基础入门求职简历面试图书馆课程电脑平板网络安全的和在"  # Chinese (Simplified)
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"  # Russian
    "     ,.:;!?-–—()«»“”\"'&/=?_"
)
titles = st.text(alphabet=SCRIPTS, min_size=1, max_size=160).filter(str.strip)
languages = st.sampled_from(["en", "es", "vi", "zh-Hans", "ru"])


def _sent(subject: str, to_name: str = "Nguyễn Thị Linh") -> bytes:
    return as_bytes("Riverside Public Library <notices@library.example>", Email(
        to="linh@example.org", to_name=to_name, subject=subject, text="Xin chào", html="<p>Xin chào</p>",
        language="vi", reference="7d0c9a52-6b5e-4e55-9a7e-0d0f5d2f1a11",
    ))


def _raw_header(message: bytes, name: str) -> str:
    return email.message_from_bytes(message, policy=compat32)[name]


def _raw_subject(message: bytes) -> str:
    return _raw_header(message, "Subject")


_ENCODED_WORD = re.compile(r"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")


def rfc2047_decode(value: str) -> str:
    """A header value as RFC 2047 says to read it: unfold, decode each encoded word, and drop the whitespace between
    two adjacent encoded words (§6.2) but keep any other whitespace as written."""
    value = re.sub(r"\r?\n(?=[ \t])", "", value).strip(" \t")
    out, position, previous_was_word = [], 0, False
    for match in _ENCODED_WORD.finditer(value):
        between = value[position:match.start()]
        if not (previous_was_word and between.strip(" \t") == ""):
            out.append(between)
        charset, encoding, text = match.groups()
        if encoding in "Bb":
            raw = base64.b64decode(text, validate=True)
        else:
            raw = quopri.decodestring(text.replace("_", " ").encode("ascii"), header=True)
        out.append(raw.decode(charset))
        position, previous_was_word = match.end(), True
    out.append(value[position:])
    return "".join(out)


def _assert_arrives_as(subject: str) -> None:
    message = _sent(subject)
    assert email.message_from_bytes(message, policy=default_policy)["Subject"] == subject
    raw = _raw_subject(message)
    assert str(make_header(decode_header(raw))) == subject
    assert rfc2047_decode(raw) == subject
    head = message.split(b"\r\n\r\n", 1)[0].decode("ascii")  # every header is 7-bit, lines within 78 (or 998)
    assert all(len(line) <= 78 or line.isascii() and "=?" not in line for line in head.split("\r\n"))
    assert all(len(word) <= 75 for word in _ENCODED_WORD.findall(raw) for word in ["=?%s?%s?%s?=" % word])


def test_the_vietnamese_subject_from_the_bug_report_keeps_its_space():
    subject = "Tin vui: quý vị đã có chỗ trong Cơ bản về thư điện tử"
    _assert_arrives_as(subject)
    rendered = TEMPLATES.render("registration_promoted", language="vi", timezone="America/Los_Angeles",
                                data=SESSION | {"session_title": "Cơ bản về thư điện tử"}, recipient_name="Linh")
    assert rendered.subject == subject


@settings(max_examples=300, deadline=None)
@given(title=titles, language=languages)
def test_any_title_in_any_language_arrives_exactly_as_the_template_wrote_it(title, language):
    subject = TEMPLATES.render("registration_promoted", language=language, timezone="America/Los_Angeles",
                               data=SESSION | {"session_title": title}, recipient_name="Linh").subject
    _assert_arrives_as(subject)


@settings(max_examples=300, deadline=None)
@given(subject=st.text(alphabet=SCRIPTS, min_size=1, max_size=400))
def test_any_subject_at_all_arrives_exactly_as_given(subject):
    _assert_arrives_as(subject)


@settings(max_examples=200, deadline=None)
@given(name=st.text(alphabet=SCRIPTS, min_size=1, max_size=15).map(lambda n: " ".join(n.split())).filter(bool))
def test_any_recipient_name_arrives_exactly_as_given(name):
    # Up to 15 characters of any script fit one encoded word, which even CPython's address parser reads right.
    message = _sent("Hello", to_name=name)
    [to] = email.message_from_bytes(message, policy=default_policy)["To"].addresses
    assert (to.display_name, to.addr_spec) == (name, "linh@example.org")
    phrase = _raw_header(message, "To").rsplit("<", 1)[0]
    assert rfc2047_decode(phrase).strip() == name or name.isascii()  # an ASCII name is a plain or quoted string


def test_a_long_vietnamese_name_keeps_its_letters_together_for_rfc_2047_readers():
    name = "Nguyễn Thị Linh Phương Thảo Trần Hoàng Bảo Ngọc Lê Văn Tuấn Anh Đặng"
    raw = _raw_header(_sent("Hello", to_name=name), "To")
    assert rfc2047_decode(raw.rsplit("<", 1)[0]) == name


def test_a_plain_english_subject_stays_readable_in_the_raw_message():
    assert "Subject: You're registered: Basic computer skills (Room 2)\r\n" in _sent(
        "You're registered: Basic computer skills (Room 2)").decode()


def test_an_ascii_subject_that_looks_like_an_encoded_word_is_not_decoded_by_readers():
    _assert_arrives_as("Spot the =?utf-8?b?SGk=?= trick")


def test_the_hand_written_decoder_follows_rfc_2047_section_6_2():
    # The RFC's own examples (§8): whitespace between encoded words goes, other whitespace stays.
    assert rfc2047_decode("(=?ISO-8859-1?Q?a?= b)") == "(a b)"
    assert rfc2047_decode("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)") == "(ab)"
    assert rfc2047_decode("(=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=)") == "(ab)"
    assert rfc2047_decode("(=?ISO-8859-1?Q?a_b?=)") == "(a b)"
    assert rfc2047_decode("=?utf-8?b?Q8ahIGLhuqNu?=") == "Cơ bản"
