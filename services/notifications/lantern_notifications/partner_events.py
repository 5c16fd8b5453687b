"""Notifications' own copies of the partners service's events it consumes (only the fields it reads).

The topics they arrive on are in events.py with every other topic notifications reads.
"""

from datetime import date
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict

from lantern_shared.contracts import EventData

# Read as "one of these, or a value added since": a new kind never poisons an event.
AgreementKind = Literal[
    "expertise", "in_kind", "programming", "workspace", "device_loans", "mobile_training", "joint_grant"
] | str


class _Reader(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class PartnerContact(_Reader):
    contact_id: UUID
    name: str
    email: str | None = None
    phone: str | None = None
    language: str


class PartnerRegistered(EventData):
    partner_id: UUID
    name: str
    contacts: list[PartnerContact] = []


class PartnerUpdated(PartnerRegistered):
    pass


class PartnerLapsed(EventData):
    partner_id: UUID
    name: str


class AgreementSigned(EventData):
    agreement_id: UUID
    partner_id: UUID
    kind: AgreementKind
    starts_on: date
    ends_on: date | None = None


class AgreementEnded(EventData):
    agreement_id: UUID
    partner_id: UUID
    kind: AgreementKind
    ended_on: date


class SharedWithPartner(_Reader):
    first_name: str
    email: str | None = None
    phone: str | None = None


class ReferralCreated(EventData):
    referral_id: UUID
    patron_id: UUID
    partner_id: UUID
    service_name: str
    need: str
    contact_id: UUID | None = None
    shared_with_partner: SharedWithPartner


class BroadcastRequested(EventData):
    broadcast_id: UUID
    category: Literal["programme_news", "broadcast"] | str
    subject: dict[str, str]
    body: dict[str, str]
    fallback_language: str
    contact_ids: list[UUID]
