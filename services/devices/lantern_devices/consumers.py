"""Devices' Kafka subscriptions."""

from lantern_shared.consumer import Route, Subscription

from . import handlers
from .events import PATRONS_TOPIC, PatronEnrolled


def subscriptions() -> list[Subscription]:
    borrowers = Subscription(
        "borrowers",
        [PATRONS_TOPIC],
        {"lantern.patron.enrolled": Route(PatronEnrolled, handlers.patron_enrolled)},
    )
    return [borrowers]
