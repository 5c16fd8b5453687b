"""Registration's one dependency object, built once by `create_app` and reached by routes, consumers and jobs."""

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Annotated

import asyncpg
from fastapi import Depends

from lantern_shared.clock import Clock
from lantern_shared.deps import deps_of
from lantern_shared.runtime import Runtime
from lantern_shared.uow import UnitOfWorkFactory

from .metrics import OutreachMetrics
from .settings import RegistrationSettings


@dataclass
class Deps:
    runtime: Runtime
    settings: RegistrationSettings
    clock: Clock
    metrics: OutreachMetrics
    uow: UnitOfWorkFactory
    points_per_session: int = 10
    check_in_opens_before_s: float = 2 * 3600
    # session id -> (Session, Program, row version): what a registration builds its event from before the one
    # statement that decides it (which checks the version under the lock); a bounded, oldest-out memory.
    session_snapshots: OrderedDict = field(default_factory=OrderedDict)
    session_snapshots_max: int = 4096

    @property
    def pool(self) -> asyncpg.Pool:
        # the pool exists only once the service has started, so it is read late
        return self.runtime.pool


Needs = Annotated[Deps, Depends(deps_of)]
