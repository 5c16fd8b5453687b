"""The library's lending rules: loan periods, who may borrow one more device, renewals."""

from datetime import datetime, timedelta
from uuid import UUID

from pydantic import BaseModel, Field

from lantern_shared.refusals import Refusal, conflict, invalid

from .borrowers import Borrower, BorrowerKind, BorrowerStatus
from .devices import DeviceKind


class LendingPolicy(BaseModel):
    """The library's lending rules (from settings)."""

    loan_days: dict[DeviceKind, int] = Field(default_factory=lambda: {
        DeviceKind.HOTSPOT: 7, DeviceKind.LAPTOP: 14, DeviceKind.CHROMEBOOK: 14, DeviceKind.TABLET: 14,
        DeviceKind.TRAINING_KIT: 7,
    })
    partner_loan_days: int = 90  # when the request does not carry the agreement's due date
    max_renewals: int = 2
    patron_limit_per_kind: dict[DeviceKind, int] = Field(default_factory=lambda: {
        DeviceKind.HOTSPOT: 1, DeviceKind.LAPTOP: 1, DeviceKind.CHROMEBOOK: 1, DeviceKind.TABLET: 1,
        DeviceKind.TRAINING_KIT: 1,
    })
    block_after_overdue_days: int = 14
    deactivate_hotspot_after_overdue_days: int = 7
    due_soon_lead: timedelta = timedelta(hours=48)
    hold_pickup: timedelta = timedelta(days=3)
    anonymize_after_clear: timedelta = timedelta(0)

    def due_at(self, kind: DeviceKind, borrower: BorrowerKind, now: datetime, agreed_due: datetime | None = None) -> datetime:
        if agreed_due is not None:
            if agreed_due <= now:
                raise invalid("due_at", "the due date must be in the future", reason="due_in_past")
            return agreed_due
        if borrower is BorrowerKind.PARTNER:
            return now + timedelta(days=self.partner_loan_days)
        return now + self.loan_period(kind)

    def loan_period(self, kind: DeviceKind) -> timedelta:
        return timedelta(days=self.loan_days.get(kind, 14))

    def days_overdue(self, due_at: datetime, now: datetime) -> int:
        return max(0, (now - due_at).days)

    def blocks_borrowing(self, due_at: datetime, now: datetime) -> bool:
        return now - due_at >= timedelta(days=self.block_after_overdue_days)


class OpenLoan(BaseModel):
    """What eligibility needs to know about a borrower's outstanding loan."""

    device_kind: DeviceKind
    due_at: datetime


def borrowing_refusal(
    borrower: Borrower | None, kind: DeviceKind, open_loans: list[OpenLoan], policy: LendingPolicy, now: datetime,
    *, emergency: bool = False,
) -> Refusal | None:
    """Why this borrower may not take one more device of this kind now, or None."""
    if borrower is None:
        return conflict("borrower_unknown", "this borrower is not known to devices (no enrolment or partner event yet)")
    if borrower.status is BorrowerStatus.ERASED:
        return conflict("borrower_erased", "this patron's record was erased; they cannot borrow")
    if borrower.status is BorrowerStatus.LAPSED:
        return conflict("partner_lapsed", "this partner's partnership has lapsed; it cannot borrow")
    if borrower.status is BorrowerStatus.PROSPECT:
        return conflict("partner_not_active", "this partner is not yet active; it cannot borrow")
    if borrower.status is BorrowerStatus.BLOCKED:
        return conflict("borrower_blocked", f"borrowing is blocked: {borrower.blocked_reason or 'by staff'}")
    if any(policy.blocks_borrowing(loan.due_at, now) for loan in open_loans):
        return conflict("long_overdue", "this borrower has a long-overdue device; it must come back first")
    if borrower.kind is BorrowerKind.PATRON and not emergency:
        limit = policy.patron_limit_per_kind.get(kind, 1)
        if sum(1 for loan in open_loans if loan.device_kind is kind) >= limit:
            return conflict("limit_reached", f"a patron may borrow {limit} {kind} at a time")
    return None


def renewal_refusal(renewals: int, holds_waiting: int, policy: LendingPolicy, kind: DeviceKind) -> Refusal | None:
    if renewals >= policy.max_renewals:
        return conflict("renewal_limit", f"this loan was already renewed {renewals} times (limit {policy.max_renewals})")
    if holds_waiting:
        return conflict("holds_waiting", f"someone is waiting for a {kind}; this loan cannot be renewed")
    return None


class Loan(BaseModel):
    id: UUID
    device_id: UUID
    device_kind: DeviceKind
    asset_tag: str
    borrower_kind: BorrowerKind
    borrower_id: UUID | None  # None once anonymized
    started_at: datetime
    due_at: datetime
    renewals: int
    emergency: bool
    returned_at: datetime | None = None
    condition: str | None = None
    missing_accessories: list[str] = []
    cleared_at: datetime | None = None
    anonymized_at: datetime | None = None
    recall_requested_at: datetime | None = None
    deactivation_requested_at: datetime | None = None
    application_id: UUID | None = None  # a programme loan, serving this application
    created_at: datetime
