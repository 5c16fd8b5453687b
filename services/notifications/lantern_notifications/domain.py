"""Notifications' rules, free of I/O."""

from uuid import UUID

from pydantic import BaseModel


class Recipient(BaseModel):
    """Someone Lantern may write to: contact points and language, from events. Never logged."""

    id: UUID
    kind: str
    name: str
    email: str | None
    phone: str | None
    language: str
    consent_to_contact: bool
