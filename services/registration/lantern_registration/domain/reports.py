"""Programme reports: what outreach staff and the annual Public Libraries Survey ask for."""

from datetime import date
from typing import Literal
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


class PlaceTurnout(BaseModel):
    key: str = Field(description="The branch's or partner site's name as sessions give it, or 'online'")
    kind: Literal["branch", "partner_site", "online"]
    sessions_held: int
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


class OneToOne(BaseModel):
    kind: str
    booked: int
    attended: int = Field(description="Appointments the patron came to: one-to-one help given")


class PlsFigures(BaseModel):
    """Program sessions and attendance as the Public Libraries Survey counts them, plus the splits staff ask for.

    Synchronous program sessions held in the period, each occurrence of a series counted; a hybrid session once,
    by its in-person format. Age bands: ages_0_5, ages_6_11, ages_12_18, adults (19 and over), general_interest.
    One-to-one help is not a program session: it is reported apart, under `one_to_one`."""

    period_from: date
    period_to: date
    sessions_by_age_group: dict[str, int]
    attendance_by_age_group: dict[str, int]
    sessions_by_format: dict[str, dict[str, int]] = Field(description="format -> age band -> sessions held")
    attendance_by_format: dict[str, dict[str, int]] = Field(description="format -> age band -> attendance")
    hybrid_sessions: int = Field(description="Hybrid sessions (counted once, as in person, in the figures above)")
    virtual_sessions: int = Field(description="Live online sessions (counted within the figures above)")
    virtual_attendance: int
    one_to_one: list[OneToOne] = Field(description="One-to-one help by kind, apart from program sessions")
    by_audience_tag: list[Turnout]
    by_language_of_instruction: list[Turnout]
    by_place: list[PlaceTurnout] = Field(description="Sessions and attendance by branch or partner site (online as one)")
