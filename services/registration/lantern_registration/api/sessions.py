"""Sessions: schedule, look up, list, change, cancel."""

from uuid import UUID

from fastapi import APIRouter, Depends, Query

from lantern_shared.fields import IsoDateTime
from lantern_shared.pagination import Page, PageRequest, keyset, make_page, page_request, time_and_id
from lantern_shared.refusals import not_found

from ..deps import Needs
from ..domain.participation import SessionCancellation
from ..domain.programs import Session, SessionChanges, SessionDetails, SessionStatus
from ..handlers import sessions as use
from ..store import sessions

router = APIRouter(tags=["sessions"])


@router.post("/sessions", status_code=201, response_model=Session, summary="Schedule a session")
async def schedule(details: SessionDetails, deps: Needs) -> Session:
    return await use.schedule_session(deps, details)


@router.get("/sessions", response_model=Page[Session], summary="List sessions")
async def list_sessions(
    deps: Needs, program_id: UUID | None = Query(None), status: SessionStatus | None = Query(None),
    starts_from: IsoDateTime | None = Query(None, alias="from", description="Sessions starting at or after"),
    starts_before: IsoDateTime | None = Query(None, alias="to", description="Sessions starting before"),
    partner_id: UUID | None = Query(None, description="Sessions of programs this partner hosts"),
    language: str | None = Query(None), page: PageRequest = Depends(page_request),
) -> Page[Session]:
    async with deps.pool.acquire() as conn:
        rows = await sessions.page(conn, limit=page.limit, after=keyset(page), program_id=program_id, status=status,
                                   starts_from=starts_from, starts_before=starts_before, partner_id=partner_id,
                                   language=language)
    return make_page(rows, page.limit, sort_key=lambda s: time_and_id(s.starts_at, s.id))


@router.get("/sessions/{session_id}", response_model=Session, summary="Look up a session")
async def look_up(session_id: UUID, deps: Needs) -> Session:
    async with deps.pool.acquire() as conn:
        session = await sessions.get(conn, session_id)
    if session is None:
        raise not_found("session", session_id)
    return session


@router.patch(
    "/sessions/{session_id}", response_model=Session,
    summary="Change a session (time, place, capacity, devices)",
)
async def change(session_id: UUID, changes: SessionChanges, deps: Needs) -> Session:
    """Time, place, languages, window, devices; capacity may rise (promoting from the waitlist), never below confirmed."""
    return await use.update_session(deps, session_id, changes)


@router.post("/sessions/{session_id}/cancellation", response_model=Session, summary="Cancel a session")
async def cancel(session_id: UUID, cancellation: SessionCancellation, deps: Needs) -> Session:
    """Cancel the session: its devices are released and every registrant is told."""
    return await use.cancel_session(deps, session_id, cancellation)
