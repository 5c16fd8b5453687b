"""Programs: what the library offers; and the partner organizations that can host them."""

from datetime import datetime
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel

from lantern_shared.http import actor
from lantern_shared.pagination import Page, PageRequest, keyset, make_page, page_request, time_and_id
from lantern_shared.refusals import not_found

from ..deps import Needs
from ..domain.programs import AgeGroup, Program, ProgramChanges, ProgramDetails
from ..handlers import no_shows
from ..handlers import programs as use
from ..store import programs

router = APIRouter(tags=["programs"])


class Host(BaseModel):
    partner_id: UUID
    name: str
    status: str
    updated_at: datetime


@router.post("/programs", status_code=201, response_model=Program, summary="Create a program")
async def create(details: ProgramDetails, deps: Needs) -> Program:
    return await use.create_program(deps, details)


@router.get("/programs", response_model=Page[Program], summary="List programs")
async def list_programs(
    deps: Needs, kind: str | None = Query(None), age_group: AgeGroup | None = Query(None),
    language: str | None = Query(None, description="Taught in this language"),
    partner_id: UUID | None = Query(None, description="Hosted by this partner"),
    audience_tag: str | None = Query(None), page: PageRequest = Depends(page_request),
) -> Page[Program]:
    async with deps.pool.acquire() as conn:
        rows = await programs.page(conn, limit=page.limit, after=keyset(page), kind=kind, age_group=age_group,
                                   language=language, partner_id=partner_id, audience_tag=audience_tag)
    return make_page(rows, page.limit, sort_key=lambda p: time_and_id(p.created_at, p.id))


@router.get("/programs/{program_id}", response_model=Program, summary="Look up a program")
async def look_up(program_id: UUID, deps: Needs) -> Program:
    async with deps.pool.acquire() as conn:
        program = await programs.get(conn, program_id)
    if program is None:
        raise not_found("program", program_id)
    return program


@router.patch("/programs/{program_id}", response_model=Program, summary="Change a program")
async def change(program_id: UUID, changes: ProgramChanges, deps: Needs) -> Program:
    return await use.update_program(deps, program_id, changes)


class Pause(BaseModel):
    patron_id: UUID
    paused_at: datetime
    until: datetime


@router.get("/programs/{program_id}/no-show-pauses", response_model=list[Pause],
            summary="Patrons whose self-registration is paused by the no-show policy")
async def paused(program_id: UUID, deps: Needs) -> list[Pause]:
    return [Pause.model_validate(p) for p in await no_shows.paused(deps, program_id)]


@router.delete("/programs/{program_id}/no-show-pauses/{patron_id}", status_code=204,
               summary="Lift a patron's no-show pause")
async def lift(program_id: UUID, patron_id: UUID, deps: Needs, who: str = Depends(actor)) -> Response:
    """Staff lift the pause: the patron may register again, and no-shows count afresh from now."""
    await no_shows.lift(deps, program_id, patron_id, who)
    return Response(status_code=204)


@router.get("/hosts", response_model=list[Host], summary="Partner organizations that can host programs")
async def hosts(deps: Needs) -> list[Host]:
    """Partner organizations known from the partners service's events, with their partnership status."""
    async with deps.pool.acquire() as conn:
        return [Host.model_validate(h) for h in await programs.hosts(conn)]
