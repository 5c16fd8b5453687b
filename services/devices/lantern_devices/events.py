"""Events the devices service publishes, and its own copies of the events it consumes (only the fields it reads)."""

from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, model_validator

from lantern_shared.contracts import EventContract, EventData, inbound_topic, topic_name

from .domain.borrowers import BorrowerKind
from .domain.devices import DeviceKind, DeviceState

DEVICES_TOPIC = topic_name("devices", "devices")
LOANS_TOPIC = topic_name("devices", "loans")
HOLDS_TOPIC = topic_name("devices", "holds")
RESERVATIONS_TOPIC = topic_name("devices", "reservations")
APPLICATIONS_TOPIC = topic_name("devices", "applications")
BOOKINGS_TOPIC = topic_name("devices", "space-bookings")

PATRONS_TOPIC = topic_name("registration", "patrons")
SESSIONS_TOPIC = topic_name("registration", "sessions")
PARTNERS_TOPIC = topic_name("partners", "partners")
TELEMETRY_TOPIC = inbound_topic("device-telemetry")


# ---- published ----------------------------------------------------------------------------------------------

class BorrowerRef(BaseModel):
    kind: BorrowerKind
    id: UUID


class DeviceAdded(EventData):
    device_id: UUID
    kind: DeviceKind
    asset_tag: str
    home_branch: str
    emergency_pool: bool = False


class DeviceStateChanged(EventData):
    device_id: UUID
    kind: DeviceKind
    asset_tag: str
    from_state: DeviceState | None
    to_state: DeviceState
    reason: str
    actor: str


class DeviceCarrierRequest(EventData):
    """For the carrier's system: switch a hotspot's service off (long overdue) or back on (returned)."""

    device_id: UUID
    asset_tag: str
    kind: DeviceKind
    loan_id: UUID
    reason: str


class LoanFacts(EventData):
    loan_id: UUID
    device_id: UUID
    device_kind: DeviceKind
    asset_tag: str
    borrower: BorrowerRef


class LoanStarted(LoanFacts):
    due_at: datetime
    started_at: datetime


class LoanRenewed(LoanFacts):
    due_at: datetime
    renewals: int


class LoanDueSoon(LoanFacts):
    due_at: datetime


class LoanOverdue(LoanFacts):
    due_at: datetime
    days_overdue: int


class LoanReturned(LoanFacts):
    returned_at: datetime
    condition: str
    missing_accessories: list[str]


class LoanRecallRequested(LoanFacts):
    due_at: datetime
    reason: str


class HoldPlaced(EventData):
    hold_id: UUID
    borrower: BorrowerRef
    device_kind: DeviceKind
    position: int


class HoldReady(EventData):
    hold_id: UUID
    borrower: BorrowerRef
    device_kind: DeviceKind
    pickup_branch: str
    ready_until: datetime


class HoldCancelled(EventData):
    hold_id: UUID
    borrower: BorrowerRef
    device_kind: DeviceKind
    reason: str


class DevicesReserved(EventData):
    session_id: UUID
    reserved: dict[str, int]
    device_ids: list[UUID]


class DevicesReservationFailed(EventData):
    session_id: UUID
    requested: dict[str, int]
    missing: dict[str, int]


class DevicesReleased(EventData):
    session_id: UUID
    device_ids: list[UUID]


class ApplicationSubmitted(EventData):
    application_id: UUID
    patron_id: UUID
    device_kind: DeviceKind
    priority: int
    position: int  # on the waiting list when it joined
    referred: bool


class ApplicationOffered(EventData):
    """A unit waits for the applicant until `pickup_until`; then it passes to the next on the list."""

    offer_id: UUID
    application_id: UUID
    patron_id: UUID
    device_kind: DeviceKind
    pickup_branch: str
    pickup_until: datetime
    preferred_language: str


class ApplicationOfferLapsed(EventData):
    offer_id: UUID
    application_id: UUID
    patron_id: UUID
    device_kind: DeviceKind
    pickup_until: datetime
    preferred_language: str


class ApplicationServed(EventData):
    """The applicant took their device home. `referring_partner_id` is set only when they agreed the partner be told."""

    application_id: UUID
    patron_id: UUID
    device_kind: DeviceKind
    loan_id: UUID
    served_at: datetime
    referring_partner_id: UUID | None = None

class SpaceBookingChanged(EventData):  # a booking of a space as it now is; `reason` says why it was declined
    booking_id: UUID
    space_id: UUID
    space_name: str
    branch_name: str
    timezone: str  # the branch's, to say the time as it is read there
    purpose: Literal["session", "partner_training"]
    partner_id: UUID | None = None
    session_id: UUID | None = None
    title: str
    starts_at: datetime
    ends_at: datetime
    reason: str | None = None

DEVICE_ADDED = EventContract("lantern.device.added", DeviceAdded, DEVICES_TOPIC)
DEVICE_STATE_CHANGED = EventContract("lantern.device.state_changed", DeviceStateChanged, DEVICES_TOPIC)
DEVICE_DEACTIVATION_REQUESTED = EventContract("lantern.device.deactivation_requested", DeviceCarrierRequest, DEVICES_TOPIC)
DEVICE_REACTIVATION_REQUESTED = EventContract("lantern.device.reactivation_requested", DeviceCarrierRequest, DEVICES_TOPIC)
LOAN_STARTED = EventContract("lantern.loan.started", LoanStarted, LOANS_TOPIC)
LOAN_RENEWED = EventContract("lantern.loan.renewed", LoanRenewed, LOANS_TOPIC)
LOAN_DUE_SOON = EventContract("lantern.loan.due_soon", LoanDueSoon, LOANS_TOPIC)
LOAN_OVERDUE = EventContract("lantern.loan.overdue", LoanOverdue, LOANS_TOPIC)
LOAN_RETURNED = EventContract("lantern.loan.returned", LoanReturned, LOANS_TOPIC)
LOAN_RECALL_REQUESTED = EventContract("lantern.loan.recall_requested", LoanRecallRequested, LOANS_TOPIC)
HOLD_PLACED = EventContract("lantern.hold.placed", HoldPlaced, HOLDS_TOPIC)
HOLD_READY = EventContract("lantern.hold.ready", HoldReady, HOLDS_TOPIC)
HOLD_CANCELLED = EventContract("lantern.hold.cancelled", HoldCancelled, HOLDS_TOPIC)
DEVICES_RESERVED = EventContract("lantern.devices.reserved", DevicesReserved, RESERVATIONS_TOPIC)
DEVICES_RESERVATION_FAILED = EventContract("lantern.devices.reservation_failed", DevicesReservationFailed, RESERVATIONS_TOPIC)
DEVICES_RELEASED = EventContract("lantern.devices.released", DevicesReleased, RESERVATIONS_TOPIC)
APPLICATION_SUBMITTED = EventContract("lantern.application.submitted", ApplicationSubmitted, APPLICATIONS_TOPIC)
APPLICATION_OFFERED = EventContract("lantern.application.offered", ApplicationOffered, APPLICATIONS_TOPIC)
APPLICATION_OFFER_LAPSED = EventContract("lantern.application.offer_lapsed", ApplicationOfferLapsed, APPLICATIONS_TOPIC)
APPLICATION_SERVED = EventContract("lantern.application.served", ApplicationServed, APPLICATIONS_TOPIC)
BOOKING_REQUESTED, BOOKING_APPROVED, BOOKING_DECLINED, BOOKING_CANCELLED = (
    EventContract(f"lantern.space_booking.{s}", SpaceBookingChanged, BOOKINGS_TOPIC)
    for s in ("requested", "approved", "declined", "cancelled"))

PUBLISHED: list[EventContract[Any]] = [
    DEVICE_ADDED, DEVICE_STATE_CHANGED, DEVICE_DEACTIVATION_REQUESTED, DEVICE_REACTIVATION_REQUESTED,
    LOAN_STARTED, LOAN_RENEWED, LOAN_DUE_SOON, LOAN_OVERDUE, LOAN_RETURNED, LOAN_RECALL_REQUESTED,
    HOLD_PLACED, HOLD_READY, HOLD_CANCELLED,
    DEVICES_RESERVED, DEVICES_RESERVATION_FAILED, DEVICES_RELEASED,
    APPLICATION_SUBMITTED, APPLICATION_OFFERED, APPLICATION_OFFER_LAPSED, APPLICATION_SERVED,
    BOOKING_REQUESTED, BOOKING_APPROVED, BOOKING_DECLINED, BOOKING_CANCELLED,
]


# ---- consumed (own copies) ----------------------------------------------------------------------------------

class PatronEnrolled(EventData):
    """Also read for patron.updated (same fields): only the id matters here; contact points are not kept."""

    patron_id: UUID


class PatronErased(EventData):
    patron_id: UUID


class PartnerRegistered(EventData):
    """Also read for partner.updated."""

    partner_id: UUID
    status: Literal["prospect", "active", "lapsed"]


class PartnerActivated(EventData):
    partner_id: UUID


class PartnerLapsed(EventData):
    partner_id: UUID
    reason: str | None = None


class SessionHost(BaseModel):
    partner_id: UUID | None = None


class SessionScheduled(EventData):
    """Also read for session.updated (the full current state)."""

    session_id: UUID
    host: SessionHost | None = None  # a partner hosting the session may see the units reserved for it
    starts_at: datetime
    ends_at: datetime
    devices_needed: dict[str, int] = {}  # kinds this service does not lend are reported missing
    booking_id: UUID | None = None  # the space booked for it, which becomes this session's

    @model_validator(mode="after")
    def _window(self) -> "SessionScheduled":
        if self.ends_at <= self.starts_at:
            raise ValueError("ends_at must be after starts_at")
        return self


class SessionCancelled(EventData):
    session_id: UUID


class DeviceIdentified(EventData):
    """Inbound MDM telemetry names a device by asset tag or serial."""

    asset_tag: str | None = None
    serial: str | None = None

    @model_validator(mode="after")
    def _named(self) -> "DeviceIdentified":
        if not self.asset_tag and not self.serial:
            raise ValueError("asset_tag or serial is required")
        return self


class DeviceWiped(DeviceIdentified):
    wiped_at: datetime
    mdm_id: str | None = None


class DeviceReported(DeviceIdentified):
    reported_at: datetime
    last_seen_at: datetime | None = None
