"""The in-app inbox: messages a patron reads through the edge."""

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel


class InboxMessage(BaseModel):
    id: UUID
    seq: int
    message: str
    subject: str
    body: str
    created_at: datetime
    read_at: datetime | None
