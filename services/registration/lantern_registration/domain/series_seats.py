"""Whole-series seats: a series registration holds a seat in every upcoming occurrence, waits and moves up as one."""

from collections.abc import Sequence
from datetime import datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, Field

from .participation import RegistrationStatus


class SeriesRegistration(BaseModel):
    id: UUID
    series_id: UUID
    patron_id: UUID
    status: RegistrationStatus
    waitlist_position: int | None = Field(default=None, description="1 is next in line; only while waitlisted")
    occurrences_held: int = Field(description="Occurrences in which this registration holds a seat or a place")
    registered_at: datetime
    confirmed_at: datetime | None = None
    cancelled_at: datetime | None = None
    cancel_reason: str | None = None


def seat_in_every(capacities: Sequence[tuple[int, int]], anyone_waiting: bool) -> Literal["confirmed", "waitlisted"]:
    """(capacity, confirmed) of each upcoming occurrence: a seat only if every one has a free seat and nobody is
    already waiting (a newcomer never overtakes the waitlist)."""
    if anyone_waiting or any(confirmed >= capacity for capacity, confirmed in capacities):
        return "waitlisted"
    return "confirmed"
