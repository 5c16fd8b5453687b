"""Staff set the programme's rules for a kind of device: eligibility, priority points and its terms."""

from typing import TYPE_CHECKING

from lantern_shared.refusals import not_found

from ..domain.devices import DeviceKind
from ..domain.eligibility import ProgrammeRules
from ..store import eligibility

if TYPE_CHECKING:
    from ..deps import Deps


async def set_rules(deps: "Deps", kind: DeviceKind, rules: ProgrammeRules, actor: str) -> ProgrammeRules:
    """New rules score applications made from now on; those already waiting keep the score they were given."""
    async with deps.uow() as work:
        return await eligibility.put_rules(work.conn, kind, rules, actor)


async def get_rules(deps: "Deps", kind: DeviceKind) -> ProgrammeRules:
    async with deps.pool.acquire() as conn:
        rules = await eligibility.get_rules(conn, kind)
    if rules is None:
        raise not_found("programme_rules", kind)
    return rules
