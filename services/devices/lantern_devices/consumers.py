"""Devices' Kafka subscriptions: which events it reads and the use case each one drives."""

from collections.abc import Awaitable, Callable
from typing import Any

from pydantic import BaseModel

from lantern_shared.consumer import EventContext, Route, Subscription
from lantern_shared.uow import UnitOfWork

from .deps import Deps
from .events import (
    PARTNERS_TOPIC, PATRONS_TOPIC, SESSIONS_TOPIC, TELEMETRY_TOPIC, DeviceReported, DeviceWiped, PartnerActivated,
    PartnerLapsed, PartnerRegistered, PatronEnrolled, PatronErased, SessionCancelled, SessionScheduled,
)
from .handlers import bookings, borrowers, devices, reservations

UseCase = Callable[[Deps, UnitOfWork, Any], Awaitable[None]]


def both(*use_cases: UseCase) -> UseCase:
    """One session event drives its units' reservation and its space booking, in the one transaction."""
    async def run(deps: Deps, work: UnitOfWork, data: Any) -> None:
        for use_case in use_cases:
            await use_case(deps, work, data)

    return run


def subscriptions(deps: Deps | None = None) -> list[Subscription]:
    """Every route drives its use case with `deps` (None only to list the routes, as the contract tests do)."""
    def route(model: type[BaseModel], use_case: UseCase) -> Route:
        async def consume(data: Any, ctx: EventContext) -> None:
            assert deps is not None, "a service consumes with its Deps"
            await use_case(deps, UnitOfWork.of_event(ctx), data)

        return Route(model, consume)

    scheduled = both(reservations.session_scheduled, bookings.session_scheduled)

    return [
        Subscription("borrowers", [PATRONS_TOPIC, PARTNERS_TOPIC], {
            "lantern.patron.enrolled": route(PatronEnrolled, borrowers.patron_enrolled),
            "lantern.patron.updated": route(PatronEnrolled, borrowers.patron_enrolled),
            "lantern.patron.erased": route(PatronErased, borrowers.patron_erased),
            "lantern.partner.registered": route(PartnerRegistered, borrowers.partner_registered),
            "lantern.partner.updated": route(PartnerRegistered, borrowers.partner_registered),
            "lantern.partner.activated": route(PartnerActivated, borrowers.partner_activated),
            "lantern.partner.lapsed": route(PartnerLapsed, borrowers.partner_lapsed),
        }),
        Subscription("sessions", [SESSIONS_TOPIC], {
            "lantern.session.scheduled": route(SessionScheduled, scheduled),
            "lantern.session.updated": route(SessionScheduled, scheduled),
            "lantern.session.cancelled": route(SessionCancelled, both(reservations.session_cancelled,
                                                                      bookings.session_cancelled)),
        }, ignore=frozenset({"lantern.session.equipment_changed", "lantern.session.completed"})),
        Subscription("telemetry", [TELEMETRY_TOPIC], {
            "lantern.device.wiped": route(DeviceWiped, devices.device_wiped),
            "lantern.device.reported": route(DeviceReported, devices.device_reported),
        }),
    ]
