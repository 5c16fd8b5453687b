"""Notifications service wiring: consumers plan deliveries, the dispatcher job sends them."""

from datetime import timedelta
from functools import partial
from pathlib import Path

from fastapi import FastAPI

from lantern_shared.jobs import PeriodicJob
from lantern_shared.metrics import Metrics
from lantern_shared.runtime import Runtime
from lantern_shared.service import create_service_app

from . import api
from .channels import Mailer, SmsGateway
from .consumers import subscriptions
from .dispatcher import Dispatcher, apply_retention
from .events import PUBLISHED
from .handlers import Rules
from .metrics import NotificationMetrics
from .settings import NotificationsSettings
from .templates import Templates

MIGRATIONS = Path(__file__).parent / "migrations"


def rules_from(settings: NotificationsSettings) -> Rules:
    return Rules(
        library_timezone=settings.library_timezone, default_language=settings.default_language,
        staff_email=settings.staff_email, reminder_lead=timedelta(hours=settings.reminder_lead_h),
        feedback_delay=timedelta(hours=settings.feedback_delay_h), survey_delay=timedelta(days=settings.survey_delay_days),
    )


def create_app(settings: NotificationsSettings) -> FastAPI:
    metrics = Metrics()
    runtime = Runtime(settings, metrics, subscriptions=subscriptions(rules_from(settings)), published=PUBLISHED)
    mailer = Mailer(settings)
    dispatcher = Dispatcher(
        settings, templates=Templates(default_language=settings.default_language, library_name=settings.library_name),
        mailer=mailer, sms=SmsGateway(settings), metrics=NotificationMetrics(metrics.registry),
        outbox=runtime.outbox,
    )
    runtime.on_stop.append(mailer.close)
    runtime.jobs = [
        # Runs for as long as this instance holds the job's lock; the interval is how soon another takes over.
        PeriodicJob("notifications-dispatch", settings.dispatch_interval_s, dispatcher.dispatch_forever),
        PeriodicJob("notifications-retention", 3600, partial(
            apply_retention, render_data=timedelta(days=settings.render_data_retention_days),
            log=timedelta(days=settings.delivery_log_retention_days))),
    ]
    app = create_service_app(runtime, title="Lantern notifications (internal)", routers=[api.router(settings)])
    app.state.dispatcher = dispatcher
    return app
