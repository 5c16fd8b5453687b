"""Events registration publishes (docs/events.md) and its own copies of the events it consumes."""

from datetime import date, datetime
from typing import Any, Literal
from uuid import UUID

from pydantic import AwareDatetime, Field

from lantern_shared.contracts import EventContract, EventData, inbound_topic, topic_name

PATRONS_TOPIC = topic_name("registration", "patrons")
SESSIONS_TOPIC = topic_name("registration", "sessions")
REGISTRATIONS_TOPIC = topic_name("registration", "registrations")
ATTENDANCE_TOPIC = topic_name("registration", "attendance")

# ---- patrons ---------------------------------------------------------------------------------------------


class PatronEnrolled(EventData):
    patron_id: UUID
    name: str
    email: str | None = None
    phone: str | None = None
    preferred_language: str
    consent_to_contact: bool
    consent_to_referral: bool
    sms_opt_in: bool = False  # agreed to texts at `phone` when enrolling (issue 17); absent from older events
    guest: bool = False  # signed in with an emailed code, no library card yet (added; older events lack it)


class PatronUpdated(PatronEnrolled):
    """The full current state after a change."""


class PatronErased(EventData):
    patron_id: UUID
    erased_at: datetime


_PATRON_PERSONAL = ("name", "email", "phone")  # sealed with the patron's data key (lantern_shared.sealing)
PATRON_ENROLLED = EventContract("lantern.patron.enrolled", PatronEnrolled, PATRONS_TOPIC, personal=_PATRON_PERSONAL)
PATRON_UPDATED = EventContract("lantern.patron.updated", PatronUpdated, PATRONS_TOPIC, personal=_PATRON_PERSONAL)
PATRON_ERASED = EventContract("lantern.patron.erased", PatronErased, PATRONS_TOPIC)

# ---- sessions --------------------------------------------------------------------------------------------


class PlaceData(EventData):
    kind: Literal["branch", "partner_site", "online"]
    name: str
    address: str | None = None
    url: str | None = None


class HostData(EventData):
    kind: Literal["branch", "partner"]
    partner_id: UUID | None = None
    branch: str | None = None


class SessionScheduled(EventData):
    session_id: UUID
    program_id: UUID
    program_kind: str
    title: str = Field(description="In the program's fallback language")
    titles: dict[str, str]
    starts_at: datetime
    ends_at: datetime
    timezone: str
    place: PlaceData
    host: HostData
    capacity: int
    languages: list[str]
    devices_needed: dict[str, int]
    age_group: str | None = None
    booking_id: UUID | None = None  # the space booked for it: devices ties the booking to the session


class SessionUpdated(SessionScheduled):
    """The full current state after time, place, capacity or equipment changed."""


class SessionEquipmentChanged(EventData):
    session_id: UUID
    title: str
    starts_at: datetime
    equipment_status: Literal["pending", "ready", "shortfall"]
    missing: dict[str, int]


class SessionCancelled(EventData):
    session_id: UUID
    title: str
    starts_at: datetime
    reason: str


class SessionCompleted(EventData):
    session_id: UUID
    title: str
    ended_at: datetime
    attended: int | None = None
    no_shows: int | None = None


SESSION_SCHEDULED = EventContract("lantern.session.scheduled", SessionScheduled, SESSIONS_TOPIC)
SESSION_UPDATED = EventContract("lantern.session.updated", SessionUpdated, SESSIONS_TOPIC)
SESSION_EQUIPMENT_CHANGED = EventContract("lantern.session.equipment_changed", SessionEquipmentChanged, SESSIONS_TOPIC)
SESSION_CANCELLED = EventContract("lantern.session.cancelled", SessionCancelled, SESSIONS_TOPIC)
SESSION_COMPLETED = EventContract("lantern.session.completed", SessionCompleted, SESSIONS_TOPIC)

# ---- registrations ---------------------------------------------------------------------------------------


class SeriesData(EventData):
    """The series a whole-series registration is for: enough to write its calendar entry (RRULE and EXDATE)."""

    series_id: UUID
    rrule: str
    first_starts_at: datetime = Field(description="DTSTART as local wall time in the event's `timezone`")
    duration_minutes: int
    exdates: list[date] = Field(default_factory=list, description="Local dates with no occurrence")
    occurrences: int = Field(description="Upcoming occurrences this registration holds a seat or place in")


class RegistrationData(EventData):
    registration_id: UUID
    session_id: UUID
    patron_id: UUID
    session_title: str
    starts_at: datetime
    ends_at: datetime
    timezone: str
    place_name: str
    program_kind: str | None = None
    series: SeriesData | None = Field(default=None, description="Set when the registration is for a whole series")


class RegistrationConfirmed(RegistrationData):
    pass


class RegistrationWaitlisted(RegistrationData):
    position: int


class RegistrationPromoted(RegistrationData):
    pass


class RegistrationCancelled(RegistrationData):
    reason: Literal["patron_cancelled", "left_waitlist", "session_cancelled", "staff_cancelled"]
    was: Literal["confirmed", "waitlisted"]


REGISTRATION_CONFIRMED = EventContract("lantern.registration.confirmed", RegistrationConfirmed, REGISTRATIONS_TOPIC)
REGISTRATION_WAITLISTED = EventContract("lantern.registration.waitlisted", RegistrationWaitlisted, REGISTRATIONS_TOPIC)
REGISTRATION_PROMOTED = EventContract("lantern.registration.promoted", RegistrationPromoted, REGISTRATIONS_TOPIC)
REGISTRATION_CANCELLED = EventContract("lantern.registration.cancelled", RegistrationCancelled, REGISTRATIONS_TOPIC)

# ---- one-to-one help ------------------------------------------------------------------------------------

APPOINTMENTS_TOPIC = topic_name("registration", "appointments")


class AppointmentData(EventData):
    appointment_id: UUID = Field(description="The slot's id")
    patron_id: UUID
    kind: Literal["resume_help", "job_application_help", "tech_help", "mentoring"]
    helper_name: str
    branch: str
    starts_at: datetime
    ends_at: datetime
    timezone: str
    format: str


class AppointmentBooked(AppointmentData):
    pass


class AppointmentCancelled(AppointmentData):
    by: Literal["patron", "staff"]


APPOINTMENT_BOOKED = EventContract("lantern.appointment.booked", AppointmentBooked, APPOINTMENTS_TOPIC)
APPOINTMENT_CANCELLED = EventContract("lantern.appointment.cancelled", AppointmentCancelled, APPOINTMENTS_TOPIC)

# ---- attendance, feedback, incentives --------------------------------------------------------------------


class AttendanceRecorded(EventData):
    session_id: UUID
    patron_id: UUID
    registration_id: UUID | None = None
    checked_in_at: datetime
    method: Literal["staff", "kiosk"]


class FeedbackReceived(EventData):
    session_id: UUID
    patron_id: UUID
    rating: int = Field(ge=1, le=5, description="Rounded mean of the four outcome scores")
    wants_to_learn: list[str]
    knowledge: int | None = None
    confidence: int | None = None
    application: int | None = None
    awareness: int | None = None


class IncentiveEarned(EventData):
    patron_id: UUID
    milestone: str
    points_total: int
    reward: str | None = None
    sessions_attended: int | None = None


ATTENDANCE_RECORDED = EventContract("lantern.attendance.recorded", AttendanceRecorded, ATTENDANCE_TOPIC)
FEEDBACK_RECEIVED = EventContract("lantern.feedback.received", FeedbackReceived, ATTENDANCE_TOPIC)
INCENTIVE_EARNED = EventContract("lantern.incentive.earned", IncentiveEarned, ATTENDANCE_TOPIC)

PUBLISHED: list[EventContract[Any]] = [
    PATRON_ENROLLED, PATRON_UPDATED, PATRON_ERASED,
    SESSION_SCHEDULED, SESSION_UPDATED, SESSION_EQUIPMENT_CHANGED, SESSION_CANCELLED, SESSION_COMPLETED,
    REGISTRATION_CONFIRMED, REGISTRATION_WAITLISTED, REGISTRATION_PROMOTED, REGISTRATION_CANCELLED,
    ATTENDANCE_RECORDED, FEEDBACK_RECEIVED, INCENTIVE_EARNED, APPOINTMENT_BOOKED, APPOINTMENT_CANCELLED,
]

# ---- consumed: our own copies, only the fields we read ---------------------------------------------------

RESERVATIONS_TOPIC = topic_name("devices", "reservations")
PARTNERS_TOPIC = topic_name("partners", "partners")
CHECKINS_TOPIC = inbound_topic("checkins")
INBOUND_PATRONS_TOPIC = inbound_topic("patrons")


class DevicesReserved(EventData):
    session_id: UUID
    reserved: dict[str, int] = Field(default_factory=dict)


class DevicesReservationFailed(EventData):
    session_id: UUID
    requested: dict[str, int] = Field(default_factory=dict)
    missing: dict[str, int]


class PartnerRegistered(EventData):
    partner_id: UUID
    name: str
    status: Literal["prospect", "active", "lapsed"]


class PartnerActivated(EventData):
    partner_id: UUID
    name: str


class PartnerLapsed(EventData):
    partner_id: UUID
    name: str


class CheckinRecorded(EventData):
    session_id: UUID
    patron_id: UUID | None = None
    library_card_number: str | None = None
    checked_in_at: AwareDatetime  # RFC 3339 with offset, as the catalogue says; a naive time is ambiguous
    kiosk_id: str | None = None
    nonce: str | None = Field(default=None, min_length=1, max_length=200)


class IlsPatronStatusChanged(EventData):
    library_card_number: str
    status: Literal["active", "blocked", "expired"]
