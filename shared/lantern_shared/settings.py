"""Settings base: every service reads its configuration from the environment under its own prefix."""

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from .transport import KafkaAccess, dsn_tls_query


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
    # TLS to the database (docs/security.md): deployments set verify-full and the CA of the server's certificate
    db_sslmode: str = ""
    db_sslrootcert: str = ""

    def model_post_init(self, _context: object) -> None:
        # A service's database and role default to its own name.
        if not self.db_name:
            object.__setattr__(self, "db_name", self.service_name)
        if not self.db_user:
            object.__setattr__(self, "db_user", self.service_name)
        dsn_tls_query(self.db_sslmode, self.db_sslrootcert)  # an unknown sslmode stops the start, not the first query

    @property
    def dsn(self) -> str:
        return (
            f"postgresql://{self.db_user}:{self.db_password.get_secret_value()}"
            f"@{self.db_host}:{self.db_port}/{self.db_name}"
            + dsn_tls_query(self.db_sslmode, self.db_sslrootcert)
        )


class ServiceSettings(DatabaseSettings):
    """A service that owns a database and talks to Kafka (every service but the edge)."""

    kafka_bootstrap: str = "127.0.0.1:9092"
    kafka_topic_partitions: int = 6
    kafka_replication_factor: int = 1
    # Beyond one machine (docs/security.md): SASL_SSL with this service's own SCRAM user and the brokers' CA
    kafka_security_protocol: str = "PLAINTEXT"
    kafka_sasl_mechanism: str = "SCRAM-SHA-512"
    kafka_sasl_username: str = ""
    kafka_sasl_password: SecretStr = SecretStr("")
    kafka_ssl_cafile: str = ""
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

    def model_post_init(self, context: object) -> None:
        super().model_post_init(context)
        _ = self.kafka  # an incomplete Kafka security setting stops the start, not the first connection

    @property
    def kafka(self) -> KafkaAccess:
        """How this service reaches the brokers: address, protocol, its credentials and the CA it trusts."""
        return KafkaAccess(self.kafka_bootstrap, self.kafka_security_protocol, self.kafka_sasl_mechanism,
                           self.kafka_sasl_username, self.kafka_sasl_password.get_secret_value(), self.kafka_ssl_cafile)

    @property
    def source(self) -> str:
        """CloudEvents `source` of everything this service publishes."""
        return f"/lantern/{self.service_name}"
