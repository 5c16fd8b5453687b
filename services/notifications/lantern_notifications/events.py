"""Events notifications publishes, and its own copies of the events it consumes (only the fields it reads).

The copies of partners' events are in partner_events.py; the topics they arrive on are here with the others.
"""

from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict

from lantern_shared.contracts import EventContract, EventData, topic_name

PATRONS_TOPIC = topic_name("registration", "patrons")
REGISTRATIONS_TOPIC = topic_name("registration", "registrations")
SESSIONS_TOPIC = topic_name("registration", "sessions")
ATTENDANCE_TOPIC = topic_name("registration", "attendance")
APPOINTMENTS_TOPIC = topic_name("registration", "appointments")
LOANS_TOPIC = topic_name("devices", "loans")
DEVICES_TOPIC = topic_name("devices", "devices")
HOLDS_TOPIC = topic_name("devices", "holds")
APPLICATIONS_TOPIC = topic_name("devices", "applications")
PARTNERS_TOPIC = topic_name("partners", "partners")
AGREEMENTS_TOPIC = topic_name("partners", "agreements")
REFERRALS_TOPIC = topic_name("partners", "referrals")
BROADCASTS_TOPIC = topic_name("partners", "broadcasts")
BOOKINGS_TOPIC = topic_name("devices", "space-bookings")
DELIVERIES_TOPIC = topic_name("notifications", "deliveries")

# Enumerations are read as "one of these, or a value added since": a new reason never poisons an event.
CancelReason = Literal["patron_cancelled", "left_waitlist", "session_cancelled", "staff_cancelled"] | str
BorrowerKind = Literal["patron", "partner"] | str
DeviceKind = Literal["hotspot", "laptop", "chromebook", "tablet", "training_kit"] | str


class _Reader(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


# ---- registration.patrons --------------------------------------------------------------------------------
class PatronEnrolled(EventData):
    patron_id: UUID
    name: str
    email: str | None = None
    phone: str | None = None
    preferred_language: str
    consent_to_contact: bool
    sms_opt_in: bool = False  # agreed to texts at `phone` when enrolling (registration publishes it since issue 17)


class PatronUpdated(PatronEnrolled):
    pass


class PatronErased(EventData):
    patron_id: UUID


# ---- registration.registrations --------------------------------------------------------------------------
class RegistrationEvent(EventData):
    registration_id: UUID
    session_id: UUID
    patron_id: UUID
    session_title: str
    starts_at: datetime
    ends_at: datetime
    timezone: str
    place_name: str
    series: dict[str, Any] | None = None  # a whole series: rrule, first_starts_at (local), duration_minutes, exdates


class RegistrationConfirmed(RegistrationEvent):
    pass


class RegistrationWaitlisted(RegistrationEvent):
    position: int


class RegistrationPromoted(RegistrationEvent):
    pass


class RegistrationCancelled(RegistrationEvent):
    reason: CancelReason


class AppointmentEvent(EventData):
    appointment_id: UUID
    patron_id: UUID
    kind: str
    branch: str
    starts_at: datetime
    ends_at: datetime
    timezone: str


# ---- registration.sessions and attendance ----------------------------------------------------------------
class Place(_Reader):
    name: str


class SessionScheduled(EventData):
    session_id: UUID
    title: str
    titles: dict[str, str] = {}


class SessionUpdated(EventData):
    session_id: UUID
    title: str
    titles: dict[str, str] = {}
    starts_at: datetime
    ends_at: datetime
    timezone: str
    place: Place


class SessionEquipmentChanged(EventData):
    session_id: UUID
    title: str
    starts_at: datetime
    equipment_status: Literal["pending", "ready", "shortfall"] | str
    missing: dict[str, int] = {}


class IncentiveEarned(EventData):
    patron_id: UUID
    milestone: str
    points_total: int


# ---- devices ---------------------------------------------------------------------------------------------
class Borrower(_Reader):
    kind: BorrowerKind
    id: UUID


class LoanEvent(EventData):
    loan_id: UUID
    device_kind: DeviceKind
    asset_tag: str
    borrower: Borrower


class LoanStarted(LoanEvent):
    due_at: datetime


class LoanRenewed(LoanEvent):
    due_at: datetime
    renewals: int


class DeviceServiceRequested(EventData):
    """lantern.device.deactivation_requested / reactivation_requested: the carrier switches a hotspot off or on."""

    device_id: UUID
    asset_tag: str
    kind: DeviceKind
    loan_id: UUID
    reason: str


class LoanDueSoon(LoanEvent):
    due_at: datetime


class LoanOverdue(LoanEvent):
    due_at: datetime
    days_overdue: int


class LoanReturned(LoanEvent):
    returned_at: datetime


class LoanRecallRequested(LoanEvent):
    due_at: datetime
    reason: str


class HoldReady(EventData):
    hold_id: UUID
    borrower: Borrower
    device_kind: DeviceKind
    pickup_branch: str
    ready_until: datetime


class ApplicationOffered(EventData):
    """A unit of the long-loan programme waits for the applicant until `pickup_until`."""

    offer_id: UUID
    application_id: UUID
    patron_id: UUID
    device_kind: DeviceKind
    pickup_branch: str
    pickup_until: datetime


class ApplicationOfferLapsed(EventData):
    offer_id: UUID
    application_id: UUID
    patron_id: UUID
    device_kind: DeviceKind
    pickup_until: datetime


class ApplicationServed(EventData):
    """`referring_partner_id` is there only when the applicant agreed that the partner be told."""

    application_id: UUID
    patron_id: UUID
    device_kind: DeviceKind
    referring_partner_id: UUID | None = None


class SpaceBookingDecided(EventData):
    partner_id: UUID | None = None
    space_name: str
    branch_name: str
    timezone: str
    title: str
    starts_at: datetime
    ends_at: datetime
    reason: str | None = None  # why it was declined


# ---- published -------------------------------------------------------------------------------------------
class NotificationDelivered(EventData):
    notification_id: UUID
    recipient_id: UUID
    cause_event_id: str
    cause_type: str
    channel: Literal["email", "sms", "in_app"]
    language: str


class NotificationFailed(NotificationDelivered):
    reason: str
    attempts: int


NOTIFICATION_DELIVERED = EventContract("lantern.notification.delivered", NotificationDelivered, DELIVERIES_TOPIC)
NOTIFICATION_FAILED = EventContract("lantern.notification.failed", NotificationFailed, DELIVERIES_TOPIC)

PUBLISHED: list[EventContract[Any]] = [NOTIFICATION_DELIVERED, NOTIFICATION_FAILED]
