"""Registrations, attendance, feedback and incentives as patrons and staff see them."""

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator

from lantern_shared.models import RequestModel

from .programs import Slug

RegistrationStatus = Literal["confirmed", "waitlisted", "cancelled"]
CancelReason = Literal["patron_cancelled", "left_waitlist", "session_cancelled", "staff_cancelled"]
Attendance = Literal["attended", "no_show"]
CheckInMethod = Literal["staff", "kiosk"]


class Registration(BaseModel):
    id: UUID
    session_id: UUID
    patron_id: UUID
    status: RegistrationStatus
    waitlist_position: int | None = Field(default=None, description="1 is next in line; only while waitlisted")
    registered_at: datetime
    confirmed_at: datetime | None = None
    cancelled_at: datetime | None = None
    cancel_reason: CancelReason | None = None
    attendance: Attendance | None = None
    series_registration_id: UUID | None = Field(default=None, description="Held as part of a whole-series registration")


class RegistrationRequest(RequestModel):
    patron_id: UUID


class CancellationRequest(RequestModel):
    by: Literal["patron", "staff"] = "patron"


def cancel_reason(was: RegistrationStatus, by: Literal["patron", "staff"]) -> CancelReason:
    if by == "staff":
        return "staff_cancelled"
    return "left_waitlist" if was == "waitlisted" else "patron_cancelled"


class SessionCancellation(RequestModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    reason: str = Field(min_length=1, max_length=300, examples=["Instructor unwell"])


class CheckIn(RequestModel):
    patron_id: UUID
    checked_in_at: AwareDatetime | None = Field(default=None, description="Now when absent (e.g. from a paper sign-in sheet)")


class AttendanceRecord(BaseModel):
    session_id: UUID
    patron_id: UUID
    registration_id: UUID | None
    checked_in_at: datetime
    method: CheckInMethod


# ---- feedback, shaped on PLA Project Outcome's standard survey --------------------------------------------

AgreeScale = Annotated[int, Field(ge=1, le=5, description="1 strongly disagree … 5 strongly agree")]
Skill = Annotated[str, Field(min_length=1, max_length=80, pattern=r"\S")]  # not only spaces: a wish names a skill


class FeedbackForm(RequestModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    patron_id: UUID
    knowledge: AgreeScale = Field(description="I learned something new")
    confidence: AgreeScale = Field(description="I feel more confident about what I learned")
    application: AgreeScale = Field(description="I intend to apply what I learned")
    awareness: AgreeScale = Field(description="I am more aware of resources and services the library provides")
    liked_most: str | None = Field(default=None, max_length=2000)
    could_be_better: str | None = Field(default=None, max_length=2000)
    wants_to_learn: list[Skill] = Field(default_factory=list, max_length=10)

    @field_validator("wants_to_learn")
    @classmethod
    def _normalised(cls, skills: list[str]) -> list[str]:
        # Lower-cased and de-duplicated so "Excel" and "excel " count as one wish in the report.
        # A wish that is only spaces (of any script) names nothing and is dropped.
        return list(dict.fromkeys(wish for s in skills if (wish := " ".join(s.lower().split()))))

    @property
    def rating(self) -> int:
        """One 1–5 figure for listeners who want a single number: the rounded mean of the four outcomes."""
        scores = (self.knowledge, self.confidence, self.application, self.awareness)
        return max(1, min(5, int(sum(scores) / len(scores) + 0.5)))


class FollowUp(RequestModel):
    """The optional follow-up survey some weeks later."""

    model_config = ConfigDict(str_strip_whitespace=True)

    applied: Literal["yes", "partly", "no"] = Field(description="Have you applied what you learned?")
    comment: str | None = Field(default=None, max_length=2000)


class Feedback(BaseModel):
    id: UUID
    session_id: UUID
    patron_id: UUID
    knowledge: int
    confidence: int
    application: int
    awareness: int
    liked_most: str | None
    could_be_better: str | None
    wants_to_learn: list[str]
    submitted_at: datetime
    follow_up_applied: Literal["yes", "partly", "no"] | None = None
    follow_up_comment: str | None = None
    followed_up_at: datetime | None = None


# ---- incentives ------------------------------------------------------------------------------------------

class MilestoneDetails(RequestModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    sessions_required: int = Field(ge=1, le=1000)
    reward: str = Field(min_length=1, max_length=200, examples=["certificate"])


class Milestone(MilestoneDetails):
    code: Slug


class Standing(BaseModel):
    """A patron's incentive standing: sessions attended, points, milestones earned."""

    patron_id: UUID
    sessions_attended: int
    points: int
    milestones: list[str]


def milestones_reached(sessions_attended: int, milestones: list[Milestone]) -> list[Milestone]:
    return [m for m in milestones if m.sessions_required <= sessions_attended]
