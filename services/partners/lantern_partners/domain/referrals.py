"""Referrals: the outcomes a referral goes through, and the need it is for."""

from typing import Literal, get_args

from lantern_shared.refusals import conflict

from .records import Service

ReferralOutcome = Literal["pending", "contacted", "served", "declined"]
REFERRAL_OUTCOMES: tuple[str, ...] = get_args(ReferralOutcome)
_OUTCOME_STEPS: dict[str, frozenset[str]] = {
    "pending": frozenset({"contacted", "served", "declined"}),
    "contacted": frozenset({"served", "declined"}),
    "served": frozenset(),
    "declined": frozenset(),
}


def check_outcome(current: str, target: str) -> None:
    if target not in _OUTCOME_STEPS[current]:
        if not _OUTCOME_STEPS[current]:
            raise conflict("referral_closed", f"the referral is already {current}")
        raise conflict("outcome_not_allowed", f"a {current} referral cannot become {target}")


def choose_need(service: Service, asked: str | None) -> str:
    if asked is not None:
        if asked not in service.needs:
            raise conflict("need_not_met_by_service", f"{service.name} does not list {asked!r} among the needs it meets")
        return asked
    if not service.needs:
        raise conflict("need_required", f"{service.name} lists no needs; say which need the referral is for")
    return service.needs[0]

