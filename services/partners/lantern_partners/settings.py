"""Partners service settings (environment prefix LANTERN_PARTNERS_)."""

from pydantic_settings import SettingsConfigDict

from lantern_shared.settings import ServiceSettings


class PartnersSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="LANTERN_PARTNERS_", extra="ignore", frozen=True)

    service_name: str = "partners"
    http_port: int = 8003
