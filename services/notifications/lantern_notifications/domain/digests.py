"""Digests: several messages to one person on one channel become one message, and what bypasses quiet hours.

Two kinds of digest. Messages of one digestible kind (three devices due soon, two sessions tomorrow) that fall due
within the digest window go out together as that kind's digest notice. Messages held by quiet hours fall due together
when they end and go out as one "while you were away" notice. Each member keeps its own row in the delivery log (the
exactly-once key stays per cause event, recipient, channel and message); the digest only changes how many messages
carry them.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from .deliveries import ClaimedDelivery

# A digestible message and the notice that carries several of it at once.
DIGEST_NOTICES: dict[str, str] = {
    "loan_due_soon": "digest_loan_due_soon",
    "session_reminder": "digest_session_reminder",
}
AWAY_NOTICE = "digest_away"  # "while you were away": what quiet hours held, released together
AWAY = "away"  # the group of everything held by quiet hours for one recipient and channel
NOTICES = frozenset(DIGEST_NOTICES.values()) | {AWAY_NOTICE}  # templates that no planned delivery names
HELD_BY_QUIET_HOURS = "quiet_hours"  # the reason a held row carries (domain/sending.py Suppression.QUIET_HOURS)


@dataclass(frozen=True)
class DigestPolicy:
    """The library's digest rules, read from the settings once."""

    gather: timedelta  # a digestible message planned for now waits this long for the rest of its burst
    window: timedelta  # siblings falling due within this much of the first go out with it
    critical: frozenset[str]  # sent at any hour: never held by quiet hours (recalls, account and sign-in codes)


def planned_send_after(message: str, requested: datetime | None, now: datetime, policy: DigestPolicy) -> datetime:
    """When to send a newly planned message. A digestible one due now waits `gather`: a sweep that finds three loans
    due soon publishes three events a moment apart, and the first must not leave before the others arrive."""
    send_after = requested or now
    if message in DIGEST_NOTICES and send_after <= now:
        return now + policy.gather
    return send_after


def bypasses_quiet_hours(message: str, policy: DigestPolicy) -> bool:
    return message in policy.critical


def group_of(d: ClaimedDelivery) -> tuple[UUID, str, str] | None:
    """The digest a claimed delivery may join (recipient, channel, kind), or None when it always goes alone."""
    if d.recipient_id is None:
        return None
    if d.digest_id is not None:  # a digest whose send failed is retried as it was: the same members, together
        return (d.recipient_id, d.channel, f"digest:{d.digest_id}")
    if d.reason == HELD_BY_QUIET_HOURS:
        return (d.recipient_id, d.channel, AWAY)
    if d.message in DIGEST_NOTICES:
        return (d.recipient_id, d.channel, d.message)
    return None


def groups(claimed: Sequence[ClaimedDelivery]) -> list[list[ClaimedDelivery]]:
    """Claimed deliveries gathered into what goes out as one message each, in the order they were claimed."""
    found: dict[object, list[ClaimedDelivery]] = {}
    for d in claimed:
        key = group_of(d) or d.id
        found.setdefault(key, []).append(d)
    return list(found.values())


def notice_for(messages: Sequence[str]) -> str:
    """The notice that carries several messages: their kind's digest when they are all of one kind, else "while you
    were away"."""
    kinds = set(messages)
    if len(kinds) == 1 and (kind := next(iter(kinds))) in DIGEST_NOTICES:
        return DIGEST_NOTICES[kind]
    return AWAY_NOTICE


def paragraphs(body: str, recipient_name: str) -> list[str]:
    """A member message's paragraphs as a digest lists them: without its own greeting (the digest greets once)."""
    found = [p for p in body.split("\n\n") if p.strip()]
    if len(found) > 1 and recipient_name and recipient_name in found[0] and len(found[0]) < 80:
        found = found[1:]
    return found


def sms_line(sms: str, library: str) -> str:
    """A member's SMS as a digest's SMS lists it: without the library's name in front ("Riverside Library reminder:",
    "Riverside Library："), which the digest says once."""
    if library and sms.startswith(library):
        rest = sms[len(library):]
        colon = min((i for i in (rest.find(":"), rest.find("\uff1a")) if i >= 0), default=-1)
        if 0 <= colon <= 20:
            line = rest[colon + 1:].strip()
            return line[:1].upper() + line[1:]
    return sms
