"""Notifications' Kafka subscriptions: the recipients projection, and the events people hear about."""

from lantern_shared.consumer import Route, Subscription

from . import events as e
from .handlers import Handlers, Rules


def subscriptions(rules: Rules | None = None) -> list[Subscription]:
    h = Handlers(rules or Rules())
    recipients = Subscription(
        "recipients",
        [e.PATRONS_TOPIC, e.PARTNERS_TOPIC],
        {
            "lantern.patron.enrolled": Route(e.PatronEnrolled, h.patron_enrolled, batch=h.patrons_enrolled),
            "lantern.patron.updated": Route(e.PatronUpdated, h.patron_updated, batch=h.patrons_updated),
            "lantern.patron.erased": Route(e.PatronErased, h.patron_erased),
            "lantern.partner.registered": Route(e.PartnerRegistered, h.partner_registered),
            "lantern.partner.updated": Route(e.PartnerUpdated, h.partner_updated),
            "lantern.partner.lapsed": Route(e.PartnerLapsed, h.partner_lapsed),
        },
        ignore=frozenset({"lantern.partner.activated"}),
    )
    messages = Subscription(
        "messages",
        [e.REGISTRATIONS_TOPIC, e.SESSIONS_TOPIC, e.ATTENDANCE_TOPIC, e.LOANS_TOPIC, e.HOLDS_TOPIC, e.DEVICES_TOPIC,
         e.AGREEMENTS_TOPIC, e.REFERRALS_TOPIC, e.BROADCASTS_TOPIC],
        {
            "lantern.registration.confirmed": Route(e.RegistrationConfirmed, h.registration_confirmed),
            "lantern.registration.waitlisted": Route(e.RegistrationWaitlisted, h.registration_waitlisted),
            "lantern.registration.promoted": Route(e.RegistrationPromoted, h.registration_promoted),
            "lantern.registration.cancelled": Route(e.RegistrationCancelled, h.registration_cancelled),
            "lantern.session.scheduled": Route(e.SessionScheduled, h.session_scheduled),
            "lantern.session.updated": Route(e.SessionUpdated, h.session_updated),
            "lantern.session.equipment_changed": Route(e.SessionEquipmentChanged, h.equipment_changed),
            "lantern.incentive.earned": Route(e.IncentiveEarned, h.incentive_earned),
            "lantern.loan.started": Route(e.LoanStarted, h.loan_started),
            "lantern.loan.renewed": Route(e.LoanRenewed, h.loan_renewed),
            "lantern.loan.due_soon": Route(e.LoanDueSoon, h.loan_due_soon),
            "lantern.loan.overdue": Route(e.LoanOverdue, h.loan_overdue),
            "lantern.loan.returned": Route(e.LoanReturned, h.loan_returned),
            "lantern.loan.recall_requested": Route(e.LoanRecallRequested, h.loan_recall_requested),
            "lantern.hold.ready": Route(e.HoldReady, h.hold_ready),
            "lantern.device.deactivation_requested": Route(e.DeviceServiceRequested, h.device_deactivation_requested),
            "lantern.device.reactivation_requested": Route(e.DeviceServiceRequested, h.device_reactivation_requested),
            "lantern.agreement.signed": Route(e.AgreementSigned, h.agreement_signed),
            "lantern.agreement.ended": Route(e.AgreementEnded, h.agreement_ended),
            "lantern.referral.created": Route(e.ReferralCreated, h.referral_created),
            "lantern.broadcast.requested": Route(e.BroadcastRequested, h.broadcast_requested),
        },
        # Known events nobody needs to hear about (or that reach people through another event).
        ignore=frozenset({
            "lantern.session.cancelled",
            "lantern.session.completed", "lantern.attendance.recorded", "lantern.feedback.received",
            "lantern.hold.placed", "lantern.hold.cancelled", "lantern.device.added", "lantern.device.state_changed",
        }),
    )
    return [recipients, messages]
