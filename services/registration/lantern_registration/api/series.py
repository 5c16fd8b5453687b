"""Series: schedule a recurring session, look it up with its occurrences, change it; register for the whole of it."""

from uuid import UUID

from fastapi import APIRouter, Depends, Query

from lantern_shared.http import actor
from lantern_shared.pagination import Page, PageRequest, keyset, make_page, page_request, time_and_id
from lantern_shared.refusals import not_found

from ..deps import Needs
from ..domain.participation import CancellationRequest, RegistrationRequest, RegistrationStatus
from ..domain.programs import Session
from ..domain.series import Series, SeriesChanges, SeriesDetails
from ..domain.series_seats import SeriesRegistration
from ..handlers import series as use
from ..handlers import series_seats
from ..store import series, series_registrations, sessions

router = APIRouter(tags=["series"])


class SeriesView(Series):
    occurrences: list[Session]


async def _view(deps: Needs, series_id: UUID) -> SeriesView:
    async with deps.pool.acquire() as conn:
        found = await series.get(conn, series_id)
        if found is None:
            raise not_found("series", series_id)
        occurrences = await sessions.page(conn, limit=1000, after=None, series_id=series_id)
    return SeriesView(**found.model_dump(), occurrences=occurrences)


@router.post("/series", status_code=201, response_model=SeriesView, summary="Schedule a recurring series")
async def schedule(details: SeriesDetails, deps: Needs) -> SeriesView:
    """The rule (RFC 5545 RRULE, EXDATE as local dates) is expanded in `timezone`: each occurrence ahead becomes a
    session at the same local time, whatever daylight saving does."""
    created = await use.create_series(deps, details)
    return await _view(deps, created.id)


@router.get("/series", response_model=Page[Series], summary="List series")
async def list_series(deps: Needs, program_id: UUID | None = Query(None),
                      page: PageRequest = Depends(page_request)) -> Page[Series]:
    async with deps.pool.acquire() as conn:
        rows = await series.page(conn, limit=page.limit, after=keyset(page), program_id=program_id)
    return make_page(rows, page.limit, sort_key=lambda s: time_and_id(s.created_at, s.id))


@router.get("/series/{series_id}", response_model=SeriesView, summary="A series with its occurrences")
async def look_up(series_id: UUID, deps: Needs) -> SeriesView:
    return await _view(deps, series_id)


@router.patch("/series/{series_id}", response_model=SeriesView, summary="Change a series from now on")
async def change(series_id: UUID, changes: SeriesChanges, deps: Needs) -> SeriesView:
    """Reaches occurrences still ahead that were not moved on their own; past ones keep what they were.
    Move or cancel one occurrence with PATCH /sessions/{id} or POST /sessions/{id}/cancellation."""
    await use.update_series(deps, series_id, changes)
    return await _view(deps, series_id)


@router.post("/series/{series_id}/registrations", status_code=201, response_model=SeriesRegistration,
             summary="Register a patron for a whole series")
async def register(series_id: UUID, request: RegistrationRequest, deps: Needs,
                   who: str = Depends(actor)) -> SeriesRegistration:
    """A seat in every upcoming occurrence, or one place on the series waitlist (promoted into all of them at once)."""
    return await series_seats.register(deps, series_id, request.patron_id, self_service=who.startswith("patron:"))


@router.get("/series-registrations", response_model=Page[SeriesRegistration], summary="List series registrations")
async def list_registrations(
    deps: Needs, series_id: UUID | None = Query(None), patron_id: UUID | None = Query(None),
    status: RegistrationStatus | None = Query(None), page: PageRequest = Depends(page_request),
) -> Page[SeriesRegistration]:
    async with deps.pool.acquire() as conn:
        rows = await series_registrations.page(conn, limit=page.limit, after=keyset(page), series_id=series_id,
                                               patron_id=patron_id, status=status)
    return make_page(rows, page.limit, sort_key=lambda r: time_and_id(r.registered_at, r.id))


@router.get("/series-registrations/{registration_id}", response_model=SeriesRegistration,
            summary="A series registration")
async def look_up_registration(registration_id: UUID, deps: Needs) -> SeriesRegistration:
    async with deps.pool.acquire() as conn:
        found = await series_registrations.get(conn, registration_id)
    if found is None:
        raise not_found("series registration", registration_id)
    return found


@router.post("/series-registrations/{registration_id}/cancellation", response_model=SeriesRegistration,
             summary="Give up a whole-series registration")
async def cancel(registration_id: UUID, deps: Needs, request: CancellationRequest | None = None) -> SeriesRegistration:
    """Frees its seat in every upcoming occurrence; the first in line who fits in all of them moves up."""
    return await series_seats.cancel(deps, registration_id, (request or CancellationRequest()).by)
