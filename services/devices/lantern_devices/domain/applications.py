"""An application to the long-loan programme: the short form, its priority score and where it stands."""

from datetime import datetime
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel

from .devices import DeviceKind


class Need(StrEnum):
    """What the device is for, in the programme's categories (a choice, not free text: less to keep, easy to count)."""

    JOB_SEARCH = "job_search"
    SCHOOL = "school"
    HEALTH = "health"
    BENEFITS = "benefits"
    STAYING_IN_TOUCH = "staying_in_touch"
    OTHER = "other"


class ApplicationStatus(StrEnum):
    WAITING = "waiting"
    OFFERED = "offered"
    SERVED = "served"
    LAPSED = "lapsed"  # an offer was not picked up in time
    WITHDRAWN = "withdrawn"


OPEN = frozenset({ApplicationStatus.WAITING, ApplicationStatus.OFFERED})


class SubmittedBy(StrEnum):
    PATRON = "patron"
    PARTNER = "partner"  # on the patron's behalf, with their consent
    STAFF = "staff"


class Application(BaseModel):
    id: UUID
    patron_id: UUID | None  # None once the patron is erased; the row stays for the programme's counts
    device_kind: DeviceKind
    need: Need
    internet_at_home: bool
    household_size: int
    preferred_language: str
    postcode: str | None = None
    referring_partner_id: UUID | None = None
    partner_may_be_told: bool = False
    submitted_by: SubmittedBy
    priority: int
    status: ApplicationStatus
    applied_at: datetime
    served_at: datetime | None = None
    closed_at: datetime | None = None
    loan_id: UUID | None = None
    created_at: datetime


def waiting_order(application: Application) -> tuple[int, datetime, str]:
    """The waiting list's order: highest priority first, then the earliest application (then the id, to be total)."""
    return (-application.priority, application.applied_at, str(application.id))


def submitted_by(actor: str) -> SubmittedBy:
    """Who filled in the form, from the actor the edge names ("partner:…", "patron:…", staff otherwise)."""
    role = actor.split(":", 1)[0]
    return SubmittedBy(role) if role in (SubmittedBy.PATRON, SubmittedBy.PARTNER) else SubmittedBy.STAFF
