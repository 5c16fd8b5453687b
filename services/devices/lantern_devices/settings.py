"""Devices service settings (environment prefix LANTERN_DEVICES_)."""

from pydantic_settings import SettingsConfigDict

from lantern_shared.settings import ServiceSettings


class DevicesSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="LANTERN_DEVICES_", extra="ignore", frozen=True)

    service_name: str = "devices"
    http_port: int = 8002
