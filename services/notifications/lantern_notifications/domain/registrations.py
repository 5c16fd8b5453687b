"""A patron's place in a session, as notifications keeps it to follow a session that moves."""

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel


class HeldPlace(BaseModel):
    """A patron's registration for a session, as registration last told: what a moved session must update."""

    id: UUID
    session_id: UUID
    patron_id: UUID
    status: str  # confirmed | waitlisted | cancelled
    session_title: str
    starts_at: datetime
    ends_at: datetime
    timezone: str
    place_name: str

    @property
    def group_key(self) -> str:
        """What its messages are grouped under, so they can be cancelled with it."""
        return f"registration:{self.id}"
