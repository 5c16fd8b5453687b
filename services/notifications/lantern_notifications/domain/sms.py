"""SMS length: GSM 03.38 or UCS-2 segments, and shortening a message to fit a few of them."""

# GSM 03.38 basic alphabet (and its extension table, two septets each); anything else means UCS-2.
_GSM_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM_EXTENDED = set("^{}\\[~]|€\f")
MAX_SMS_SEGMENTS = 2


def _is_gsm(text: str) -> bool:
    return all(c in _GSM_BASIC or c in _GSM_EXTENDED for c in text)


def sms_segments(text: str) -> int:
    if _is_gsm(text):
        units, single, multi = sum(2 if c in _GSM_EXTENDED else 1 for c in text), 160, 153
    else:
        units, single, multi = sum(2 if ord(c) > 0xFFFF else 1 for c in text), 70, 67
    return 1 if units <= single else -(-units // multi)


def fit_sms(text: str, max_segments: int = MAX_SMS_SEGMENTS) -> str:
    """Shorten a message that would take more than `max_segments` SMS, ending it with an ellipsis."""
    text = " ".join(text.split())
    if sms_segments(text) <= max_segments:
        return text
    ellipsis = "..." if _is_gsm(text) else "…"  # an ellipsis character alone would force UCS-2
    while text and sms_segments(text + ellipsis) > max_segments:
        text = text[:-1]
    return text.rstrip() + ellipsis
