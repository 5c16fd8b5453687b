"""The Edge-benchmark partnerships report: partners by kind and status, and which benchmark categories they cover."""

from datetime import date

from pydantic import BaseModel

from .records import BENCHMARK_CATEGORIES, PARTNER_KINDS

STATUSES = ("prospect", "active", "lapsed")


class Coverage(BaseModel):
    covered: bool
    active_partners: int
    kinds: list[str]


class PartnershipsReport(BaseModel):
    as_of: date
    partners_by_kind: dict[str, dict[str, int]]
    benchmark_coverage: dict[str, Coverage]
    active_agreements_by_kind: dict[str, int]
    devices_on_loan_to_partners: int
    devices_on_loan_by_kind: dict[str, int]
    partners_holding_devices: int
    referrals_made: int
    referrals_by_outcome: dict[str, int]
    directory_records_overdue: int
    verification_period_days: int


def partners_by_kind(counts: list[tuple[str, str, int]]) -> dict[str, dict[str, int]]:
    """Every known kind and status is present, counted or not."""
    by_kind: dict[str, dict[str, int]] = {k: dict.fromkeys(STATUSES, 0) for k in PARTNER_KINDS}
    for kind, status, n in counts:
        by_kind.setdefault(kind, dict.fromkeys(STATUSES, 0))[status] = n
    return by_kind


def benchmark_coverage(by_kind: dict[str, dict[str, int]]) -> dict[str, Coverage]:
    """A benchmark category is covered when at least one active partner is of one of its kinds."""
    coverage = {}
    for category, kinds in BENCHMARK_CATEGORIES.items():
        active = sum(by_kind[k]["active"] for k in kinds)
        coverage[category] = Coverage(covered=active > 0, active_partners=active, kinds=sorted(kinds))
    return coverage
