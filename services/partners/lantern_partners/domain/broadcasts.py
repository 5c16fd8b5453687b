"""Broadcasts to distribution lists: one message in several languages, to one contact per organization."""

from typing import Annotated, Literal
from uuid import UUID

from pydantic import Field, model_validator

from lantern_shared.fields import LanguageTag

from .common import Strict
from .records import Contact, Partner

BroadcastCategory = Literal["programme_news", "broadcast"]


class BroadcastMessage(Strict):
    category: BroadcastCategory = "broadcast"
    subject: dict[LanguageTag, Annotated[str, Field(min_length=1, max_length=300)]] = Field(min_length=1)
    body: dict[LanguageTag, Annotated[str, Field(min_length=1, max_length=20000)]] = Field(min_length=1)
    fallback_language: LanguageTag

    @model_validator(mode="after")
    def _languages(self) -> "BroadcastMessage":
        if set(self.subject) != set(self.body):
            raise ValueError("subject and body must be given in the same languages")
        if self.fallback_language not in self.subject:
            raise ValueError("the fallback language must be one of the languages given")
        return self


def broadcast_contact(partner: Partner, chosen: UUID | None) -> Contact | None:
    """Who at a listed organization receives a broadcast: the contact chosen for the list, else its first."""
    if chosen is not None and (contact := partner.contact(chosen)) is not None:
        return contact
    return partner.contacts[0] if partner.contacts else None

