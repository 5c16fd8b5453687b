"""Partners service settings (environment prefix LANTERN_PARTNERS_)."""

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from lantern_shared.fields import TimeZoneName
from lantern_shared.settings import ServiceSettings


class PartnersSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="LANTERN_PARTNERS_", extra="ignore", frozen=True)

    service_name: str = "partners"
    http_port: int = 8003

    timezone: TimeZoneName = Field("UTC", description="IANA zone of the library: opening hours and calendar days are read in it")
    verification_period_days: int = Field(180, ge=1, description="A directory record not verified for longer is overdue")
    agreements_ending_soon_days: int = Field(60, ge=1, description="Default window of the agreements-ending-soon list")
    agreement_scan_interval_s: float = 3600.0
    gauges_interval_s: float = 60.0
    directory_backfill_interval_s: float = Field(30.0, description="How often the leader writes missing search rows")
