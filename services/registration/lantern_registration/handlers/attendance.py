"""Check-ins (staff, kiosks and scanners), feedback after attending, and the incentives attendance earns."""

import logging
import uuid
from datetime import UTC, datetime, timedelta
from uuid import UUID

import asyncpg

from lantern_shared.consumer import EventContext
from lantern_shared.outbox import Outbox

from ..domain.participation import (
    AttendanceRecord, CheckIn, Feedback, FeedbackForm, FollowUp, Milestone, milestones_reached,
)
from ..domain.programs import Program, Session
from ..events import (
    ATTENDANCE_RECORDED, FEEDBACK_RECEIVED, INCENTIVE_EARNED, AttendanceRecorded, CheckinRecorded, FeedbackReceived,
    IncentiveEarned,
)
from ..refusals import conflict, invalid, not_found
from ..store import participation, patrons, programs, registrations, sessions
from .wiring import Outreach

log = logging.getLogger(__name__)


async def check_in(out: Outreach, session_id: UUID, request: CheckIn, now: datetime | None = None) -> tuple[AttendanceRecord, bool]:
    """Staff check a patron in. Returns the attendance and whether it is new (a second check-in changes nothing)."""
    now = now or datetime.now(UTC)
    async with out.pool.acquire() as conn, conn.transaction():
        session = await sessions.get(conn, session_id)
        if session is None:
            raise not_found("session", session_id)
        if session.status == "cancelled":
            raise conflict("session_cancelled", "This session was cancelled; nobody can check in.")
        if now < session.starts_at - timedelta(seconds=out.check_in_opens_before_s):
            raise conflict("check_in_not_open", "Check-in opens shortly before the session starts.")
        if await patrons.get(conn, request.patron_id) is None:
            raise invalid("patron_id", "no enrolled patron has this id")
        program = await programs.get(conn, session.program_id)
        record = await record_attendance(conn, out, session, program, request.patron_id,
                                         request.checked_in_at or now, "staff")
        if record is None:
            return await participation.attendance(conn, session_id, request.patron_id), False
    return record, True


async def checkin_scanned(out: Outreach, data: CheckinRecorded, ctx: EventContext) -> None:
    """A kiosk or scanner scan. Its nonce makes a re-sent scan count once, whatever its CloudEvent id."""
    nonce = data.nonce or f"event:{ctx.event.source}:{ctx.event.id}"
    if not await participation.first_scan(ctx.conn, nonce, data.session_id, data.kiosk_id):
        out.metrics.scans.labels("repeated_scan").inc()
        return
    outcome = await _apply_scan(out, data, ctx)
    await participation.scan_outcome(ctx.conn, nonce, outcome)
    out.metrics.scans.labels(outcome).inc()
    if outcome != "recorded":
        log.info("kiosk scan not recorded as attendance: %s", outcome, extra={"kiosk_id": data.kiosk_id})


async def _apply_scan(out: Outreach, data: CheckinRecorded, ctx: EventContext) -> str:
    session = await sessions.get(ctx.conn, data.session_id)
    if session is None:
        return "unknown_session"
    if session.status == "cancelled":
        return "session_cancelled"
    if data.patron_id is not None:
        patron = await patrons.get(ctx.conn, data.patron_id)
    elif data.library_card_number:
        patron = await patrons.by_card(ctx.conn, data.library_card_number)
    else:
        patron = None
    if patron is None:
        return "unknown_patron"
    program = await programs.get(ctx.conn, session.program_id)
    record = await record_attendance(ctx.conn, out, session, program, patron.id, data.checked_in_at, "kiosk",
                                     outbox=ctx.outbox)
    return "recorded" if record else "already_checked_in"


async def record_attendance(
    conn: asyncpg.Connection, out: Outreach, session: Session, program: Program, patron_id: UUID,
    checked_in_at: datetime, method: str, *, outbox: Outbox | None = None,
) -> AttendanceRecord | None:
    """Attendance, its points and any milestone it completes, in the caller's transaction. None if already in."""
    outbox = outbox or out.outbox
    registration = await registrations.active_for(conn, session.id, patron_id)
    record = await participation.record_attendance(
        conn, session.id, patron_id, registration.id if registration else None, checked_in_at, method
    )
    if record is None:
        return None
    if registration is not None:
        await registrations.mark_attended(conn, registration.id)  # also corrects a no-show entered late
    await outbox.add(conn, ATTENDANCE_RECORDED, AttendanceRecorded(**record.model_dump()), key=str(patron_id),
                     subject=f"sessions/{session.id}/attendance/{patron_id}")
    attended, points = await participation.add_attended_session(conn, patron_id, out.points_per_session)
    for milestone in milestones_reached(attended, await participation.milestones(conn)):
        if await participation.award(conn, patron_id, milestone.code, points):
            await outbox.add(conn, INCENTIVE_EARNED, _earned(patron_id, milestone, points, attended),
                             key=str(patron_id), subject=f"patrons/{patron_id}/incentives/{milestone.code}")
            out.metrics.incentives.labels(milestone.code).inc()
    out.metrics.attendance.labels(program.kind, method).inc()
    return record


def _earned(patron_id: UUID, milestone: Milestone, points: int, attended: int) -> IncentiveEarned:
    return IncentiveEarned(patron_id=patron_id, milestone=milestone.code, points_total=points, reward=milestone.reward,
                           sessions_attended=attended)


# ---- feedback --------------------------------------------------------------------------------------------

async def give_feedback(out: Outreach, session_id: UUID, form: FeedbackForm) -> Feedback:
    async with out.pool.acquire() as conn, conn.transaction():
        session = await sessions.get(conn, session_id)
        if session is None:
            raise not_found("session", session_id)
        if await participation.attendance(conn, session_id, form.patron_id) is None:
            raise conflict("not_attended", "Feedback comes from patrons who attended this session.")
        feedback = await participation.insert_feedback(conn, uuid.uuid4(), session_id, form)
        if feedback is None:
            raise conflict("feedback_already_given", "This patron has already given feedback on this session.")
        await out.outbox.add(
            conn, FEEDBACK_RECEIVED,
            FeedbackReceived(session_id=session_id, patron_id=form.patron_id, rating=form.rating,
                             wants_to_learn=form.wants_to_learn, knowledge=form.knowledge,
                             confidence=form.confidence, application=form.application, awareness=form.awareness),
            key=str(form.patron_id), subject=f"sessions/{session_id}/feedback/{feedback.id}",
        )
        program = await programs.get(conn, session.program_id)
    out.metrics.feedback.labels(program.kind).inc()
    return feedback


async def follow_up(out: Outreach, feedback_id: UUID, answer: FollowUp) -> Feedback:
    async with out.pool.acquire() as conn, conn.transaction():
        if await participation.get_feedback(conn, feedback_id) is None:
            raise not_found("feedback", feedback_id)
        feedback = await participation.record_follow_up(conn, feedback_id, answer)
        if feedback is None:
            raise conflict("follow_up_already_given", "The follow-up survey for this feedback was already answered.")
    return feedback


async def forget_old_scans(out: Outreach, retention: timedelta, now: datetime | None = None) -> int:
    """Nonces only need to outlive any plausible re-send of a scan; the attendance they led to stays."""
    async with out.pool.acquire() as conn:
        return await participation.forget_scans_before(conn, (now or datetime.now(UTC)) - retention)
