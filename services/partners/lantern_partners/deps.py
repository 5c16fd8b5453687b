"""The partners service's one dependency object, built once in `create_app` and reached by routes as `deps: Needs`."""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Annotated
from zoneinfo import ZoneInfo

import asyncpg
from fastapi import Depends

from lantern_shared.clock import Clock
from lantern_shared.deps import deps_of
from lantern_shared.runtime import Runtime
from lantern_shared.uow import UnitOfWorkFactory

from .metrics import PartnerMetrics
from .settings import PartnersSettings


@dataclass
class Deps:
    runtime: Runtime
    settings: PartnersSettings
    clock: Clock
    metrics: PartnerMetrics
    uow: UnitOfWorkFactory
    zone: ZoneInfo = field(init=False)

    def __post_init__(self) -> None:
        self.zone = ZoneInfo(self.settings.timezone)

    @property
    def pool(self) -> asyncpg.Pool:
        return self.runtime.pool  # read late: the pool exists only once the service has started

    def local_now(self) -> datetime:
        """Now in the library's time zone: opening hours are read in it."""
        return self.clock().astimezone(self.zone)

    def today(self) -> date:
        """The library's calendar day: agreements and verification are counted in it."""
        return self.local_now().date()

    @property
    def verification_period_days(self) -> int:
        return self.settings.verification_period_days

    @property
    def agreements_ending_soon_days(self) -> int:
        return self.settings.agreements_ending_soon_days


Needs = Annotated[Deps, Depends(deps_of)]
