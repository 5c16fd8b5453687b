"""An offer of one unit to the applicant at the head of the waiting list, open for a pickup window."""

from datetime import datetime
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel

from .devices import DeviceKind


class OfferStatus(StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"  # picked up: a programme loan started
    LAPSED = "lapsed"  # the pickup window passed; the unit went to the next applicant
    WITHDRAWN = "withdrawn"  # the application was withdrawn or the patron erased


class Offer(BaseModel):
    id: UUID
    application_id: UUID
    patron_id: UUID | None
    device_id: UUID
    device_kind: DeviceKind
    pickup_branch: str
    offered_at: datetime
    pickup_until: datetime
    status: OfferStatus
    closed_at: datetime | None = None
    loan_id: UUID | None = None
    created_at: datetime
