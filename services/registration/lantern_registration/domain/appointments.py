"""One-to-one help: appointment slots with a staff member or volunteer, each booked by one patron.

Resume and job-application help, tech help and mentoring meetings are not program sessions: the Public Libraries
Survey leaves them out of program counts, so they live apart and are reported apart."""

from datetime import datetime
from typing import Literal
from uuid import UUID

from pydantic import AwareDatetime, ConfigDict, Field, model_validator

from lantern_shared.fields import LanguageTag, TimeZoneName
from lantern_shared.models import RequestModel

from .programs import SessionFormat

AppointmentKind = Literal["resume_help", "job_application_help", "tech_help", "mentoring"]
SlotStatus = Literal["open", "booked", "cancelled"]


class SlotDetails(RequestModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    kind: AppointmentKind
    helper_name: str = Field(min_length=1, max_length=120, description="The staff member or volunteer helping")
    helper_role: Literal["staff", "volunteer"] = "staff"
    branch: str = Field(min_length=1, max_length=120)
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    timezone: TimeZoneName
    format: SessionFormat = "in_person_on_site"
    languages: list[LanguageTag] = Field(min_length=1, max_length=10)

    @model_validator(mode="after")
    def _coherent(self) -> "SlotDetails":
        if self.ends_at <= self.starts_at:
            raise ValueError("ends_at must be after starts_at")
        return self


class Slot(SlotDetails):
    id: UUID
    status: SlotStatus
    patron_id: UUID | None = None
    booked_at: datetime | None = None
    attendance: Literal["attended", "no_show"] | None = None
    created_at: datetime


class Booking(RequestModel):
    patron_id: UUID


class AppointmentAttendance(RequestModel):
    attended: bool


def booking_refusal(slot: Slot, now: datetime) -> tuple[str, str] | None:
    if slot.status == "cancelled":
        return "slot_cancelled", "This appointment slot has been withdrawn."
    if now >= slot.starts_at:
        return "slot_started", "This appointment slot has already begun."
    if slot.status == "booked":
        return "slot_taken", "Someone has already booked this appointment slot."
    return None
