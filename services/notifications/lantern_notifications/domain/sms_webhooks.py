"""What Twilio's webhooks carry and how they are trusted: the X-Twilio-Signature, and the order of a message's
statuses (callbacks may arrive out of order; a later status never goes back to an earlier one).

https://www.twilio.com/docs/usage/webhooks/webhooks-security
"""

import base64
import hashlib
import hmac
from collections.abc import Iterable

SIGNATURE_HEADER = "X-Twilio-Signature"


def signature(url: str, params: Iterable[tuple[str, str]], auth_token: str) -> str:
    """Base64 of HMAC-SHA1 over the full URL Twilio called followed by each POST parameter's name and value, sorted
    by name (and, for repeated names, by value), keyed with the account's auth token."""
    payload = url + "".join(name + value for name, value in sorted(params))
    return base64.b64encode(hmac.new(auth_token.encode(), payload.encode(), hashlib.sha1).digest()).decode()


def signed_by_twilio(url: str, params: Iterable[tuple[str, str]], auth_token: str, given: str | None) -> bool:
    if not given:
        return False
    return hmac.compare_digest(signature(url, list(params), auth_token), given)


# Twilio's MessageStatus values in the order a message passes through them; the three last are final.
STATUS_ORDER = ("accepted", "scheduled", "queued", "sending", "sent", "delivered", "undelivered", "failed")
FINAL = {"delivered", "undelivered", "failed"}
NOT_DELIVERED = {"undelivered", "failed"}


def rank(status: str | None) -> int:
    return STATUS_ORDER.index(status) if status in STATUS_ORDER else -1
