"""Patrons: enrol, look up, list, change, erase; their registrations and incentive standing."""

from datetime import datetime
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel

from lantern_shared.pagination import Page, PageRequest, keyset, make_page, page_request, time_and_id
from lantern_shared.refusals import not_found

from ..deps import Needs
from ..domain.participation import Standing
from ..domain.patrons import Patron, PatronChanges, PatronDetails
from ..handlers import patrons as use
from ..store import participation, patrons

router = APIRouter(tags=["patrons"])


class Erasure(BaseModel):
    patron_id: UUID
    erased_at: datetime


@router.post("/patrons", status_code=201, response_model=Patron, summary="Enroll a patron")
async def enroll(details: PatronDetails, deps: Needs) -> Patron:
    return await use.enroll(deps, details)


@router.get("/patrons", response_model=Page[Patron], summary="List patrons (by card number or email)")
async def list_patrons(
    deps: Needs, library_card_number: str | None = Query(None), email: str | None = Query(None),
    page: PageRequest = Depends(page_request),
) -> Page[Patron]:
    async with deps.pool.acquire() as conn:
        rows = await patrons.page(conn, limit=page.limit, after=keyset(page),
                                  library_card_number=library_card_number, email=email)
    return make_page(rows, page.limit, sort_key=lambda p: time_and_id(p.enrolled_at, p.id))


@router.get("/patrons/{patron_id}", response_model=Patron, summary="Look up a patron")
async def look_up(patron_id: UUID, deps: Needs) -> Patron:
    async with deps.pool.acquire() as conn:
        patron = await patrons.get(conn, patron_id)
    if patron is None:
        raise not_found("patron", patron_id)
    return patron


@router.patch("/patrons/{patron_id}", response_model=Patron, summary="Change a patron's details")
async def change(patron_id: UUID, changes: PatronChanges, deps: Needs) -> Patron:
    return await use.update_patron(deps, patron_id, changes)


@router.post("/patrons/{patron_id}/erasure", response_model=Erasure, summary="Erase a patron's personal data")
async def erase(patron_id: UUID, deps: Needs) -> Erasure:
    """Remove the patron's personal data here and tell every service (`lantern.patron.erased`)."""
    return Erasure(patron_id=patron_id, erased_at=await use.erase_patron(deps, patron_id))


@router.delete("/patrons/{patron_id}", status_code=204, summary="Erase a patron (same as POST …/erasure)")
async def erase_by_delete(patron_id: UUID, deps: Needs) -> Response:
    await use.erase_patron(deps, patron_id)
    return Response(status_code=204)


@router.get("/patrons/{patron_id}/incentives", response_model=Standing, summary="A patron's points and milestones")
async def standing(patron_id: UUID, deps: Needs) -> Standing:
    async with deps.pool.acquire() as conn:
        if await patrons.get(conn, patron_id) is None:
            raise not_found("patron", patron_id)
        return await participation.standing(conn, patron_id)
