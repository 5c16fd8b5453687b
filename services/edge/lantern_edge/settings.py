"""Edge settings (environment prefix LANTERN_EDGE_)."""

from pydantic_settings import SettingsConfigDict

from lantern_shared.settings import HttpSettings


class EdgeSettings(HttpSettings):
    model_config = SettingsConfigDict(env_prefix="LANTERN_EDGE_", extra="ignore", frozen=True)

    service_name: str = "edge"
    http_port: int = 8000
    registration_url: str = "http://127.0.0.1:8001"
    devices_url: str = "http://127.0.0.1:8002"
    partners_url: str = "http://127.0.0.1:8003"
    notifications_url: str = "http://127.0.0.1:8004"
    upstream_timeout_s: float = 10.0
    max_body_bytes: int = 1_000_000

    @property
    def upstreams(self) -> dict[str, str]:
        return {
            "registration": self.registration_url,
            "devices": self.devices_url,
            "partners": self.partners_url,
            "notifications": self.notifications_url,
        }
