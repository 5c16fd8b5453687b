"""Registration service settings (environment prefix LANTERN_REGISTRATION_)."""

from pydantic_settings import SettingsConfigDict

from lantern_shared.settings import ServiceSettings


class RegistrationSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="LANTERN_REGISTRATION_", extra="ignore", frozen=True)

    service_name: str = "registration"
    http_port: int = 8001
