"""The lending policy as operators configure it through the environment."""

from datetime import timedelta

from lantern_devices.domain.devices import DeviceKind
from lantern_devices.settings import DevicesSettings


def test_a_loan_period_set_for_one_kind_leaves_the_other_kinds_at_their_defaults(monkeypatch):
    monkeypatch.setenv("LANTERN_DEVICES_INTERNAL_TOKEN", "t")
    monkeypatch.setenv("LANTERN_DEVICES_DB_PASSWORD", "p")
    monkeypatch.setenv("LANTERN_DEVICES_LOAN_DAYS", '{"hotspot": 3}')
    monkeypatch.setenv("LANTERN_DEVICES_ANONYMIZE_AFTER_CLEAR_HOURS", "48")

    policy = DevicesSettings().policy()

    assert policy.loan_period(DeviceKind.HOTSPOT) == timedelta(days=3)
    assert policy.loan_period(DeviceKind.LAPTOP) == timedelta(days=14)
    assert policy.anonymize_after_clear == timedelta(hours=48)


def test_by_default_a_patrons_link_to_a_loan_goes_as_soon_as_the_device_is_wiped(monkeypatch):
    monkeypatch.setenv("LANTERN_DEVICES_INTERNAL_TOKEN", "t")
    monkeypatch.setenv("LANTERN_DEVICES_DB_PASSWORD", "p")
    assert DevicesSettings().policy().anonymize_after_clear == timedelta(0)
