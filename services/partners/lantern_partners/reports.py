"""The Edge-benchmark partnerships report, and the gauges that show the same numbers to Prometheus."""

from datetime import date, datetime, timedelta

import asyncpg
from pydantic import BaseModel

from . import store
from .domain import AGREEMENT_KINDS, BENCHMARK_CATEGORIES, PARTNER_KINDS, REFERRAL_OUTCOMES
from .metrics import PartnerMetrics


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


async def partnerships_report(
    conn: asyncpg.Connection, *, today: date, verification_period_days: int,
    referrals_since: datetime | None = None, referrals_until: datetime | None = None,
) -> PartnershipsReport:
    by_kind: dict[str, dict[str, int]] = {k: {"prospect": 0, "active": 0, "lapsed": 0} for k in PARTNER_KINDS}
    for kind, status, n in await store.partners_by_kind_and_status(conn):
        by_kind.setdefault(kind, {"prospect": 0, "active": 0, "lapsed": 0})[status] = n
    coverage = {}
    for category, kinds in BENCHMARK_CATEGORIES.items():
        active = sum(by_kind[k]["active"] for k in kinds)
        coverage[category] = Coverage(covered=active > 0, active_partners=active, kinds=sorted(kinds))
    on_loan, on_loan_by_kind, holders = await store.devices_on_loan_to_partners(conn)
    outcomes = {o: 0 for o in REFERRAL_OUTCOMES} | await store.referrals_by_outcome(conn, referrals_since, referrals_until)
    return PartnershipsReport(
        as_of=today,
        partners_by_kind=by_kind,
        benchmark_coverage=coverage,
        active_agreements_by_kind=await store.active_agreements_by_kind(conn, today),
        devices_on_loan_to_partners=on_loan,
        devices_on_loan_by_kind=on_loan_by_kind,
        partners_holding_devices=holders,
        referrals_made=sum(outcomes.values()),
        referrals_by_outcome=outcomes,
        directory_records_overdue=await store.count_overdue(conn, today - timedelta(days=verification_period_days)),
        verification_period_days=verification_period_days,
    )


async def refresh_gauges(pool: asyncpg.Pool, metrics: PartnerMetrics, *, today: date, verification_period_days: int) -> None:
    async with pool.acquire() as conn:
        report = await partnerships_report(conn, today=today, verification_period_days=verification_period_days)
    metrics.set_partner_counts([(k, s, n) for k, statuses in report.partners_by_kind.items() for s, n in statuses.items()])
    for kind in AGREEMENT_KINDS:
        metrics.agreements_active.labels(kind).set(report.active_agreements_by_kind.get(kind, 0))
    metrics.records_overdue.set(report.directory_records_overdue)
    metrics.devices_on_loan.set(report.devices_on_loan_to_partners)
