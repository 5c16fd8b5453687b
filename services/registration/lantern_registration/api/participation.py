"""Attendance, feedback and incentive milestones."""

from uuid import UUID

from fastapi import APIRouter, Path, Response

from lantern_shared.refusals import not_found

from ..deps import Needs
from ..domain.participation import AttendanceRecord, CheckIn, Feedback, FeedbackForm, FollowUp, Milestone, MilestoneDetails
from ..handlers import attendance as use
from ..store import participation, sessions

router = APIRouter(tags=["attendance"])


@router.post(
    "/sessions/{session_id}/check-ins", response_model=AttendanceRecord, status_code=201,
    summary="Check a patron in",
)
async def check_in(session_id: UUID, request: CheckIn, response: Response, deps: Needs) -> AttendanceRecord:
    """Staff check a patron in (registered or walk-in). Checking in twice answers 200 with the first record."""
    record, created = await use.check_in(deps, session_id, request)
    response.status_code = 201 if created else 200
    return record


@router.get(
    "/sessions/{session_id}/attendance", response_model=list[AttendanceRecord],
    summary="Who attended a session",
)
async def attendance(session_id: UUID, deps: Needs) -> list[AttendanceRecord]:
    async with deps.pool.acquire() as conn:
        if await sessions.get(conn, session_id) is None:
            raise not_found("session", session_id)
        return await participation.session_attendance(conn, session_id)


@router.post(
    "/sessions/{session_id}/feedback", response_model=Feedback, status_code=201,
    summary="Give feedback on an attended session",
)
async def give_feedback(session_id: UUID, form: FeedbackForm, deps: Needs) -> Feedback:
    return await use.give_feedback(deps, session_id, form)


@router.get("/sessions/{session_id}/feedback", response_model=list[Feedback], summary="Feedback on a session")
async def session_feedback(session_id: UUID, deps: Needs) -> list[Feedback]:
    async with deps.pool.acquire() as conn:
        return await participation.session_feedback(conn, session_id)


@router.get("/feedback/{feedback_id}", response_model=Feedback, summary="Look up feedback")
async def feedback(feedback_id: UUID, deps: Needs) -> Feedback:
    async with deps.pool.acquire() as conn:
        found = await participation.get_feedback(conn, feedback_id)
    if found is None:
        raise not_found("feedback", feedback_id)
    return found


@router.post("/feedback/{feedback_id}/follow-up", response_model=Feedback, summary="Answer the follow-up survey")
async def follow_up(feedback_id: UUID, answer: FollowUp, deps: Needs) -> Feedback:
    return await use.follow_up(deps, feedback_id, answer)


@router.get(
    "/incentives/milestones", response_model=list[Milestone], tags=["incentives"],
    summary="List incentive milestones",
)
async def milestones(deps: Needs) -> list[Milestone]:
    async with deps.pool.acquire() as conn:
        return await participation.milestones(conn)


@router.put(
    "/incentives/milestones/{code}", response_model=Milestone, tags=["incentives"],
    summary="Configure an incentive milestone",
)
async def put_milestone(details: MilestoneDetails, deps: Needs,
                        code: str = Path(pattern=r"^[a-z0-9][a-z0-9_\-]{0,47}$")) -> Milestone:
    """Configure a milestone (e.g. `certificate`: 3 sessions). Patrons already past it earn it at their next session."""
    milestone = Milestone(code=code, **details.model_dump())
    async with deps.pool.acquire() as conn:
        return await participation.put_milestone(conn, milestone)


@router.delete(
    "/incentives/milestones/{code}", status_code=204, tags=["incentives"],
    summary="Remove an incentive milestone",
)
async def delete_milestone(code: str, deps: Needs) -> Response:
    async with deps.pool.acquire() as conn:
        if not await participation.delete_milestone(conn, code):
            raise not_found("milestone", code)
    return Response(status_code=204)
