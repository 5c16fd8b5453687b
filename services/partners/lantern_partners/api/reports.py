"""The partnerships report (Edge benchmarks)."""

from fastapi import APIRouter, Query

from lantern_shared.fields import IsoDateTime

from ..deps import Needs
from ..domain.reports import PartnershipsReport
from ..handlers import reports

router = APIRouter(tags=["reports"])


@router.get("/reports/partnerships", response_model=PartnershipsReport)
async def partnerships(
    deps: Needs,
    referrals_since: IsoDateTime | None = Query(None, description="Count referrals made from this moment"),
    referrals_until: IsoDateTime | None = Query(None, description="… up to (not including) this one"),
) -> PartnershipsReport:
    return await reports.partnerships(deps, referrals_since=referrals_since, referrals_until=referrals_until)
