"""Notifications service wiring: consumers plan deliveries, the dispatcher job sends them."""

from datetime import timedelta
from pathlib import Path

from fastapi import FastAPI

from lantern_shared.jobs import PeriodicJob
from lantern_shared.metrics import Metrics
from lantern_shared.runtime import Runtime
from lantern_shared.service import create_service_app

from . import api, consumers
from .delivery.dispatcher import Dispatcher, apply_retention
from .delivery.mailer import Mailer
from .delivery.sender import Sender
from .delivery.twilio import TwilioSms
from .delivery.templates import Templates
from .deps import Deps
from .events import PUBLISHED
from .privacy import PERSONAL_DATA
from .metrics import NotificationMetrics
from .settings import NotificationsSettings

MIGRATIONS = Path(__file__).parent / "migrations"


def create_app(settings: NotificationsSettings) -> FastAPI:
    metrics = Metrics()
    runtime = Runtime(settings, metrics, published=PUBLISHED, personal=PERSONAL_DATA)
    deps = Deps.create(settings, runtime, metrics=NotificationMetrics(metrics.registry))
    runtime.subscriptions = consumers.subscriptions(deps)
    mailer = Mailer(settings)
    runtime.on_stop.append(mailer.close)
    templates = Templates(default_language=settings.default_language, library_name=settings.library_name)
    deps.templates, deps.mailer = templates, mailer
    sms = TwilioSms(settings)
    runtime.on_stop.append(sms.close)
    sender = Sender(deps, templates=templates, mailer=mailer, sms=sms)
    dispatcher = Dispatcher(deps, sender=sender)
    render_data = timedelta(days=settings.render_data_retention_days)
    log = timedelta(days=settings.delivery_log_retention_days)
    runtime.jobs = [
        # Runs for as long as this instance holds the job's lock; the interval is how soon another takes over.
        PeriodicJob("notifications-dispatch", settings.dispatch_interval_s, dispatcher.dispatch_forever),
        PeriodicJob("notifications-retention", 3600, lambda pool: apply_retention(
            pool, render_data=render_data, log=log, now=deps.clock())),
    ]
    app = create_service_app(runtime, title="Lantern notifications (internal)", internal=api.ROUTERS, deps=deps,
                             clock=deps.clock)
    app.state.dispatcher = dispatcher  # tests run a round at a chosen moment
    return app
