"""Partner self-service: a proposed change to an organization's record waits for staff, who apply or reject it."""

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, EmailStr, Field

from lantern_shared.refusals import conflict

from .records import PartnerRecord

ProposalState = Literal["pending", "applied", "rejected"]


class Proposal(BaseModel):
    id: UUID
    partner_id: UUID
    record: PartnerRecord
    note: str | None
    state: ProposalState
    proposed_by: str
    proposed_at: datetime
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None
    review_note: str | None = None
    assured_on: date | None = Field(default=None, description="The services' assured_date set when it was applied")
    assurer_email: EmailStr | None = None


def check_reviewable(proposal: Proposal) -> None:
    if proposal.state != "pending":
        raise conflict("proposal_already_reviewed", f"the proposal was already {proposal.state}")


def check_still_current(proposed_on: str, current: str) -> None:
    """A proposal made on a record that has changed since would undo that change: the partner proposes again."""
    if proposed_on != current:
        raise conflict("record_changed_since_proposal",
                       "the organization's record changed after this proposal was made; reject it and ask for a new one")


def assured(record: PartnerRecord, today: date, assurer_email: str | None) -> PartnerRecord:
    """The record as staff applied it: every service's assured_date is today, and the assurer is named."""
    services = [s.model_copy(update={"verified_on": today, "assurer_email": assurer_email or s.assurer_email})
                for s in record.services]
    return record.model_copy(update={"services": services})
