"""What the use cases need from the running service, handed over once by `create_app`."""

from dataclasses import dataclass
from typing import Protocol

import asyncpg

from lantern_shared.outbox import Outbox

from ..metrics import OutreachMetrics


class HasPool(Protocol):
    @property
    def pool(self) -> asyncpg.Pool: ...

    outbox: Outbox


@dataclass(frozen=True)
class Outreach:
    runtime: HasPool  # the pool exists only once the service has started, so it is read late
    metrics: OutreachMetrics
    points_per_session: int = 10
    check_in_opens_before_s: float = 2 * 3600

    @property
    def pool(self) -> asyncpg.Pool:
        return self.runtime.pool

    @property
    def outbox(self) -> Outbox:
        return self.runtime.outbox
