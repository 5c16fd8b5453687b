"""Registration service settings (environment prefix LANTERN_REGISTRATION_)."""

from pydantic_settings import SettingsConfigDict

from lantern_shared.settings import ServiceSettings


class RegistrationSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="LANTERN_REGISTRATION_", extra="ignore", frozen=True)

    service_name: str = "registration"
    http_port: int = 8001

    points_per_session: int = 10
    check_in_opens_before_s: float = 2 * 3600
    session_completion_interval_s: float = 60.0  # how often ended sessions are completed and no-shows marked
    seat_gauges_interval_s: float = 30.0
    scan_retention_days: int = 90  # kiosk scan nonces kept this long to recognise a re-sent scan
