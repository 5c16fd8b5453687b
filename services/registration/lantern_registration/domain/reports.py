"""Programme reports: what outreach staff and the annual Public Libraries Survey ask for."""

from datetime import date
from uuid import UUID

from pydantic import BaseModel, Field


def rate(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


class Outcomes(BaseModel):
    """Mean agreement (1–5) with PLA Project Outcome's four standard statements."""

    responses: int
    knowledge: float | None
    confidence: float | None
    application: float | None
    awareness: float | None
    follow_ups: dict[str, int] = Field(description="Follow-up answers to 'did you apply it?': yes, partly, no")


class SkillWish(BaseModel):
    skill: str
    patrons: int


class Turnout(BaseModel):
    key: str
    sessions_held: int | None = None
    registrants: int | None = None
    attended: int


class ProgramReport(BaseModel):
    program_id: UUID
    kind: str
    title: str
    age_group: str
    audience_tags: list[str]
    period_from: date | None
    period_to: date | None
    sessions_held: int = Field(description="Completed sessions (cancelled ones are not held)")
    sessions_cancelled: int
    seats_offered: int
    seats_filled: int
    attended: int
    no_shows: int
    fill_rate: float | None
    attendance_rate: float | None = Field(description="Attended among confirmed registrants")
    outcomes: Outcomes
    most_wanted_skills: list[SkillWish]
    by_language: list[Turnout] = Field(description="By the preferred language of the registrant")


class PlsFigures(BaseModel):
    """Program sessions and attendance as the Public Libraries Survey counts them, plus the splits staff ask for."""

    period_from: date
    period_to: date
    sessions_by_age_group: dict[str, int]
    attendance_by_age_group: dict[str, int]
    virtual_sessions: int = Field(description="Live online sessions (counted within the figures above)")
    virtual_attendance: int
    by_audience_tag: list[Turnout]
    by_language_of_instruction: list[Turnout]
