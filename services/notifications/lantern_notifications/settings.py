"""Notifications service settings (environment prefix LANTERN_NOTIFICATIONS_)."""

from pydantic_settings import SettingsConfigDict

from lantern_shared.settings import ServiceSettings


class NotificationsSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="LANTERN_NOTIFICATIONS_", extra="ignore", frozen=True)

    service_name: str = "notifications"
    http_port: int = 8004
