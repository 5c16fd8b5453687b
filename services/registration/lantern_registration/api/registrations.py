"""Registrations: register for a session, look up, list, cancel or leave the waitlist."""

from uuid import UUID

from fastapi import APIRouter, Depends, Query, Response

from lantern_shared.http import actor
from lantern_shared.pagination import Page, PageRequest, keyset, make_page, page_request, time_and_id
from lantern_shared.refusals import not_found

from ..deps import Needs
from ..domain.participation import CancellationRequest, Registration, RegistrationRequest, RegistrationStatus
from ..handlers import seats
from ..store import registrations

router = APIRouter(tags=["registrations"])


@router.post(
    "/sessions/{session_id}/registrations", status_code=201, response_model=Registration,
    summary="Register a patron for a session",
)
async def register(session_id: UUID, request: RegistrationRequest, deps: Needs, who: str = Depends(actor)) -> Response:
    """Confirmed while seats remain, otherwise waitlisted with a position. A patron registering themselves meets the
    program's staff-only mode and no-show pause (409 `staff_registration_only`, `self_registration_paused`)."""
    registration = await seats.register(deps, session_id, request.patron_id, self_service=who.startswith("patron:"))
    # The busiest write: the handler's model is encoded once, not validated again against response_model and then
    # encoded through jsonable_encoder (the same JSON, a good part of the route's own CPU time).
    return Response(registration.model_dump_json(), status_code=201, media_type="application/json")


@router.get("/registrations", response_model=Page[Registration], summary="List registrations")
async def list_registrations(
    deps: Needs, session_id: UUID | None = Query(None), patron_id: UUID | None = Query(None),
    status: RegistrationStatus | None = Query(None), page: PageRequest = Depends(page_request),
) -> Page[Registration]:
    """In arrival order: a session's waitlist reads `?session_id=…&status=waitlisted`."""
    async with deps.pool.acquire() as conn:
        rows = await registrations.page(conn, limit=page.limit, after=keyset(page), session_id=session_id,
                                        patron_id=patron_id, status=status)
    return make_page(rows, page.limit, sort_key=lambda r: time_and_id(r.registered_at, r.id))


@router.get("/registrations/{registration_id}", response_model=Registration, summary="Look up a registration")
async def look_up(registration_id: UUID, deps: Needs) -> Registration:
    async with deps.pool.acquire() as conn:
        registration = await registrations.get(conn, registration_id)
    if registration is None:
        raise not_found("registration", registration_id)
    return registration


@router.post(
    "/registrations/{registration_id}/cancellation", response_model=Registration,
    summary="Cancel a registration or leave the waitlist",
)
async def cancel(registration_id: UUID, deps: Needs, request: CancellationRequest | None = None) -> Registration:
    """A confirmed seat goes to the first waitlisted patron; a waitlisted patron leaves the list."""
    return await seats.cancel(deps, registration_id, (request or CancellationRequest()).by)
