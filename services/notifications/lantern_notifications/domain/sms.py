"""SMS as carriers count it: GSM 03.38 or UCS-2 segments, shortening a message to a budget of them, and which
numbers can receive a text at all."""

import phonenumbers
from phonenumbers import PhoneNumberType

# GSM 03.38 basic alphabet (and its extension table, two septets each); anything else means UCS-2.
_GSM_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM_EXTENDED = set("^{}\\[~]|€\f")
MAX_SMS_SEGMENTS = 2
# One message is 140 octets: 160 septets or 70 UTF-16 units; a concatenated one loses 6 octets a segment to its
# header (153 septets, 67 units). An escape pair or a surrogate pair is never split across two segments.
_GSM_SINGLE, _GSM_PART = 160, 153
_UCS2_SINGLE, _UCS2_PART = 70, 67


def is_gsm(text: str) -> bool:
    return all(c in _GSM_BASIC or c in _GSM_EXTENDED for c in text)


def sms_segments(text: str) -> int:
    """How many SMS a carrier sends `text` as (what the provider bills)."""
    if is_gsm(text):
        units, single, part = [2 if c in _GSM_EXTENDED else 1 for c in text], _GSM_SINGLE, _GSM_PART
    else:
        units, single, part = [2 if ord(c) > 0xFFFF else 1 for c in text], _UCS2_SINGLE, _UCS2_PART
    if sum(units) <= single:
        return 1
    segments, used = 1, 0
    for size in units:  # fill each part; a two-unit character that does not fit starts the next one
        if used + size > part:
            segments, used = segments + 1, 0
        used += size
    return segments


def fit_sms(text: str, max_segments: int = MAX_SMS_SEGMENTS) -> str:
    """Shorten a message that would take more than `max_segments` SMS, ending it with an ellipsis."""
    text = " ".join(text.split())
    if sms_segments(text) <= max_segments:
        return text
    ellipsis = "..." if is_gsm(text) else "…"  # an ellipsis character alone would force UCS-2
    while text and sms_segments(text + ellipsis) > max_segments:
        text = text[:-1]
    return text.rstrip() + ellipsis


def segment_budget(budgets: dict[str, int], language: str) -> int:
    """The library's budget for a language ("zh-Hans-CN" falls back to "zh-Hans", then "zh"), else the default."""
    tag = language
    while tag:
        if tag in budgets:
            return budgets[tag]
        tag = tag.rpartition("-")[0]
    return MAX_SMS_SEGMENTS


# What libphonenumber knows cannot take a text. Numbers it cannot tell apart (most of North America is
# FIXED_LINE_OR_MOBILE) are given the benefit of the doubt; the provider refuses a landline it knows of.
_NO_SMS = {PhoneNumberType.FIXED_LINE, PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE,
           PhoneNumberType.SHARED_COST, PhoneNumberType.PAGER, PhoneNumberType.UAN, PhoneNumberType.VOICEMAIL}


def why_not_textable(number: str, region: str) -> str | None:
    """None when `number` can receive SMS as far as is known; otherwise a short reason for the person."""
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return "is not a phone number"
    if not phonenumbers.is_valid_number(parsed):
        return "is not a number in use in its country"
    if phonenumbers.number_type(parsed) in _NO_SMS:
        return "is a landline or service number, which cannot receive text messages"
    return None
