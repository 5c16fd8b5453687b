"""Programme rule routes: staff set, and anyone may read, the long-loan programme's rules for a kind of device."""

from typing import Annotated

from fastapi import APIRouter, Depends

from lantern_shared.http import actor
from lantern_shared.models import RequestModel

from ..deps import Needs
from ..domain.devices import DeviceKind
from ..domain.eligibility import ProgrammeRules
from ..handlers import eligibility

router = APIRouter(tags=["programme"])
Actor = Annotated[str, Depends(actor)]


class RulesBody(RequestModel, ProgrammeRules):
    """The whole set of rules for the kind (a PUT replaces them)."""


class RulesView(ProgrammeRules):
    device_kind: DeviceKind


@router.put("/programme-rules/{device_kind}", response_model=RulesView)
async def set_rules(device_kind: DeviceKind, body: RulesBody, deps: Needs, who: Actor) -> RulesView:
    rules = await eligibility.set_rules(deps, device_kind, ProgrammeRules.model_validate(body.model_dump()), who)
    return RulesView(**rules.model_dump(), device_kind=device_kind)


@router.get("/programme-rules/{device_kind}", response_model=RulesView)
async def get_rules(device_kind: DeviceKind, deps: Needs) -> RulesView:
    return RulesView(**(await eligibility.get_rules(deps, device_kind)).model_dump(), device_kind=device_kind)
