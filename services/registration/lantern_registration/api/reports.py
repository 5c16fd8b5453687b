"""Reports: per program, and the annual Public Libraries Survey figures."""

from uuid import UUID

from fastapi import APIRouter, Query

from lantern_shared.fields import IsoDate

from ..deps import Needs
from ..domain.reports import PlsFigures, ProgramReport
from ..handlers import reports as use

router = APIRouter(tags=["reports"])


@router.get("/programs/{program_id}/report", response_model=ProgramReport, summary="A program's outcomes report")
async def program_report(
    program_id: UUID, deps: Needs,
    start: IsoDate | None = Query(None, alias="from", description="Sessions starting on or after"),
    end: IsoDate | None = Query(None, alias="to", description="Sessions starting before (exclusive)"),
) -> ProgramReport:
    return await use.program_report(deps, program_id, start, end)


@router.get("/reports/pls", response_model=PlsFigures, summary="Public Libraries Survey program figures")
async def pls(
    deps: Needs,
    start: IsoDate = Query(alias="from", description="First day of the reporting year"),
    end: IsoDate = Query(alias="to", description="Day after the reporting year ends (exclusive)"),
) -> PlsFigures:
    return await use.pls_figures(deps, start, end)
