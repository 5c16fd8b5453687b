"""Events the partners service publishes, and its own copies of the events it consumes (only the fields it reads)."""

from datetime import date, datetime
from typing import Any, Literal
from uuid import UUID

from pydantic import RootModel

from lantern_shared.contracts import EventContract, EventData, topic_name

PARTNERS_TOPIC = topic_name("partners", "partners")
AGREEMENTS_TOPIC = topic_name("partners", "agreements")
REFERRALS_TOPIC = topic_name("partners", "referrals")
BROADCASTS_TOPIC = topic_name("partners", "broadcasts")


class PartnerContact(EventData):
    contact_id: UUID
    name: str
    role: str | None = None
    email: str | None = None
    phone: str | None = None
    language: str


class PartnerRegistered(EventData):
    partner_id: UUID
    name: str
    kind: str
    status: Literal["prospect", "active", "lapsed"]
    contacts: list[PartnerContact]


class PartnerUpdated(PartnerRegistered):
    """The partner's full current state after any change (record, contacts or status)."""


class PartnerActivated(EventData):
    partner_id: UUID
    name: str


class PartnerLapsed(EventData):
    partner_id: UUID
    name: str
    reason: str


class AgreementSigned(EventData):
    agreement_id: UUID
    partner_id: UUID
    kind: str
    starts_on: date
    ends_on: date | None = None


class AgreementEnded(EventData):
    agreement_id: UUID
    partner_id: UUID
    kind: str
    ended_on: date


class SharedWithPartner(EventData):
    first_name: str
    email: str | None = None
    phone: str | None = None


class ReferralCreated(EventData):
    referral_id: UUID
    patron_id: UUID
    partner_id: UUID
    service_id: UUID
    service_name: str
    need: str
    contact_id: UUID | None = None
    shared_with_partner: SharedWithPartner
    partner_name: str | None = None


class PartnerChangeProposed(EventData):
    """A partner contact proposed a change to their organization's record; staff review it."""

    proposal_id: UUID
    partner_id: UUID
    name: str


class PartnerChangeReviewed(EventData):
    """Staff applied or rejected a proposed change (applied: `partner.updated` follows when others' data changed)."""

    proposal_id: UUID
    partner_id: UUID
    name: str
    decision: Literal["applied", "rejected"]
    assured_on: date | None = None


class ReferralStatusChanged(EventData):
    """A referral's status, as the referrer, the partner or the patron reported it (closing the loop)."""

    referral_id: UUID
    partner_id: UUID
    service_id: UUID
    status: Literal["contacted", "served", "declined", "no_response"]
    previous_status: str
    party: Literal["referrer", "partner", "patron"]
    changed_at: datetime


class BroadcastRequested(EventData):
    broadcast_id: UUID
    list_id: UUID
    category: Literal["programme_news", "broadcast"]
    subject: dict[str, str]
    body: dict[str, str]
    fallback_language: str
    contact_ids: list[UUID]


PARTNER_REGISTERED = EventContract("lantern.partner.registered", PartnerRegistered, PARTNERS_TOPIC)
PARTNER_UPDATED = EventContract("lantern.partner.updated", PartnerUpdated, PARTNERS_TOPIC)
PARTNER_ACTIVATED = EventContract("lantern.partner.activated", PartnerActivated, PARTNERS_TOPIC)
PARTNER_LAPSED = EventContract("lantern.partner.lapsed", PartnerLapsed, PARTNERS_TOPIC)
AGREEMENT_SIGNED = EventContract("lantern.agreement.signed", AgreementSigned, AGREEMENTS_TOPIC)
AGREEMENT_ENDED = EventContract("lantern.agreement.ended", AgreementEnded, AGREEMENTS_TOPIC)
REFERRAL_CREATED = EventContract(
    "lantern.referral.created", ReferralCreated, REFERRALS_TOPIC,
    personal=("shared_with_partner.first_name", "shared_with_partner.email", "shared_with_partner.phone"),
)
BROADCAST_REQUESTED = EventContract("lantern.broadcast.requested", BroadcastRequested, BROADCASTS_TOPIC)
PARTNER_CHANGE_PROPOSED = EventContract("lantern.partner.change_proposed", PartnerChangeProposed, PARTNERS_TOPIC)
PARTNER_CHANGE_REVIEWED = EventContract("lantern.partner.change_reviewed", PartnerChangeReviewed, PARTNERS_TOPIC)
REFERRAL_STATUS_CHANGED = EventContract("lantern.referral.status_changed", ReferralStatusChanged, REFERRALS_TOPIC)

PUBLISHED: list[EventContract[Any]] = [
    PARTNER_REGISTERED, PARTNER_UPDATED, PARTNER_ACTIVATED, PARTNER_LAPSED,
    AGREEMENT_SIGNED, AGREEMENT_ENDED, REFERRAL_CREATED, BROADCAST_REQUESTED,
    PARTNER_CHANGE_PROPOSED, PARTNER_CHANGE_REVIEWED, REFERRAL_STATUS_CHANGED,
]

# --- consumed ---------------------------------------------------------------------------------------------

PATRONS_TOPIC = topic_name("registration", "patrons")
LOANS_TOPIC = topic_name("devices", "loans")
PARTNER_UPDATES_TOPIC = "lantern.inbound.partner-updates"


class PatronChanged(EventData):
    """lantern.patron.enrolled / lantern.patron.updated: the full current state of a patron."""

    patron_id: UUID
    name: str
    email: str | None = None
    phone: str | None = None
    consent_to_referral: bool


class PatronErased(EventData):
    patron_id: UUID


DeviceKind = Literal["hotspot", "laptop", "chromebook", "tablet", "training_kit"]


class Borrower(EventData):
    kind: Literal["patron", "partner"]
    id: UUID


class LoanStarted(EventData):
    loan_id: UUID
    device_kind: DeviceKind
    borrower: Borrower
    started_at: datetime | None = None


class LoanReturned(EventData):
    loan_id: UUID
    device_kind: DeviceKind
    borrower: Borrower
    returned_at: datetime | None = None


class HsdsOrganizationUpdated(RootModel[dict[str, Any]]):
    """An HSDS 3.0 organization object; validated against the HSDS schema by the handler."""
