"""Attendance, kiosk scans, feedback and incentive points."""

from datetime import datetime
from uuid import UUID

import asyncpg

from ..domain.participation import AttendanceRecord, Feedback, FeedbackForm, FollowUp, Milestone, Standing


async def record_attendance(
    conn: asyncpg.Connection, session_id: UUID, patron_id: UUID, registration_id: UUID | None,
    checked_in_at: datetime, method: str,
) -> AttendanceRecord | None:
    """The new record, or None when this patron was already checked in to this session."""
    row = await conn.fetchrow(
        """INSERT INTO attendance (session_id, patron_id, registration_id, checked_in_at, method)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING
           RETURNING session_id, patron_id, registration_id, checked_in_at, method""",
        session_id, patron_id, registration_id, checked_in_at, method,
    )
    return AttendanceRecord.model_validate(dict(row)) if row else None


async def attendance(conn: asyncpg.Connection, session_id: UUID, patron_id: UUID) -> AttendanceRecord | None:
    row = await conn.fetchrow(
        "SELECT session_id, patron_id, registration_id, checked_in_at, method FROM attendance "
        "WHERE session_id = $1 AND patron_id = $2",
        session_id, patron_id,
    )
    return AttendanceRecord.model_validate(dict(row)) if row else None


async def session_attendance(conn: asyncpg.Connection, session_id: UUID) -> list[AttendanceRecord]:
    rows = await conn.fetch(
        "SELECT session_id, patron_id, registration_id, checked_in_at, method FROM attendance "
        "WHERE session_id = $1 ORDER BY checked_in_at, patron_id",
        session_id,
    )
    return [AttendanceRecord.model_validate(dict(r)) for r in rows]


async def first_scan(conn: asyncpg.Connection, nonce: str, session_id: UUID, kiosk_id: str | None) -> bool:
    """Record a scan's nonce; False when this scan was seen before (a re-sent scan)."""
    return bool(await conn.fetchval(
        "INSERT INTO checkin_scans (nonce, session_id, kiosk_id, outcome) VALUES ($1, $2, $3, 'received') "
        "ON CONFLICT DO NOTHING RETURNING true",
        nonce, session_id, kiosk_id,
    ))


async def scan_outcome(conn: asyncpg.Connection, nonce: str, outcome: str) -> None:
    await conn.execute("UPDATE checkin_scans SET outcome = $2 WHERE nonce = $1", nonce, outcome)


# ---- feedback ----------------------------------------------------------------------------------------------

_FEEDBACK = (
    "id, session_id, patron_id, knowledge, confidence, application, awareness, liked_most, could_be_better, "
    "wants_to_learn, submitted_at, follow_up_applied, follow_up_comment, followed_up_at"
)


async def insert_feedback(conn: asyncpg.Connection, feedback_id: UUID, session_id: UUID, form: FeedbackForm) -> Feedback | None:
    row = await conn.fetchrow(
        f"""INSERT INTO feedback (id, session_id, patron_id, knowledge, confidence, application, awareness,
                                  liked_most, could_be_better, wants_to_learn)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (session_id, patron_id) DO NOTHING
            RETURNING {_FEEDBACK}""",
        feedback_id, session_id, form.patron_id, form.knowledge, form.confidence, form.application, form.awareness,
        form.liked_most, form.could_be_better, form.wants_to_learn,
    )
    return Feedback.model_validate(dict(row)) if row else None


async def get_feedback(conn: asyncpg.Connection, feedback_id: UUID) -> Feedback | None:
    row = await conn.fetchrow(f"SELECT {_FEEDBACK} FROM feedback WHERE id = $1", feedback_id)
    return Feedback.model_validate(dict(row)) if row else None


async def record_follow_up(conn: asyncpg.Connection, feedback_id: UUID, follow_up: FollowUp) -> Feedback | None:
    """None when the follow-up was already given."""
    row = await conn.fetchrow(
        f"""UPDATE feedback SET follow_up_applied = $2, follow_up_comment = $3, followed_up_at = now()
            WHERE id = $1 AND followed_up_at IS NULL RETURNING {_FEEDBACK}""",
        feedback_id, follow_up.applied, follow_up.comment,
    )
    return Feedback.model_validate(dict(row)) if row else None


async def session_feedback(conn: asyncpg.Connection, session_id: UUID) -> list[Feedback]:
    rows = await conn.fetch(f"SELECT {_FEEDBACK} FROM feedback WHERE session_id = $1 ORDER BY submitted_at, id", session_id)
    return [Feedback.model_validate(dict(r)) for r in rows]


# ---- incentives --------------------------------------------------------------------------------------------

async def add_attended_session(conn: asyncpg.Connection, patron_id: UUID, points: int) -> tuple[int, int]:
    row = await conn.fetchrow(
        """INSERT INTO incentive_balances (patron_id, sessions_attended, points) VALUES ($1, 1, $2)
           ON CONFLICT (patron_id) DO UPDATE
           SET sessions_attended = incentive_balances.sessions_attended + 1,
               points = incentive_balances.points + $2
           RETURNING sessions_attended, points""",
        patron_id, points,
    )
    return row["sessions_attended"], row["points"]


async def milestones(conn: asyncpg.Connection) -> list[Milestone]:
    rows = await conn.fetch("SELECT code, sessions_required, reward FROM incentive_milestones ORDER BY sessions_required, code")
    return [Milestone.model_validate(dict(r)) for r in rows]


async def put_milestone(conn: asyncpg.Connection, milestone: Milestone) -> Milestone:
    await conn.execute(
        """INSERT INTO incentive_milestones (code, sessions_required, reward) VALUES ($1, $2, $3)
           ON CONFLICT (code) DO UPDATE SET sessions_required = $2, reward = $3, updated_at = now()""",
        milestone.code, milestone.sessions_required, milestone.reward,
    )
    return milestone


async def delete_milestone(conn: asyncpg.Connection, code: str) -> bool:
    return (await conn.execute("DELETE FROM incentive_milestones WHERE code = $1", code)) != "DELETE 0"


async def award(conn: asyncpg.Connection, patron_id: UUID, milestone: str, points: int) -> bool:
    """True the first time; the primary key makes every later attempt a no-op."""
    return bool(await conn.fetchval(
        "INSERT INTO incentive_awards (patron_id, milestone, points) VALUES ($1, $2, $3) "
        "ON CONFLICT DO NOTHING RETURNING true",
        patron_id, milestone, points,
    ))


async def standing(conn: asyncpg.Connection, patron_id: UUID) -> Standing:
    row = await conn.fetchrow(
        "SELECT sessions_attended, points FROM incentive_balances WHERE patron_id = $1", patron_id
    )
    awards = await conn.fetch(
        "SELECT milestone FROM incentive_awards WHERE patron_id = $1 ORDER BY awarded_at, milestone", patron_id
    )
    return Standing(
        patron_id=patron_id, sessions_attended=row["sessions_attended"] if row else 0,
        points=row["points"] if row else 0, milestones=[a["milestone"] for a in awards],
    )


async def forget_scans_before(conn: asyncpg.Connection, cutoff: datetime) -> int:
    status = await conn.execute("DELETE FROM checkin_scans WHERE received_at < $1", cutoff)
    return int(status.split()[-1])
