"""Registration's Kafka subscriptions: equipment answers, partner hosts, kiosk check-ins and ILS card status.

Each route only translates an event into a handler call in the event's own unit of work."""

from collections.abc import Awaitable, Callable
from typing import Any

from lantern_shared.consumer import EventContext, Route, Subscription
from lantern_shared.uow import UnitOfWork

from .deps import Deps
from .events import (
    CHECKINS_TOPIC, INBOUND_PATRONS_TOPIC, PARTNERS_TOPIC, RESERVATIONS_TOPIC, CheckinRecorded, DevicesReservationFailed,
    DevicesReserved, IlsPatronStatusChanged, PartnerActivated, PartnerLapsed, PartnerRegistered,
)
from .handlers import attendance, patrons, programs, sessions


def subscriptions(deps: Deps | None = None) -> list[Subscription]:
    """`deps` is None only when the contracts are inspected without running the service."""

    def route(model: type, handler: Callable[[Deps, UnitOfWork, Any], Awaitable[None]]) -> Route:
        async def translate(data: Any, ctx: EventContext) -> None:
            assert deps is not None, "a service consumes with its Deps"
            await handler(deps, UnitOfWork.of_event(ctx), data)

        return Route(model, translate)

    async def scanned(data: CheckinRecorded, ctx: EventContext) -> None:
        assert deps is not None, "a service consumes with its Deps"
        await attendance.checkin_scanned(deps, UnitOfWork.of_event(ctx), data, f"{ctx.event.source}:{ctx.event.id}")

    equipment = Subscription(
        "equipment",
        [RESERVATIONS_TOPIC],
        {
            "lantern.devices.reserved": route(DevicesReserved, sessions.devices_reserved),
            "lantern.devices.reservation_failed": route(DevicesReservationFailed, sessions.devices_reservation_failed),
        },
        ignore=frozenset({"lantern.devices.released"}),
    )
    hosts = Subscription(
        "hosts",
        [PARTNERS_TOPIC],
        {
            "lantern.partner.registered": route(PartnerRegistered, programs.partner_registered),
            "lantern.partner.updated": route(PartnerRegistered, programs.partner_registered),
            "lantern.partner.activated": route(PartnerActivated, programs.partner_activated),
            "lantern.partner.lapsed": route(PartnerLapsed, programs.partner_lapsed),
        },
    )
    checkins = Subscription(
        "checkins",
        [CHECKINS_TOPIC, INBOUND_PATRONS_TOPIC],
        {
            "lantern.checkin.recorded": Route(CheckinRecorded, scanned),
            "lantern.ils.patron_status_changed": route(IlsPatronStatusChanged, patrons.card_status_changed),
        },
    )
    return [equipment, hosts, checkins]
