"""Notifications' Kafka subscriptions."""

from lantern_shared.consumer import Route, Subscription

from . import handlers
from .events import PATRONS_TOPIC, PatronEnrolled


def subscriptions() -> list[Subscription]:
    recipients = Subscription(
        "recipients",
        [PATRONS_TOPIC],
        {"lantern.patron.enrolled": Route(PatronEnrolled, handlers.patron_enrolled)},
    )
    return [recipients]
