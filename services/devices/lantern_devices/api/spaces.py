"""Branch and space routes: opening hours, closures, the rooms and creation spaces, and when each is taken."""

from datetime import datetime, time
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, Field, field_validator

from lantern_shared.fields import IsoDate, IsoDateTime, TimeZoneName
from lantern_shared.models import RequestModel
from lantern_shared.pagination import Page, PageRequest, make_page, page_request
from lantern_shared.refusals import invalid

from ..deps import Needs
from ..domain.spaces import Branch, Closure, OpeningHours, Space, SpaceKind
from ..handlers import spaces as use
from ..store import spaces
from .devices import sort_key

router = APIRouter(tags=["spaces"])
CODE = r"^[a-z0-9][a-z0-9-]{0,39}$"  # a branch's short code, e.g. 'central'
BranchCode = Annotated[str, Path(pattern=CODE, description="A short code, e.g. 'central'")]


class Hours(RequestModel):
    weekday: int = Field(ge=1, le=7, description="ISO weekday: 1 is Monday, 7 is Sunday")
    opens: time = Field(description="Local time, without an offset: the branch's time zone applies")
    closes: time

    @field_validator("opens", "closes")
    @classmethod
    def _local(cls, value: time) -> time:
        if value.tzinfo is not None:
            raise ValueError("must be a local time without an offset (the branch's time zone applies)")
        return value


class BranchDetails(RequestModel):
    name: str = Field(min_length=1, max_length=200)
    timezone: TimeZoneName
    hours: list[Hours] = Field(max_length=7, description="A weekday that is not listed is a day the branch is closed")


class NewClosure(RequestModel):
    starts_on: IsoDate
    ends_on: IsoDate
    reason: str = Field(min_length=1, max_length=500)


class NewSpace(RequestModel):
    branch: str = Field(pattern=CODE, description="The branch's code")
    name: str = Field(min_length=1, max_length=200)
    kind: SpaceKind
    capacity: int = Field(ge=1, le=2000)
    equipment: list[str] = Field(default=[], max_length=50, description="e.g. projector, 3d_printer, laptops")
    requires_approval: bool = False
    setup_minutes: int = Field(default=0, ge=0, le=240, description="Default padding before a booking")
    teardown_minutes: int = Field(default=0, ge=0, le=240, description="Default padding after a booking")


class SpaceChanges(RequestModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    kind: SpaceKind | None = None
    capacity: int | None = Field(default=None, ge=1, le=2000)
    equipment: list[str] | None = Field(default=None, max_length=50)
    requires_approval: bool | None = None
    setup_minutes: int | None = Field(default=None, ge=0, le=240)
    teardown_minutes: int | None = Field(default=None, ge=0, le=240)
    active: bool | None = Field(default=None, description="false withdraws the space (its bookings stay)")


class Busy(BaseModel):
    held_from: datetime
    held_until: datetime
    status: str


@router.put("/branches/{code}", response_model=Branch)
async def put_branch(code: BranchCode, body: BranchDetails, deps: Needs) -> Branch:
    hours = [OpeningHours.model_validate(h.model_dump()) for h in body.hours]
    return await use.put_branch(deps, code, body.name, body.timezone, hours)


@router.get("/branches", response_model=list[Branch])
async def list_branches(deps: Needs) -> list[Branch]:
    async with deps.pool.acquire() as conn:
        return await spaces.list_branches(conn)


@router.get("/branches/{code}", response_model=Branch)
async def get_branch(code: str, deps: Needs) -> Branch:
    return await use.get_branch(deps, code)


@router.get("/branches/{code}/closures", response_model=list[Closure])
async def list_closures(code: str, deps: Needs, from_day: IsoDate | None = Query(None, alias="from"),
                        until_day: IsoDate | None = Query(None, alias="to")) -> list[Closure]:
    return await use.closures(deps, code, from_day, until_day)


@router.post("/branches/{code}/closures", response_model=Closure, status_code=201)
async def add_closure(code: str, body: NewClosure, deps: Needs) -> Closure:
    if body.ends_on < body.starts_on:
        raise invalid("ends_on", "must be on or after starts_on")
    return await use.add_closure(deps, code, body.starts_on, body.ends_on, body.reason)


@router.delete("/branches/{code}/closures/{closure_id}", status_code=204)
async def remove_closure(code: str, closure_id: UUID, deps: Needs) -> None:
    await use.remove_closure(deps, code, closure_id)


@router.post("/spaces", response_model=Space, status_code=201)
async def add_space(body: NewSpace, deps: Needs) -> Space:
    return await use.add_space(deps, body.model_dump())


@router.get("/spaces", response_model=Page[Space])
async def list_spaces(deps: Needs, page: PageRequest = Depends(page_request), branch: str | None = None,
                      kind: SpaceKind | None = None, min_capacity: int | None = Query(None, ge=1, le=2000),
                      equipment: str | None = None) -> Page[Space]:
    async with deps.pool.acquire() as conn:
        rows = await spaces.list_spaces(conn, branch=branch, kind=kind, min_capacity=min_capacity,
                                        equipment=equipment, after=page.after, limit=page.limit)
    return make_page(rows, page.limit, sort_key=sort_key)


@router.get("/spaces/{space_id}", response_model=Space)
async def get_space(space_id: UUID, deps: Needs) -> Space:
    return await use.get_space(deps, space_id)


@router.patch("/spaces/{space_id}", response_model=Space)
async def change_space(space_id: UUID, body: SpaceChanges, deps: Needs) -> Space:
    return await use.change_space(deps, space_id, body.model_dump(exclude_unset=True, exclude_none=True))


@router.get("/spaces/{space_id}/busy", response_model=list[Busy])
async def busy(space_id: UUID, deps: Needs, starts_from: IsoDateTime = Query(alias="from"),
               until: IsoDateTime = Query(alias="to")) -> list[Busy]:
    """When the space is taken (setup and teardown included), by nobody named: for choosing a free time."""
    return [Busy.model_validate(b) for b in await use.busy(deps, space_id, starts_from, until)]
