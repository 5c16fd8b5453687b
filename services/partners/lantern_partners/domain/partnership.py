"""Partnership status (prospect → active → lapsed, and back) and resource-sharing agreements."""

from datetime import date, datetime
from typing import Literal, get_args
from uuid import UUID

from pydantic import ConfigDict, Field, model_validator

from lantern_shared.refusals import conflict

from .common import Strict

_TRANSITIONS: dict[str, frozenset[str]] = {
    "prospect": frozenset({"active"}),
    "active": frozenset({"lapsed"}),
    "lapsed": frozenset({"active"}),
}


def check_status_change(current: str, target: str, reason: str | None) -> None:
    if target == current:
        raise conflict("status_unchanged", f"the partner is already {current}")
    if target not in _TRANSITIONS[current]:
        allowed = " or ".join(sorted(_TRANSITIONS[current]))
        raise conflict("status_change_not_allowed", f"a {current} partner can become {allowed}, not {target}")
    if target == "lapsed" and not (reason and reason.strip()):
        raise conflict("reason_required", "a lapse needs a reason: the partner's contact is told it")


AgreementKind = Literal["expertise", "in_kind", "programming", "workspace", "device_loans", "mobile_training", "joint_grant"]
AGREEMENT_KINDS: tuple[str, ...] = get_args(AgreementKind)


class AgreementTerms(Strict):
    kind: AgreementKind
    starts_on: date
    ends_on: date | None = None
    notes: str = Field(default="", max_length=5000)
    library_contact: str = Field(min_length=1, max_length=200, description="The library staff member who looks after it")

    @model_validator(mode="after")
    def _dates(self) -> "AgreementTerms":
        if self.ends_on is not None and self.ends_on < self.starts_on:
            raise ValueError("ends_on must not be before starts_on")
        return self


class Agreement(AgreementTerms):
    model_config = ConfigDict(extra="ignore")

    id: UUID
    partner_id: UUID
    signed_at: datetime
    ended_on: date | None = None
    end_reason: str | None = None
    signed_by: str = "unspecified"
    ended_by: str | None = None

    def state(self, today: date) -> Literal["upcoming", "active", "ended"]:
        if self.ended_on is not None or agreement_has_run_out(self.ends_on, today):
            return "ended"
        return "upcoming" if self.starts_on > today else "active"


def agreement_has_run_out(ends_on: date | None, today: date) -> bool:
    """An agreement covers its last day; it has ended from the day after."""
    return ends_on is not None and ends_on < today


