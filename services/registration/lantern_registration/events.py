"""Events the registration service publishes."""

from uuid import UUID

from lantern_shared.contracts import EventContract, EventData, topic_name

PATRONS_TOPIC = topic_name("registration", "patrons")


class PatronEnrolled(EventData):
    patron_id: UUID
    name: str
    email: str | None = None
    phone: str | None = None
    preferred_language: str
    consent_to_contact: bool
    consent_to_referral: bool


PATRON_ENROLLED = EventContract("lantern.patron.enrolled", PatronEnrolled, PATRONS_TOPIC)

PUBLISHED = [PATRON_ENROLLED]
