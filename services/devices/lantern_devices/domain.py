"""Devices' rules, free of I/O: device states, lending policy, borrower eligibility, reservation allocation."""

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel, Field


class DeviceKind(StrEnum):
    HOTSPOT = "hotspot"
    LAPTOP = "laptop"
    CHROMEBOOK = "chromebook"
    TABLET = "tablet"
    TRAINING_KIT = "training_kit"


class DeviceState(StrEnum):
    AVAILABLE = "available"
    ON_LOAN = "on_loan"
    RESERVED = "reserved"  # set aside for the borrower at the head of the hold queue
    QUARANTINED = "quarantined"  # returned, awaiting a confirmed wipe
    IN_MAINTENANCE = "in_maintenance"
    LOST = "lost"
    RETIRED = "retired"


class BorrowerKind(StrEnum):
    PATRON = "patron"
    PARTNER = "partner"


class BorrowerStatus(StrEnum):
    ACTIVE = "active"
    BLOCKED = "blocked"
    LAPSED = "lapsed"
    ERASED = "erased"
    PROSPECT = "prospect"


class HoldStatus(StrEnum):
    WAITING = "waiting"
    READY = "ready"
    FULFILLED = "fulfilled"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


class ReservationStatus(StrEnum):
    RESERVED = "reserved"
    FAILED = "failed"
    RELEASED = "released"


class DomainError(Exception):
    """A request the rules refuse; `reason` is a stable machine-readable code, the message is for people."""

    def __init__(self, reason: str, message: str, status: int = 409, *, field: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.status = status
        self.field = field  # the request field at fault, for 422s


S = DeviceState
# Which state may follow which. Lending, returns, holds and wipes drive the first four; staff the rest.
TRANSITIONS: dict[DeviceState, frozenset[DeviceState]] = {
    S.AVAILABLE: frozenset({S.ON_LOAN, S.RESERVED, S.IN_MAINTENANCE, S.LOST, S.RETIRED}),
    S.RESERVED: frozenset({S.ON_LOAN, S.AVAILABLE, S.IN_MAINTENANCE, S.LOST}),
    S.ON_LOAN: frozenset({S.QUARANTINED, S.LOST}),
    S.QUARANTINED: frozenset({S.AVAILABLE, S.RESERVED, S.IN_MAINTENANCE, S.LOST, S.RETIRED}),
    S.IN_MAINTENANCE: frozenset({S.AVAILABLE, S.QUARANTINED, S.LOST, S.RETIRED}),
    S.LOST: frozenset({S.QUARANTINED, S.RETIRED}),  # a lost device that turns up is wiped before anything else
    S.RETIRED: frozenset(),
}
# What staff may set by hand; the rest follow from lending, returning, holds and confirmed wipes.
MANUAL_TARGETS = frozenset({S.IN_MAINTENANCE, S.LOST, S.RETIRED, S.AVAILABLE, S.QUARANTINED})


def check_transition(current: DeviceState, target: DeviceState) -> None:
    if target not in TRANSITIONS[current]:
        raise DomainError("transition_not_allowed", f"a device that is {current} cannot become {target}")


def check_manual_transition(current: DeviceState, target: DeviceState) -> None:
    if target not in MANUAL_TARGETS:
        raise DomainError("transition_not_manual", f"{target} is set by lending, holds and reservations, not by hand",
                          422, field="to_state")
    if current is S.QUARANTINED and target is S.AVAILABLE:
        raise DomainError("wipe_not_confirmed", "a quarantined device becomes available only when its wipe is confirmed")
    check_transition(current, target)


class KitItem(BaseModel):
    item: str = Field(min_length=1, max_length=100)
    count: int = Field(default=1, ge=1)


def unknown_accessories(contents: Iterable[KitItem], missing: Iterable[str]) -> list[str]:
    """Missing accessories must be named from the device's kit list."""
    listed = {c.item for c in contents}
    return [m for m in missing if m not in listed]


class Borrower(BaseModel):
    """Devices' own view of someone who may borrow: built from events, never fetched from another service."""

    id: UUID
    kind: BorrowerKind
    status: BorrowerStatus
    blocked_reason: str | None = None


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
                raise DomainError("due_in_past", "the due date must be in the future", 422, field="due_at")
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
) -> DomainError | None:
    """Why this borrower may not take one more device of this kind now, or None."""
    if borrower is None:
        return DomainError("borrower_unknown", "this borrower is not known to devices (no enrolment or partner event yet)")
    if borrower.status is BorrowerStatus.ERASED:
        return DomainError("borrower_erased", "this patron's record was erased; they cannot borrow")
    if borrower.status is BorrowerStatus.LAPSED:
        return DomainError("partner_lapsed", "this partner's partnership has lapsed; it cannot borrow")
    if borrower.status is BorrowerStatus.PROSPECT:
        return DomainError("partner_not_active", "this partner is not yet active; it cannot borrow")
    if borrower.status is BorrowerStatus.BLOCKED:
        return DomainError("borrower_blocked", f"borrowing is blocked: {borrower.blocked_reason or 'by staff'}")
    if any(policy.blocks_borrowing(loan.due_at, now) for loan in open_loans):
        return DomainError("long_overdue", "this borrower has a long-overdue device; it must come back first")
    if borrower.kind is BorrowerKind.PATRON and not emergency:
        limit = policy.patron_limit_per_kind.get(kind, 1)
        if sum(1 for loan in open_loans if loan.device_kind is kind) >= limit:
            return DomainError("limit_reached", f"a patron may borrow {limit} {kind} at a time")
    return None


def renewal_refusal(renewals: int, holds_waiting: int, policy: LendingPolicy, kind: DeviceKind) -> DomainError | None:
    if renewals >= policy.max_renewals:
        return DomainError("renewal_limit", f"this loan was already renewed {renewals} times (limit {policy.max_renewals})")
    if holds_waiting:
        return DomainError("holds_waiting", f"someone is waiting for a {kind}; this loan cannot be renewed")
    return None


def allocate(requested: Mapping[str, int], free: Mapping[str, list[UUID]]) -> tuple[dict[str, list[UUID]], dict[str, int]]:
    """All or nothing: the devices to reserve for each kind, or (if any kind is short) how many are missing of each.

    A partly equipped session is no use to its trainer, and holding half the units would starve other sessions.
    """
    missing = {kind: count - len(free.get(kind, [])) for kind, count in requested.items() if count > len(free.get(kind, []))}
    if missing:
        return {}, missing
    return {kind: list(free.get(kind, []))[:count] for kind, count in requested.items() if count > 0}, {}


# ---- what the store returns and the API shows ---------------------------------------------------------------

class Device(BaseModel):
    id: UUID
    kind: DeviceKind
    asset_tag: str
    serial: str
    home_branch: str
    model: str | None = None
    contents: list[KitItem] = []
    emergency_pool: bool = False
    state: DeviceState
    last_seen_at: datetime | None = None
    created_at: datetime
    updated_at: datetime


class StateChange(BaseModel):
    from_state: DeviceState | None
    to_state: DeviceState
    reason: str
    actor: str
    changed_at: datetime


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
    created_at: datetime


class Hold(BaseModel):
    id: UUID
    device_kind: DeviceKind
    borrower_kind: BorrowerKind
    borrower_id: UUID | None
    pickup_branch: str | None = None
    status: HoldStatus
    device_id: UUID | None = None
    ready_until: datetime | None = None
    placed_at: datetime
    closed_at: datetime | None = None
    created_at: datetime


class Reservation(BaseModel):
    id: UUID
    purpose: str
    partner_id: UUID | None = None
    starts_at: datetime
    ends_at: datetime
    requested: dict[str, int]
    missing: dict[str, int] = {}
    status: ReservationStatus
    device_ids: list[UUID] = []
    created_at: datetime
    updated_at: datetime
