"""Edge settings (environment prefix LANTERN_EDGE_)."""

from pydantic import SecretStr
from pydantic_settings import SettingsConfigDict

from lantern_shared.settings import DatabaseSettings


class EdgeSettings(DatabaseSettings):
    """The edge owns one small database: idempotency keys. JWTs are checked against the configured issuer."""

    model_config = SettingsConfigDict(env_prefix="LANTERN_EDGE_", extra="ignore", frozen=True)

    service_name: str = "edge"
    http_port: int = 8000
    db_pool_min: int = 1
    db_pool_max: int = 5

    registration_url: str = "http://127.0.0.1:8001"
    devices_url: str = "http://127.0.0.1:8002"
    partners_url: str = "http://127.0.0.1:8003"
    notifications_url: str = "http://127.0.0.1:8004"
    upstream_timeout_s: float = 10.0
    summary_timeout_s: float = 3.0
    max_body_bytes: int = 1_000_000

    # HS256 with a shared secret by default; set jwt_algorithm=RS256/ES256 and jwt_public_key (PEM) for an IdP.
    jwt_secret: SecretStr
    jwt_algorithm: str = "HS256"
    jwt_public_key: str | None = None
    jwt_issuer: str = "lantern"
    jwt_audience: str = "lantern-api"
    jwt_leeway_s: int = 30

    idempotency_ttl_s: int = 24 * 3600

    @property
    def upstreams(self) -> dict[str, str]:
        return {
            "registration": self.registration_url,
            "devices": self.devices_url,
            "partners": self.partners_url,
            "notifications": self.notifications_url,
        }
