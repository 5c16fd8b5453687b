"""Bookings of a space: requested, then approved or declined (at once where no approval is needed), or cancelled."""

from datetime import datetime
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel

from lantern_shared.refusals import conflict


class BookingStatus(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    DECLINED = "declined"
    CANCELLED = "cancelled"


class BookingPurpose(StrEnum):
    SESSION = "session"  # one of the library's own program sessions
    PARTNER_TRAINING = "partner_training"  # a community organization's own class: the space is loaned to it


LIVE = (BookingStatus.REQUESTED, BookingStatus.APPROVED)  # the statuses that hold the space's time


class Booking(BaseModel):
    id: UUID
    space_id: UUID
    purpose: BookingPurpose
    partner_id: UUID | None = None
    session_id: UUID | None = None
    title: str
    attendees: int | None = None
    starts_at: datetime
    ends_at: datetime
    setup_minutes: int
    teardown_minutes: int
    held_from: datetime
    held_until: datetime
    status: BookingStatus
    requested_by: str
    decided_by: str | None = None
    decided_at: datetime | None = None
    reason: str | None = None
    created_at: datetime
    updated_at: datetime


def first_status(*, requires_approval: bool, by_staff: bool) -> BookingStatus:
    """Staff are the ones who approve, so what they book is approved at once; so is a space that needs no approval."""
    return BookingStatus.REQUESTED if requires_approval and not by_staff else BookingStatus.APPROVED


def check_decidable(booking: Booking, decision: BookingStatus) -> None:
    if decision not in (BookingStatus.APPROVED, BookingStatus.DECLINED):
        raise conflict("not_a_decision", "a request is approved or declined", field="decision")
    if booking.status is not BookingStatus.REQUESTED:
        raise conflict("already_decided", f"this booking is {booking.status}; only a request waiting for approval "
                       "is approved or declined")


def check_cancellable(booking: Booking) -> None:
    if booking.status not in LIVE:
        raise conflict("not_cancellable", f"this booking is {booking.status} already")
