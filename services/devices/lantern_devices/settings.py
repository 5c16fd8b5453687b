"""Devices service settings (environment prefix LANTERN_DEVICES_)."""

from datetime import timedelta

from pydantic_settings import SettingsConfigDict

from lantern_shared.settings import ServiceSettings

from .domain.devices import DeviceKind
from .domain.lending import LendingPolicy

_DEFAULTS = LendingPolicy()


class DevicesSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="LANTERN_DEVICES_", extra="ignore", frozen=True)

    service_name: str = "devices"
    http_port: int = 8002

    # Lending policy. Dicts are read as JSON, e.g. LANTERN_DEVICES_LOAN_DAYS='{"hotspot": 7, "laptop": 21}'.
    loan_days: dict[DeviceKind, int] = _DEFAULTS.loan_days
    partner_loan_days: int = _DEFAULTS.partner_loan_days
    max_renewals: int = _DEFAULTS.max_renewals
    patron_limit_per_kind: dict[DeviceKind, int] = _DEFAULTS.patron_limit_per_kind
    block_after_overdue_days: int = _DEFAULTS.block_after_overdue_days
    deactivate_hotspot_after_overdue_days: int = _DEFAULTS.deactivate_hotspot_after_overdue_days
    due_soon_lead_hours: float = _DEFAULTS.due_soon_lead.total_seconds() / 3600
    hold_pickup_days: float = _DEFAULTS.hold_pickup.days
    anonymize_after_clear_hours: float = 0  # 0: a patron's link to a loan goes as soon as the device is wiped

    # How often the scheduler looks (seconds).
    loan_notices_interval_s: float = 300
    hold_expiry_interval_s: float = 300
    offer_lapse_interval_s: float = 300
    anonymize_interval_s: float = 600
    reservations_recheck_interval_s: float = 120
    gauges_interval_s: float = 30

    def policy(self) -> LendingPolicy:
        return LendingPolicy(
            # A setting naming some kinds changes those; the others keep their defaults.
            loan_days=_DEFAULTS.loan_days | self.loan_days, partner_loan_days=self.partner_loan_days,
            max_renewals=self.max_renewals,
            patron_limit_per_kind=_DEFAULTS.patron_limit_per_kind | self.patron_limit_per_kind,
            block_after_overdue_days=self.block_after_overdue_days,
            deactivate_hotspot_after_overdue_days=self.deactivate_hotspot_after_overdue_days,
            due_soon_lead=timedelta(hours=self.due_soon_lead_hours), hold_pickup=timedelta(days=self.hold_pickup_days),
            anonymize_after_clear=timedelta(hours=self.anonymize_after_clear_hours),
        )
