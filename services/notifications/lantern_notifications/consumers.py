"""Notifications' Kafka subscriptions: the recipients projection, and the events people hear about.

Each route only translates: the event's data (and, for what plans messages, its envelope: the cause) into a
handler call with the service's Deps and the event's unit of work.
"""

from collections.abc import Awaitable, Callable
from typing import Any

from lantern_shared.consumer import EventContext, Route, Subscription
from lantern_shared.envelope import CloudEvent
from lantern_shared.uow import UnitOfWork

from . import events as e
from . import partner_events as pe
from .deps import Deps
from .handlers import applications, appointments, loans, partners, recipients, registrations

Projects = Callable[[Deps, UnitOfWork, Any], Awaitable[None]]
Plans = Callable[[Deps, UnitOfWork, Any, CloudEvent], Awaitable[None]]


def subscriptions(deps: Deps) -> list[Subscription]:
    def project(handler: Projects):
        async def route(data: Any, ctx: EventContext) -> None:
            await handler(deps, UnitOfWork.of_event(ctx), data)
        return route

    def plan(handler: Plans):
        async def route(data: Any, ctx: EventContext) -> None:
            await handler(deps, UnitOfWork.of_event(ctx), data, ctx.event)
        return route

    async def patrons(events: list[tuple[Any, EventContext]]) -> None:
        await recipients.patrons_enrolled(deps, UnitOfWork.of_event(events[0][1]), [data for data, _ in events])

    async def confirmations(events: list[tuple[Any, EventContext]]) -> None:
        await registrations.confirmed_many(deps, UnitOfWork.of_event(events[0][1]), events)

    recipients_subscription = Subscription(
        "recipients",
        [e.PATRONS_TOPIC, e.PARTNERS_TOPIC],
        {
            "lantern.patron.enrolled": Route(e.PatronEnrolled, project(recipients.patron_enrolled), batch=patrons),
            "lantern.patron.updated": Route(e.PatronUpdated, project(recipients.patron_enrolled), batch=patrons),
            "lantern.patron.erased": Route(e.PatronErased, project(recipients.patron_erased)),
            "lantern.partner.registered": Route(pe.PartnerRegistered, project(recipients.partner_registered)),
            "lantern.partner.updated": Route(pe.PartnerUpdated, project(recipients.partner_registered)),
            "lantern.partner.lapsed": Route(pe.PartnerLapsed, plan(partners.lapsed)),
        },
        ignore=frozenset({"lantern.partner.activated"}),
    )
    messages = Subscription(
        "messages",
        [e.REGISTRATIONS_TOPIC, e.SESSIONS_TOPIC, e.ATTENDANCE_TOPIC, e.LOANS_TOPIC, e.HOLDS_TOPIC, e.DEVICES_TOPIC,
         e.APPLICATIONS_TOPIC, e.AGREEMENTS_TOPIC, e.REFERRALS_TOPIC, e.BROADCASTS_TOPIC, e.BOOKINGS_TOPIC,
         e.APPOINTMENTS_TOPIC],
        {
            "lantern.registration.confirmed": Route(e.RegistrationConfirmed, plan(registrations.confirmed),
                                                    batch=confirmations),
            "lantern.registration.waitlisted": Route(e.RegistrationWaitlisted, plan(registrations.waitlisted)),
            "lantern.registration.promoted": Route(e.RegistrationPromoted, plan(registrations.promoted)),
            "lantern.registration.cancelled": Route(e.RegistrationCancelled, plan(registrations.cancelled)),
            "lantern.session.scheduled": Route(e.SessionScheduled, project(registrations.session_scheduled)),
            "lantern.session.updated": Route(e.SessionUpdated, plan(registrations.session_updated)),
            "lantern.session.equipment_changed": Route(e.SessionEquipmentChanged,
                                                       plan(registrations.equipment_changed)),
            "lantern.incentive.earned": Route(e.IncentiveEarned, plan(registrations.incentive_earned)),
            "lantern.appointment.booked": Route(e.AppointmentEvent, plan(appointments.booked)),
            "lantern.appointment.cancelled": Route(e.AppointmentEvent, plan(appointments.cancelled)),
            "lantern.loan.started": Route(e.LoanStarted, plan(loans.started)),
            "lantern.loan.renewed": Route(e.LoanRenewed, plan(loans.renewed)),
            "lantern.loan.due_soon": Route(e.LoanDueSoon, plan(loans.due_soon)),
            "lantern.loan.overdue": Route(e.LoanOverdue, plan(loans.overdue)),
            "lantern.loan.returned": Route(e.LoanReturned, plan(loans.returned)),
            "lantern.loan.recall_requested": Route(e.LoanRecallRequested, plan(loans.recall_requested)),
            "lantern.hold.ready": Route(e.HoldReady, plan(loans.hold_ready)),
            "lantern.application.offered": Route(e.ApplicationOffered, plan(applications.offered)),
            "lantern.application.offer_lapsed": Route(e.ApplicationOfferLapsed, plan(applications.offer_lapsed)),
            "lantern.application.served": Route(e.ApplicationServed, plan(applications.served)),
            "lantern.device.deactivation_requested": Route(e.DeviceServiceRequested,
                                                           plan(loans.deactivation_requested)),
            "lantern.device.reactivation_requested": Route(e.DeviceServiceRequested,
                                                           plan(loans.reactivation_requested)),
            "lantern.agreement.signed": Route(pe.AgreementSigned, plan(partners.agreement_signed)),
            "lantern.agreement.ended": Route(pe.AgreementEnded, plan(partners.agreement_ended)),
            "lantern.referral.created": Route(pe.ReferralCreated, plan(partners.referral_created)),
            "lantern.broadcast.requested": Route(pe.BroadcastRequested, plan(partners.broadcast_requested)),
            "lantern.space_booking.approved": Route(e.SpaceBookingDecided, plan(partners.space_booking_approved)),
            "lantern.space_booking.declined": Route(e.SpaceBookingDecided, plan(partners.space_booking_declined)),
        },
        # Known events nobody needs to hear about (or that reach people through another event).
        ignore=frozenset({
            "lantern.session.cancelled",
            "lantern.session.completed", "lantern.attendance.recorded", "lantern.feedback.received",
            "lantern.hold.placed", "lantern.hold.cancelled",
            # a request is answered by its approval or decline; a cancellation is the requester's own doing or staff's
            "lantern.space_booking.requested", "lantern.space_booking.cancelled", "lantern.application.submitted", "lantern.device.added", "lantern.device.state_changed",
        }),
    )
    return [recipients_subscription, messages]
