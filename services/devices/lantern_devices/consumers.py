"""Devices' Kafka subscriptions: which events it reads and the use case each one drives."""

from functools import partial

from lantern_shared.consumer import Route, Subscription

from . import handlers
from .domain import LendingPolicy
from .events import (
    PARTNERS_TOPIC, PATRONS_TOPIC, SESSIONS_TOPIC, TELEMETRY_TOPIC, DeviceReported, DeviceWiped, PartnerActivated,
    PartnerLapsed, PartnerRegistered, PatronEnrolled, PatronErased, SessionCancelled, SessionScheduled,
)


def subscriptions(policy: LendingPolicy | None = None) -> list[Subscription]:
    policy = policy or LendingPolicy()
    borrowers = Subscription("borrowers", [PATRONS_TOPIC, PARTNERS_TOPIC], {
        "lantern.patron.enrolled": Route(PatronEnrolled, handlers.patron_enrolled),
        "lantern.patron.updated": Route(PatronEnrolled, handlers.patron_enrolled),
        "lantern.patron.erased": Route(PatronErased, partial(handlers.patron_erased, policy=policy)),
        "lantern.partner.registered": Route(PartnerRegistered, partial(handlers.partner_registered, policy=policy)),
        "lantern.partner.updated": Route(PartnerRegistered, partial(handlers.partner_registered, policy=policy)),
        "lantern.partner.activated": Route(PartnerActivated, handlers.partner_activated),
        "lantern.partner.lapsed": Route(PartnerLapsed, partial(handlers.partner_lapsed, policy=policy)),
    })
    sessions = Subscription("sessions", [SESSIONS_TOPIC], {
        "lantern.session.scheduled": Route(SessionScheduled, handlers.session_scheduled),
        "lantern.session.updated": Route(SessionScheduled, handlers.session_scheduled),
        "lantern.session.cancelled": Route(SessionCancelled, handlers.session_cancelled),
    }, ignore=frozenset({"lantern.session.equipment_changed", "lantern.session.completed"}))
    telemetry = Subscription("telemetry", [TELEMETRY_TOPIC], {
        "lantern.device.wiped": Route(DeviceWiped, partial(handlers.device_wiped, policy=policy)),
        "lantern.device.reported": Route(DeviceReported, handlers.device_reported),
    })
    return [borrowers, sessions, telemetry]
