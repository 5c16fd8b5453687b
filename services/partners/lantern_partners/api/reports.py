"""The partnerships report (Edge benchmarks)."""

from datetime import datetime

from fastapi import APIRouter, Query, Request


from .. import reports
from .common import clock, runtime, settings

router = APIRouter(tags=["reports"])


@router.get("/reports/partnerships", response_model=reports.PartnershipsReport)
async def partnerships(
    request: Request,
    referrals_since: datetime | None = Query(None, description="Count referrals made from this moment"),
    referrals_until: datetime | None = Query(None, description="… up to (not including) this one"),
) -> reports.PartnershipsReport:
    async with runtime(request).pool.acquire() as conn:
        return await reports.partnerships_report(
            conn, today=clock(request).today(), verification_period_days=settings(request).verification_period_days,
            referrals_since=referrals_since, referrals_until=referrals_until,
        )
