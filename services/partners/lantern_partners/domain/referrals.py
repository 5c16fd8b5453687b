"""Referrals: the outcomes a referral goes through, and the need it is for."""

from typing import Literal, get_args

from lantern_shared.refusals import conflict, forbidden

from .records import Service

ReferralOutcome = Literal["pending", "contacted", "served", "declined", "no_response"]
REFERRAL_OUTCOMES: tuple[str, ...] = get_args(ReferralOutcome)
ReportedStatus = Literal["contacted", "served", "declined", "no_response"]
Party = Literal["referrer", "partner", "patron"]
# "No response" is not the end: a partner who reaches the patron later says so.
_OUTCOME_STEPS: dict[str, frozenset[str]] = {
    "pending": frozenset({"contacted", "served", "declined", "no_response"}),
    "contacted": frozenset({"served", "declined", "no_response"}),
    "no_response": frozenset({"contacted", "served", "declined"}),
    "served": frozenset(),
    "declined": frozenset(),
}
# Who closes the loop, by the role the edge names in the actor ("staff:<subject>"): the referrer (library staff),
# the partner the patron was referred to, and the patron. The edge confines a partner and a patron to their own.
_PARTIES: dict[str, Party] = {"admin": "referrer", "staff": "referrer", "partner": "partner", "patron": "patron"}


def party_of(actor: str) -> Party:
    party = _PARTIES.get(actor.split(":", 1)[0])
    if party is None:
        raise forbidden("not_a_party_to_the_referral",
                        "only the referrer (library staff), the partner or the patron may report a referral's status")
    return party


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

