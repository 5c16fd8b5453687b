"""Units set aside for a session or a partner's training over a time window, all or nothing."""

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel



class ReservationStatus(StrEnum):
    RESERVED = "reserved"
    FAILED = "failed"
    RELEASED = "released"


def allocate(requested: Mapping[str, int], free: Mapping[str, list[UUID]]) -> tuple[dict[str, list[UUID]], dict[str, int]]:
    """All or nothing: the devices to reserve for each kind, or (if any kind is short) how many are missing of each.

    A partly equipped session is no use to its trainer, and holding half the units would starve other sessions.
    """
    missing = {kind: count - len(free.get(kind, [])) for kind, count in requested.items() if count > len(free.get(kind, []))}
    if missing:
        return {}, missing
    return {kind: list(free.get(kind, []))[:count] for kind, count in requested.items() if count > 0}, {}


class Reservation(BaseModel):
    id: UUID
    purpose: str
    partner_id: UUID | None = None
    starts_at: datetime
    ends_at: datetime
    requested: dict[str, int]
    missing: dict[str, int] = {}
    status: ReservationStatus
    device_ids: list[UUID] = []
    created_at: datetime
    updated_at: datetime
