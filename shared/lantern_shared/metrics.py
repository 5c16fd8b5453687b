"""One Prometheus registry per service, holding the metrics every service shares. Labels are bounded: no ids."""

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)


class Metrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        r = self.registry
        self.http_requests = Counter(
            "lantern_http_requests_total", "HTTP requests handled", ["method", "route", "status"], registry=r
        )
        self.http_duration = Histogram(
            "lantern_http_request_duration_seconds", "HTTP request duration", ["method", "route"],
            buckets=LATENCY_BUCKETS, registry=r,
        )
        self.events_handled = Counter(
            "lantern_events_handled_total",
            "Events taken from Kafka, by outcome (applied, duplicate, ignored, dead_lettered, shredded)",
            ["subscription", "event_type", "outcome"], registry=r,
        )
        self.event_duration = Histogram(
            "lantern_event_handling_seconds", "Time to apply one event (transaction included)",
            ["subscription", "event_type"], buckets=LATENCY_BUCKETS, registry=r,
        )
        self.event_retries = Counter(
            "lantern_event_retries_total", "Transient failures retried while applying an event",
            ["subscription"], registry=r,
        )
        self.inbox_duplicates = Counter(
            "lantern_inbox_duplicates_total", "Redelivered events recognised by the inbox and skipped",
            ["subscription"], registry=r,
        )
        self.dead_letters = Counter(
            "lantern_dlq_events_total", "Events sent to the dead-letter topic, by reason",
            ["subscription", "reason"], registry=r,
        )
        self.outbox_published = Counter(
            "lantern_outbox_published_total", "Outbox events published to Kafka", registry=r
        )
        self.outbox_publish_failures = Counter(
            "lantern_outbox_publish_failures_total", "Failed attempts to publish an outbox batch", registry=r
        )
        self.outbox_backlog = Gauge(
            "lantern_outbox_backlog", "Outbox events committed but not yet published", registry=r
        )
        self.outbox_oldest_age = Gauge(
            "lantern_outbox_oldest_unsent_age_seconds", "Age of the oldest unpublished outbox event", registry=r
        )
        self.consumer_lag = Gauge(
            "lantern_consumer_lag", "Events on a partition not yet committed by the consumer group",
            ["group", "topic", "partition"], registry=r,
        )
        self.job_failures = Counter(
            "lantern_job_failures_total", "Periodic job rounds that failed", ["task"], registry=r
        )
        self.ready = Gauge(
            "lantern_dependency_up", "Whether a dependency answered the last readiness check",
            ["dependency"], registry=r,
        )
