"""The notifications service's own metrics, on the service's registry. Labels are bounded: never ids or addresses."""

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

LATENCY_BUCKETS = (1, 5, 15, 60, 300, 900, 3600, 4 * 3600, 86400, 7 * 86400)
_BY = ["channel", "language", "category"]


class NotificationMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.sent = Counter("lantern_notifications_sent_total", "Messages handed to their channel", _BY, registry=registry)
        self.failed = Counter(
            "lantern_notifications_failed_total", "Messages given up on (attempt limit or refused address)", _BY,
            registry=registry,
        )
        self.retried = Counter(
            "lantern_notifications_retries_total", "Send attempts that failed and were scheduled again", ["channel"],
            registry=registry,
        )
        self.suppressed = Counter(
            "lantern_notifications_suppressed_total",
            "Messages not sent (preference, no_contact) or held back (quiet_hours)", [*_BY, "reason"], registry=registry,
        )
        self.expired = Counter(
            "lantern_notifications_expired_total",
            "Messages dropped because quiet hours or retries carried them past the moment they are about",
            ["channel", "category"], registry=registry,
        )
        self.template_fallbacks = Counter(
            "lantern_notifications_template_fallbacks_total",
            "Messages written in the default language for want of a translation (language = the one wanted)",
            _BY, registry=registry,
        )
        self.scheduled = Gauge(
            "lantern_notifications_scheduled", "Messages waiting for their time (reminders, retries, quiet hours)",
            registry=registry,
        )
        self.latency = Histogram(
            "lantern_notifications_delivery_latency_seconds",
            "From the causing event's time to the message being handed to its channel", ["channel", "category"],
            buckets=LATENCY_BUCKETS, registry=registry,
        )
        self.sms_keywords = Counter(
            "lantern_notifications_sms_keywords_total", "STOP / START texts that changed someone's consent",
            ["keyword", "language"], registry=registry,
        )
