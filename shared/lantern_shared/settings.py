"""Settings base: every service reads its configuration from the environment under its own prefix."""

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class HttpSettings(BaseSettings):
    """What every Lantern process with an HTTP side needs. Subclasses set `env_prefix` (e.g. LANTERN_EDGE_).

    Secrets have no defaults: a process refuses to start without them.
    """

    model_config = SettingsConfigDict(extra="ignore", frozen=True)

    service_name: str
    http_host: str = "127.0.0.1"
    http_port: int = 8000
    internal_token: SecretStr
    log_level: str = "INFO"
    # OTLP/HTTP endpoint of a trace collector (e.g. http://jaeger:4318); empty: no traces (lantern_shared.tracing)
    otlp_endpoint: str = ""


class DatabaseSettings(HttpSettings):
    """A process that owns a PostgreSQL database (every service; the edge for its idempotency keys)."""

    db_host: str = "127.0.0.1"
    db_port: int = 5432
    db_name: str = ""
    db_user: str = ""
    db_password: SecretStr
    db_pool_min: int = 2
    db_pool_max: int = 10

    def model_post_init(self, _context: object) -> None:
        # A service's database and role default to its own name.
        if not self.db_name:
            object.__setattr__(self, "db_name", self.service_name)
        if not self.db_user:
            object.__setattr__(self, "db_user", self.service_name)

    @property
    def dsn(self) -> str:
        return (
            f"postgresql://{self.db_user}:{self.db_password.get_secret_value()}"
            f"@{self.db_host}:{self.db_port}/{self.db_name}"
        )


class ServiceSettings(DatabaseSettings):
    """A service that owns a database and talks to Kafka (every service but the edge)."""

    kafka_bootstrap: str = "127.0.0.1:9092"
    kafka_topic_partitions: int = 6
    kafka_replication_factor: int = 1
    consumer_batch_max: int = 200
    lag_interval_s: float = 15.0

    # The data-key store (lantern_shared.sealing): personal fields of events are sealed with per-patron keys kept
    # there and destroyed at erasure. Without it events carry personal data in the clear (unit tests only).
    keys_dsn: SecretStr | None = None

    # The retention schedule (lantern_shared.personal.RETENTION_DEFAULTS, docs/operations.md): days kept per kind of
    # data, e.g. LANTERN_REGISTRATION_RETENTION_DAYS='{"feedback": 730}'; applied every `retention_interval_s`.
    retention_days: dict[str, int] = {}
    retention_interval_s: float = 3600.0

    # Only for end-to-end tests and demos: adds PUT /internal/v1/test/clock, which moves the service's clock.
    test_clock: bool = False

    outbox_relay_enabled: bool = True
    outbox_batch_size: int = 1000
    outbox_relay_lanes: int = 2  # batches in flight at once: the next is claimed while the last awaits its acks
    outbox_poll_interval_s: float = 1.0
    outbox_retention_s: float = 24 * 3600
    retry_initial_s: float = 0.2
    retry_max_s: float = 10.0

    @property
    def source(self) -> str:
        """CloudEvents `source` of everything this service publishes."""
        return f"/lantern/{self.service_name}"
