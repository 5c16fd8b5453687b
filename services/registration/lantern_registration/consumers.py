"""Registration's Kafka subscriptions: equipment answers, partner hosts, kiosk check-ins and ILS card status."""

from functools import partial

from lantern_shared.consumer import Route, Subscription

from .events import (
    CHECKINS_TOPIC, INBOUND_PATRONS_TOPIC, PARTNERS_TOPIC, RESERVATIONS_TOPIC, CheckinRecorded, DevicesReservationFailed,
    DevicesReserved, IlsPatronStatusChanged, PartnerActivated, PartnerLapsed, PartnerRegistered,
)
from .handlers import attendance, patrons, programs, sessions
from .handlers.wiring import Outreach


def subscriptions(out: Outreach | None = None) -> list[Subscription]:
    """`out` is None only when the contracts are inspected without running the service."""
    equipment = Subscription(
        "equipment",
        [RESERVATIONS_TOPIC],
        {
            "lantern.devices.reserved": Route(DevicesReserved, partial(sessions.devices_reserved, out)),
            "lantern.devices.reservation_failed": Route(
                DevicesReservationFailed, partial(sessions.devices_reservation_failed, out)),
        },
        ignore=frozenset({"lantern.devices.released"}),
    )
    hosts = Subscription(
        "hosts",
        [PARTNERS_TOPIC],
        {
            "lantern.partner.registered": Route(PartnerRegistered, programs.partner_registered),
            "lantern.partner.updated": Route(PartnerRegistered, programs.partner_registered),
            "lantern.partner.activated": Route(PartnerActivated, programs.partner_activated),
            "lantern.partner.lapsed": Route(PartnerLapsed, programs.partner_lapsed),
        },
    )
    checkins = Subscription(
        "checkins",
        [CHECKINS_TOPIC, INBOUND_PATRONS_TOPIC],
        {
            "lantern.checkin.recorded": Route(CheckinRecorded, partial(attendance.checkin_scanned, out)),
            "lantern.ils.patron_status_changed": Route(IlsPatronStatusChanged, patrons.card_status_changed),
        },
    )
    return [equipment, hosts, checkins]
