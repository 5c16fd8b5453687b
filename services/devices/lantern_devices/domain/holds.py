"""A borrower's place in the queue for a kind of device."""

from datetime import datetime
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel

from .borrowers import BorrowerKind
from .devices import DeviceKind


class HoldStatus(StrEnum):
    WAITING = "waiting"
    READY = "ready"
    FULFILLED = "fulfilled"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


LIVE = frozenset({HoldStatus.WAITING, HoldStatus.READY})


class Hold(BaseModel):
    id: UUID
    device_kind: DeviceKind
    borrower_kind: BorrowerKind
    borrower_id: UUID | None
    pickup_branch: str | None = None
    status: HoldStatus
    device_id: UUID | None = None
    ready_until: datetime | None = None
    placed_at: datetime
    closed_at: datetime | None = None
    created_at: datetime
