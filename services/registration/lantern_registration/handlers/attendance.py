"""Check-ins (staff, kiosks and scanners), feedback after attending, and the incentives attendance earns."""

import logging
import uuid
from datetime import datetime, timedelta
from uuid import UUID

from lantern_shared.refusals import conflict, not_found, present
from lantern_shared.uow import UnitOfWork

from ..deps import Deps
from ..domain.participation import (
    AttendanceRecord, CheckIn, Feedback, FeedbackForm, FollowUp, Milestone, milestones_reached,
)
from ..domain.programs import Program, Session
from ..errors import no_such_patron
from ..events import (
    ATTENDANCE_RECORDED, FEEDBACK_RECEIVED, INCENTIVE_EARNED, AttendanceRecorded, CheckinRecorded, FeedbackReceived,
    IncentiveEarned,
)
from ..store import participation, patrons, programs, registrations, sessions

log = logging.getLogger(__name__)


async def check_in(deps: Deps, session_id: UUID, request: CheckIn) -> tuple[AttendanceRecord, bool]:
    """Staff check a patron in. Returns the attendance and whether it is new (a second check-in changes nothing)."""
    now = deps.clock()
    async with deps.uow() as work:
        session = await sessions.get(work.conn, session_id)
        if session is None:
            raise not_found("session", session_id)
        if session.status == "cancelled":
            raise conflict("session_cancelled", "This session was cancelled; nobody can check in.")
        if now < session.starts_at - timedelta(seconds=deps.check_in_opens_before_s):
            raise conflict("check_in_not_open", "Check-in opens shortly before the session starts.")
        if await patrons.get(work.conn, request.patron_id) is None:
            raise no_such_patron()
        program = present(await programs.get(work.conn, session.program_id), "program", session.program_id)
        record = await record_attendance(deps, work, session, program, request.patron_id,
                                         request.checked_in_at or now, "staff")
        if record is None:
            already = await participation.attendance(work.conn, session_id, request.patron_id)
            return present(already, "attendance", f"of patron {request.patron_id} at session {session_id}"), False
    return record, True


async def checkin_scanned(deps: Deps, work: UnitOfWork, data: CheckinRecorded, event_ref: str) -> None:
    """A kiosk or scanner scan. Its nonce makes a re-sent scan count once, whatever its CloudEvent id
    (`event_ref`, the event's source and id, stands in for a scan sent without a nonce)."""
    nonce = data.nonce or f"event:{event_ref}"
    if not await participation.first_scan(work.conn, nonce, data.session_id, data.kiosk_id):
        deps.metrics.scans.labels("repeated_scan").inc()
        return
    outcome = await _apply_scan(deps, work, data)
    await participation.scan_outcome(work.conn, nonce, outcome)
    deps.metrics.scans.labels(outcome).inc()
    if outcome != "recorded":
        log.info("kiosk scan not recorded as attendance: %s", outcome, extra={"kiosk_id": data.kiosk_id})


async def _apply_scan(deps: Deps, work: UnitOfWork, data: CheckinRecorded) -> str:
    session = await sessions.get(work.conn, data.session_id)
    if session is None:
        return "unknown_session"
    if session.status == "cancelled":
        return "session_cancelled"
    if data.patron_id is not None:
        patron = await patrons.get(work.conn, data.patron_id)
    elif data.library_card_number:
        patron = await patrons.by_card(work.conn, data.library_card_number)
    else:
        patron = None
    if patron is None:
        return "unknown_patron"
    program = present(await programs.get(work.conn, session.program_id), "program", session.program_id)
    record = await record_attendance(deps, work, session, program, patron.id, data.checked_in_at, "kiosk")
    return "recorded" if record else "already_checked_in"


async def record_attendance(
    deps: Deps, work: UnitOfWork, session: Session, program: Program, patron_id: UUID, checked_in_at: datetime,
    method: str,
) -> AttendanceRecord | None:
    """Attendance, its points and any milestone it completes, in the caller's unit of work. None if already in."""
    registration = await registrations.active_for(work.conn, session.id, patron_id)
    record = await participation.record_attendance(
        work.conn, session.id, patron_id, registration.id if registration else None, checked_in_at, method
    )
    if record is None:
        return None
    if registration is not None:
        await registrations.mark_attended(work.conn, registration.id)  # also corrects a no-show entered late
    await work.publish(ATTENDANCE_RECORDED, AttendanceRecorded(**record.model_dump()), key=str(patron_id),
                       subject=f"sessions/{session.id}/attendance/{patron_id}")
    attended, points = await participation.add_attended_session(work.conn, patron_id, deps.points_per_session)
    for milestone in milestones_reached(attended, await participation.milestones(work.conn)):
        if await participation.award(work.conn, patron_id, milestone.code, points):
            await work.publish(INCENTIVE_EARNED, _earned(patron_id, milestone, points, attended),
                               key=str(patron_id), subject=f"patrons/{patron_id}/incentives/{milestone.code}")
            deps.metrics.incentives.labels(milestone.code).inc()
    deps.metrics.attendance.labels(program.kind, method).inc()
    return record


def _earned(patron_id: UUID, milestone: Milestone, points: int, attended: int) -> IncentiveEarned:
    return IncentiveEarned(patron_id=patron_id, milestone=milestone.code, points_total=points, reward=milestone.reward,
                           sessions_attended=attended)


# ---- feedback --------------------------------------------------------------------------------------------

async def give_feedback(deps: Deps, session_id: UUID, form: FeedbackForm) -> Feedback:
    async with deps.uow() as work:
        session = await sessions.get(work.conn, session_id)
        if session is None:
            raise not_found("session", session_id)
        if await participation.attendance(work.conn, session_id, form.patron_id) is None:
            raise conflict("not_attended", "Feedback comes from patrons who attended this session.")
        feedback = await participation.insert_feedback(work.conn, uuid.uuid4(), session_id, form)
        if feedback is None:
            raise conflict("feedback_already_given", "This patron has already given feedback on this session.")
        await work.publish(
            FEEDBACK_RECEIVED,
            FeedbackReceived(session_id=session_id, patron_id=form.patron_id, rating=form.rating,
                             wants_to_learn=form.wants_to_learn, knowledge=form.knowledge,
                             confidence=form.confidence, application=form.application, awareness=form.awareness),
            key=str(form.patron_id), subject=f"sessions/{session_id}/feedback/{feedback.id}",
        )
        program = present(await programs.get(work.conn, session.program_id), "program", session.program_id)
    deps.metrics.feedback.labels(program.kind).inc()
    return feedback


async def follow_up(deps: Deps, feedback_id: UUID, answer: FollowUp) -> Feedback:
    async with deps.uow() as work:
        if await participation.get_feedback(work.conn, feedback_id) is None:
            raise not_found("feedback", feedback_id)
        feedback = await participation.record_follow_up(work.conn, feedback_id, answer)
        if feedback is None:
            raise conflict("follow_up_already_given", "The follow-up survey for this feedback was already answered.")
    return feedback


async def forget_old_scans(deps: Deps, retention: timedelta) -> int:
    """Nonces only need to outlive any plausible re-send of a scan; the attendance they led to stays."""
    async with deps.pool.acquire() as conn:
        return await participation.forget_scans_before(conn, deps.clock() - retention)
