"""Recipients: whom Lantern may write to, how they can be reached, and the channels a message goes out on."""

from uuid import UUID

from pydantic import BaseModel

from .messages import Channel
from .preferences import Preferences


class Recipient(BaseModel):
    """Someone Lantern may write to: contact points and language, from events. Never logged."""

    id: UUID
    kind: str  # patron | partner_contact | staff
    name: str
    email: str | None
    phone: str | None
    language: str
    consent_to_contact: bool
    partner_id: UUID | None = None
    email_invalid: bool = False
    phone_invalid: bool = False

    def reachable(self) -> set[Channel]:
        channels = set()
        if self.email and not self.email_invalid:
            channels.add(Channel.EMAIL)
        if self.phone and not self.phone_invalid:
            channels.add(Channel.SMS)
        if self.kind == "patron":
            channels.add(Channel.IN_APP)  # the patron reads it through the edge
        return channels


def choose_channels(recipient: Recipient, preferences: Preferences) -> list[Channel]:
    """The channels a message goes out on; empty when the recipient cannot be reached as they chose."""
    reachable = recipient.reachable()
    if preferences.channels is not None:
        return [c for c in preferences.channels if c in reachable]
    chosen = []
    if Channel.EMAIL in reachable:
        chosen.append(Channel.EMAIL)
    elif Channel.SMS in reachable:
        chosen.append(Channel.SMS)
    if Channel.IN_APP in reachable:
        chosen.append(Channel.IN_APP)
    return chosen
