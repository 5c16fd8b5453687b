"""The Edge-benchmark partnerships report, and the gauges that show the same numbers to Prometheus."""

from datetime import datetime, timedelta

from ..deps import Deps
from ..domain.partnership import AGREEMENT_KINDS
from ..domain.referrals import REFERRAL_OUTCOMES
from ..domain.reports import PartnershipsReport, benchmark_coverage, edge_indicators, partners_by_kind, referral_loop
from ..store import reports


async def partnerships(
    deps: Deps, *, referrals_since: datetime | None = None, referrals_until: datetime | None = None,
) -> PartnershipsReport:
    today, period = deps.today(), deps.verification_period_days
    async with deps.pool.acquire() as conn:
        by_kind = partners_by_kind(await reports.partners_by_kind_and_status(conn))
        on_loan, on_loan_by_kind, holders = await reports.devices_on_loan_to_partners(conn)
        outcomes = dict.fromkeys(REFERRAL_OUTCOMES, 0) | await reports.referrals_by_outcome(
            conn, referrals_since, referrals_until)
        active_agreements = await reports.active_agreements_by_kind(conn, today)
        overdue = await reports.count_overdue(conn, today - timedelta(days=period))
        by_party = await reports.status_reports_by_party(conn, referrals_since, referrals_until)
    coverage = benchmark_coverage(by_kind)
    loop = referral_loop(outcomes, by_party)
    edge_1_0, edge_2_0 = edge_indicators(coverage, active_agreements, on_loan, holders, loop)
    return PartnershipsReport(
        as_of=today,
        partners_by_kind=by_kind,
        benchmark_coverage=coverage,
        active_agreements_by_kind=active_agreements,
        devices_on_loan_to_partners=on_loan,
        devices_on_loan_by_kind=on_loan_by_kind,
        partners_holding_devices=holders,
        referrals_made=sum(outcomes.values()),
        referrals_by_outcome=outcomes,
        directory_records_overdue=overdue,
        verification_period_days=period,
        referral_loop=loop,
        edge_1_0=edge_1_0,
        edge_2_0=edge_2_0,
    )


async def refresh_gauges(deps: Deps) -> None:
    """The periodic job: the report's numbers, as gauges."""
    report = await partnerships(deps)
    metrics = deps.metrics
    metrics.set_partner_counts([(k, s, n) for k, statuses in report.partners_by_kind.items() for s, n in statuses.items()])
    for kind in AGREEMENT_KINDS:
        metrics.agreements_active.labels(kind).set(report.active_agreements_by_kind.get(kind, 0))
    metrics.records_overdue.set(report.directory_records_overdue)
    metrics.devices_on_loan.set(report.devices_on_loan_to_partners)
