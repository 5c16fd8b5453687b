"""Events the notifications service consumes (its own copies: only the fields it reads)."""

from uuid import UUID

from lantern_shared.contracts import EventData, topic_name

PATRONS_TOPIC = topic_name("registration", "patrons")


class PatronEnrolled(EventData):
    patron_id: UUID
    name: str
    email: str | None = None
    phone: str | None = None
    preferred_language: str
    consent_to_contact: bool

# Nothing is published yet.
PUBLISHED: list = []
