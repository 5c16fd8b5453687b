"""A lendable unit and its states: which state may follow which, what staff may set by hand, kit lists."""

from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum
from typing import Literal, get_args
from uuid import UUID

from pydantic import BaseModel, Field

from lantern_shared.models import RequestModel
from lantern_shared.refusals import conflict, invalid


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
# What staff may set by hand; the rest follow from lending, returning, holds and confirmed wipes. A Literal, so a
# request's schema offers only these.
ManualTarget = Literal["in_maintenance", "lost", "retired", "available", "quarantined"]
MANUAL_TARGETS = frozenset(DeviceState(target) for target in get_args(ManualTarget))


def check_transition(current: DeviceState, target: DeviceState) -> None:
    if target not in TRANSITIONS[current]:
        raise conflict("transition_not_allowed", f"a device that is {current} cannot become {target}")


def check_manual_transition(current: DeviceState, target: DeviceState) -> None:
    if target not in MANUAL_TARGETS:
        raise invalid("to_state", f"{target} is set by lending, holds and reservations, not by hand",
                      reason="transition_not_manual")
    if current is S.QUARANTINED and target is S.AVAILABLE:
        raise conflict("wipe_not_confirmed", "a quarantined device becomes available only when its wipe is confirmed")
    check_transition(current, target)


class KitItem(RequestModel):
    """One line of a kit list (also part of request bodies, hence strict)."""

    item: str = Field(min_length=1, max_length=100)
    count: int = Field(default=1, ge=1)


def unknown_accessories(contents: Iterable[KitItem], missing: Iterable[str]) -> list[str]:
    """Missing accessories must be named from the device's kit list."""
    listed = {c.item for c in contents}
    return [m for m in missing if m not in listed]


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
