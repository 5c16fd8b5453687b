"""The devices service's one dependency object, built once in `create_app`; routes reach it as `deps: Needs`."""

from dataclasses import dataclass
from typing import Annotated

import asyncpg
from fastapi import Depends

from lantern_shared.clock import Clock
from lantern_shared.deps import deps_of
from lantern_shared.runtime import Runtime
from lantern_shared.uow import UnitOfWorkFactory

from .domain.lending import LendingPolicy
from .metrics import DevicesMetrics
from .settings import DevicesSettings


@dataclass
class Deps:
    runtime: Runtime
    settings: DevicesSettings
    clock: Clock
    metrics: DevicesMetrics
    uow: UnitOfWorkFactory
    policy: LendingPolicy

    @property
    def pool(self) -> asyncpg.Pool:
        return self.runtime.pool  # read late: the pool exists once the service has started


Needs = Annotated[Deps, Depends(deps_of)]
