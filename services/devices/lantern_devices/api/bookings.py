"""Space booking routes: request, approve or decline, cancel, read, and the hours loaned to organizations."""

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field, ValidationInfo, field_validator

from lantern_shared.fields import IsoDateTime
from lantern_shared.http import actor
from lantern_shared.models import RequestModel
from lantern_shared.pagination import Page, PageRequest, make_page, page_request

from ..deps import Needs
from ..domain.bookings import Booking, BookingPurpose, BookingStatus
from ..handlers import bookings as use
from ..store import bookings
from .devices import sort_key

router = APIRouter(tags=["space bookings"])
Actor = Annotated[str, Depends(actor)]


class NewBooking(RequestModel):
    """A space for a session (staff) or for a partner organization's own training class (staff or that partner)."""

    space_id: UUID
    purpose: BookingPurpose | None = Field(default=None, description="Default: partner_training when a partner is "
                                                                     "named, else session")
    partner_id: UUID | None = Field(default=None, description="The organization the space is loaned to")
    session_id: UUID | None = Field(default=None, description="The session it is for (staff only)")
    title: str = Field(min_length=1, max_length=200)
    attendees: int | None = Field(default=None, ge=1, le=2000)
    starts_at: datetime
    ends_at: datetime
    setup_minutes: int | None = Field(default=None, ge=0, le=240, description="Default: the space's")
    teardown_minutes: int | None = Field(default=None, ge=0, le=240, description="Default: the space's")

    @field_validator("ends_at")
    @classmethod
    def _after_start(cls, ends_at: datetime, info: ValidationInfo) -> datetime:
        starts_at = info.data.get("starts_at")
        if starts_at is not None and ends_at <= starts_at:
            raise ValueError("ends_at must be after starts_at")
        return ends_at

    @field_validator("starts_at", "ends_at")
    @classmethod
    def _aware(cls, moment: datetime) -> datetime:
        if moment.tzinfo is None:
            raise ValueError("must carry a UTC offset")
        return moment


class Decision(RequestModel):
    decision: Literal["approved", "declined"]
    reason: str | None = Field(default=None, min_length=1, max_length=500,
                               description="Required to decline: the requester reads it")


class Cancellation(RequestModel):
    reason: str | None = Field(default=None, min_length=1, max_length=500)


class HoursLoaned(BaseModel):
    partner_id: UUID
    month: str = Field(description="YYYY-MM, in the branch's calendar")
    bookings: int
    hours: float


class HoursLoanedReport(BaseModel):
    starts_from: datetime = Field(serialization_alias="from")
    starts_before: datetime = Field(serialization_alias="to")
    rows: list[HoursLoaned]
    total_hours: float


@router.post("/space-bookings", response_model=Booking, status_code=201)
async def request_booking(body: NewBooking, deps: Needs, who: Actor) -> Booking:
    return await use.request_booking(deps, body.model_dump(), who)


@router.get("/space-bookings", response_model=Page[Booking])
async def list_bookings(
    deps: Needs, page: PageRequest = Depends(page_request), space_id: UUID | None = None,
    partner_id: UUID | None = None, status: BookingStatus | None = None,
    starts_from: IsoDateTime | None = Query(None, alias="from"), starts_before: IsoDateTime | None = Query(None, alias="to"),
) -> Page[Booking]:
    async with deps.pool.acquire() as conn:
        rows = await bookings.list_bookings(conn, space_id=space_id, partner_id=partner_id, status=status,
                                            starts_from=starts_from, starts_before=starts_before, after=page.after,
                                            limit=page.limit)
    return make_page(rows, page.limit, sort_key=sort_key)


@router.get("/space-bookings/{booking_id}", response_model=Booking)
async def get_booking(booking_id: UUID, deps: Needs) -> Booking:
    return await use.get_booking(deps, booking_id)


@router.post("/space-bookings/{booking_id}/decision", response_model=Booking)
async def decide(booking_id: UUID, body: Decision, deps: Needs, who: Actor) -> Booking:
    return await use.decide(deps, booking_id, BookingStatus(body.decision), body.reason, who)


@router.post("/space-bookings/{booking_id}/cancellation", response_model=Booking)
async def cancel(booking_id: UUID, body: Cancellation, deps: Needs, who: Actor) -> Booking:
    return await use.cancel(deps, booking_id, body.reason, who)


@router.get("/reports/space-loans", response_model=HoursLoanedReport, response_model_by_alias=True)
async def hours_loaned(deps: Needs, starts_from: IsoDateTime = Query(alias="from"),
                       starts_before: IsoDateTime = Query(alias="to"),
                       partner_id: UUID | None = None) -> HoursLoanedReport:
    """Hours of space loaned to community organizations for their own classes, by organization and month."""
    rows = [HoursLoaned.model_validate(r) for r in await use.hours_loaned(deps, starts_from, starts_before, partner_id)]
    return HoursLoanedReport(starts_from=starts_from, starts_before=starts_before, rows=rows,
                             total_hours=round(sum(r.hours for r in rows), 2))
