"""The notifications service's one dependency object, built once in `create_app` and reached the same way by routes
(`deps: Needs`), consumers and the dispatcher."""

from dataclasses import dataclass
from datetime import time, timedelta
from typing import TYPE_CHECKING, Annotated

import asyncpg
from fastapi import Depends

from lantern_shared.clock import Clock
from lantern_shared.deps import deps_of
from lantern_shared.runtime import Runtime
from lantern_shared.uow import UnitOfWorkFactory, unit_of_work_factory

from .domain.digests import DigestPolicy
from .domain.preferences import Policy, QuietHours
from .metrics import NotificationMetrics
from .settings import NotificationsSettings

if TYPE_CHECKING:
    from .delivery.mailer import Mailer
    from .delivery.templates import Templates


@dataclass
class Deps:
    runtime: Runtime | None  # None only in unit tests, which never reach the pool
    settings: NotificationsSettings
    clock: Clock
    metrics: NotificationMetrics
    uow: UnitOfWorkFactory
    # The library's rules and defaults, read from the settings once.
    policy: Policy  # the library's timezone and default quiet hours
    digests: DigestPolicy  # what becomes one message, and what is never held by quiet hours
    default_language: str
    staff_email: str | None  # where staff notices (equipment shortfall) go
    reminder_lead: timedelta
    feedback_delay: timedelta
    survey_delay: timedelta
    # What sends a message at once, outside the queue (sign-in codes); set by create_app.
    templates: "Templates | None" = None
    mailer: "Mailer | None" = None

    @classmethod
    def create(cls, settings: NotificationsSettings, runtime: Runtime | None, *, metrics: NotificationMetrics,
               uow: UnitOfWorkFactory | None = None, clock: Clock | None = None) -> "Deps":
        if uow is None:
            assert runtime is not None
            uow = unit_of_work_factory(lambda: runtime.pool, runtime.outbox)
        return cls(
            runtime=runtime, settings=settings, clock=clock or Clock(), metrics=metrics, uow=uow,
            policy=Policy(timezone=settings.library_timezone,
                          quiet_hours=QuietHours(start=time.fromisoformat(settings.quiet_hours_start),
                                                 end=time.fromisoformat(settings.quiet_hours_end))),
            digests=DigestPolicy(gather=timedelta(seconds=settings.digest_gather_s),
                                 window=timedelta(hours=settings.digest_window_h),
                                 critical=settings.critical_messages),
            default_language=settings.default_language, staff_email=settings.staff_email,
            reminder_lead=timedelta(hours=settings.reminder_lead_h),
            feedback_delay=timedelta(hours=settings.feedback_delay_h),
            survey_delay=timedelta(days=settings.survey_delay_days),
        )

    @property
    def pool(self) -> asyncpg.Pool:
        assert self.runtime is not None
        return self.runtime.pool  # read late: the pool exists once the service has started


Needs = Annotated[Deps, Depends(deps_of)]
