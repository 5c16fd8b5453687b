"""Borrowers: patrons and partners as devices knows them, and their standing."""

from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel


class BorrowerKind(StrEnum):
    PATRON = "patron"
    PARTNER = "partner"


class BorrowerStatus(StrEnum):
    ACTIVE = "active"
    BLOCKED = "blocked"
    LAPSED = "lapsed"
    ERASED = "erased"
    PROSPECT = "prospect"


class Borrower(BaseModel):
    """Devices' own view of someone who may borrow: built from events, never fetched from another service."""

    id: UUID
    kind: BorrowerKind
    status: BorrowerStatus
    blocked_reason: str | None = None
