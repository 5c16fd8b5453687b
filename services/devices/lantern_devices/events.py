"""Events the devices service consumes (its own copies: only the fields it reads)."""

from uuid import UUID

from lantern_shared.contracts import EventData, topic_name

PATRONS_TOPIC = topic_name("registration", "patrons")


class PatronEnrolled(EventData):
    patron_id: UUID

# Nothing is published yet.
PUBLISHED: list = []
