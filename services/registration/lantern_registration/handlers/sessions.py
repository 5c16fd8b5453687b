"""Scheduling, changing, cancelling and completing sessions; the equipment saga with the devices service."""

import logging
import uuid
from datetime import datetime
from uuid import UUID

from lantern_shared.refusals import conflict, invalid, not_found, present
from lantern_shared.uow import UnitOfWork

from ..deps import Deps
from ..domain.participation import SessionCancellation
from ..domain.programs import (
    CLOSED_STATUSES, Program, Session, SessionChanges, SessionDetails, equipment_status, status_after_equipment_answer,
    status_when_scheduled,
)
from ..domain.seating import capacity_refusal
from ..events import (
    REGISTRATION_CANCELLED, SESSION_CANCELLED, SESSION_COMPLETED, SESSION_EQUIPMENT_CHANGED, SESSION_SCHEDULED,
    SESSION_UPDATED, DevicesReservationFailed, DevicesReserved, RegistrationCancelled, SessionCancelled,
    SessionCompleted, SessionEquipmentChanged, SessionScheduled, SessionUpdated,
)
from ..errors import merged_fields_checked
from ..store import participation, programs, registrations, sessions
from . import no_shows as no_show_policy
from . import seats

log = logging.getLogger(__name__)


def session_data(model: type[SessionScheduled], session: Session, program: Program) -> SessionScheduled:
    return model(
        session_id=session.id, program_id=program.id, program_kind=program.kind, title=program.title_in(),
        titles=program.titles, starts_at=session.starts_at, ends_at=session.ends_at, timezone=session.timezone,
        place=session.place.model_dump(mode="json"), host=program.host.model_dump(mode="json"),
        capacity=session.capacity, languages=session.languages, devices_needed=session.devices_needed,
        age_group=program.age_group, booking_id=session.booking_id,
    )


def _subject(session_id: UUID) -> str:
    return f"sessions/{session_id}"


async def _reread(work: UnitOfWork, session_id: UUID) -> Session:
    """The session again, after this unit of work changed it (it holds the lock, so the row is there)."""
    return present(await sessions.get(work.conn, session_id), "session", session_id)


async def _program_of(work: UnitOfWork, session: Session) -> Program:
    return present(await programs.get(work.conn, session.program_id), "program", session.program_id)


async def schedule_session(deps: Deps, details: SessionDetails) -> Session:
    if details.starts_at <= deps.clock():
        raise invalid("starts_at", "a session is scheduled ahead of its start")
    async with deps.uow() as work:
        program = await programs.get(work.conn, details.program_id)
        if program is None:
            raise invalid("program_id", "no program has this id")
        if program.host.partner_id and await programs.host_status(work.conn, program.host.partner_id) == "lapsed":
            raise conflict("partner_lapsed", "The partnership hosting this program has lapsed; "
                           "move the program to another host before scheduling it.")
        if program.mentorship is not None:
            details = details.model_copy(update={"capacity": 2})  # the pair, and nobody else
        session = await sessions.insert(
            work.conn, uuid.uuid4(), details, languages=details.languages or program.languages,
            status=status_when_scheduled(details.devices_needed),
        )
        await work.publish(SESSION_SCHEDULED, session_data(SessionScheduled, session, program),
                           key=str(session.id), subject=_subject(session.id))
        if program.mentorship is not None:
            for patron_id in (program.mentorship.mentee_id, program.mentorship.mentor_id):
                await seats.add(work, await _reread(work, session.id), program, patron_id)
            session = await _reread(work, session.id)
    deps.metrics.sessions.labels(program.kind, "scheduled").inc()
    deps.metrics.seats_scheduled.labels(program.kind).inc(session.capacity)
    return session


async def update_session(deps: Deps, session_id: UUID, changes: SessionChanges) -> Session:
    if changes.starts_at is not None and changes.starts_at <= deps.clock():
        raise invalid("starts_at", "a session can only be moved to a time still ahead")
    async with deps.uow() as work:
        current = await sessions.lock(work.conn, session_id)
        if current is None:
            raise not_found("session", session_id)
        if current.status in CLOSED_STATUSES:
            raise conflict("session_closed", f"This session is {current.status}; it can no longer change.")
        program = await _program_of(work, current)
        if changes.capacity is not None and program.mentorship is not None and changes.capacity != 2:
            raise conflict("mentorship_pair_only", "A mentorship session holds exactly its mentee and mentor.")
        if (current.series_id is not None and program.registration.unit == "series" and changes.capacity is not None
                and changes.capacity != current.capacity):
            raise conflict("series_capacity", "A whole-series registration holds a seat in every occurrence; "
                           "change the capacity on the series.", field="capacity")
        if changes.capacity is not None and (refusal := capacity_refusal(changes.capacity, current.confirmed)):
            raise conflict("capacity_below_confirmed", refusal, confirmed=current.confirmed)
        with merged_fields_checked():
            details = changes.applied_to(current)
        status = current.status
        if details.devices_needed != current.devices_needed:
            status = status_when_scheduled(details.devices_needed)  # devices reserves afresh on session.updated
        moved = current.series_id is not None and (
            (details.starts_at, details.ends_at, details.place) != (current.starts_at, current.ends_at, current.place))
        session = await sessions.update(work.conn, session_id, details, status=status, moved=moved)
        await work.publish(SESSION_UPDATED, session_data(SessionUpdated, session, program),
                           key=str(session_id), subject=_subject(session_id))
        if status == "equipment_pending" and current.status != "equipment_pending":
            await work.publish(
                SESSION_EQUIPMENT_CHANGED,
                SessionEquipmentChanged(session_id=session_id, title=program.title_in(), starts_at=session.starts_at,
                                        equipment_status="pending", missing={}),
                key=str(session_id), subject=_subject(session_id),
            )
        promoted = await seats.fill_free_seats(work, session_id, program)
        session = await _reread(work, session_id)
    if session.capacity > current.capacity:
        deps.metrics.seats_scheduled.labels(program.kind).inc(session.capacity - current.capacity)
    if promoted:
        deps.metrics.registrations.labels(program.kind, "promoted").inc(len(promoted))
    return session


async def cancel_session(deps: Deps, session_id: UUID, cancellation: SessionCancellation) -> Session:
    async with deps.uow() as work:
        session = await sessions.lock(work.conn, session_id)
        if session is None:
            raise not_found("session", session_id)
        if session.status == "cancelled":
            raise conflict("already_cancelled", "This session is already cancelled.")
        if session.status == "completed":
            raise conflict("session_ended", "This session has already taken place.")
        program = await _program_of(work, session)
        told = await cancel_locked(work, session, program, cancellation.reason)
        session = await _reread(work, session_id)
    deps.metrics.sessions.labels(program.kind, "cancelled").inc()
    deps.metrics.registrations.labels(program.kind, "cancelled").inc(told)
    return session


async def cancel_locked(work: UnitOfWork, session: Session, program: Program, reason: str) -> int:
    """Cancel a session the caller holds locked: its devices go back, every registrant is told. How many told."""
    session = await sessions.set_status(work.conn, session.id, "cancelled", cancel_reason=reason)
    await work.publish(
        SESSION_CANCELLED,
        SessionCancelled(session_id=session.id, title=program.title_in(), starts_at=session.starts_at, reason=reason),
        key=str(session.id), subject=_subject(session.id),
    )
    return await _tell_every_registrant(work, session, program)


async def _tell_every_registrant(work: UnitOfWork, session: Session, program: Program) -> int:
    active = await registrations.active(work.conn, session.id)
    for registration in active:
        await registrations.cancel(work.conn, registration.id, "session_cancelled")
        data = seats.registration_data(RegistrationCancelled, registration.id, registration.patron_id, session, program,
                                       reason="session_cancelled", was=registration.status)
        await work.publish(REGISTRATION_CANCELLED, data, key=str(registration.id),
                           subject=f"sessions/{session.id}/registrations/{registration.id}")
    return len(active)


async def complete_ended_sessions(deps: Deps) -> int:
    """Mark unchecked confirmed registrants of ended sessions as no-shows and complete those sessions."""
    now = deps.clock()
    completed = 0
    while True:
        async with deps.pool.acquire() as conn:
            ended = await sessions.ended_and_open(conn, now)
        for session_id in ended:
            completed += await _complete(deps, session_id, now)
        if len(ended) < 100:
            return completed


async def _complete(deps: Deps, session_id: UUID, now: datetime) -> int:
    async with deps.uow() as work:
        session = present(await sessions.lock(work.conn, session_id), "session", session_id)
        if session.status in CLOSED_STATUSES or session.ends_at > now:
            return 0  # another round got there first
        program = await _program_of(work, session)
        no_shows = await registrations.mark_no_shows(work.conn, session_id)
        attended = len(await participation.session_attendance(work.conn, session_id))
        await sessions.set_status(work.conn, session_id, "completed")
        await no_show_policy.apply_policy(work, program, session_id, now)
        await work.publish(
            SESSION_COMPLETED,
            SessionCompleted(session_id=session_id, title=program.title_in(), ended_at=session.ends_at,
                             attended=attended, no_shows=no_shows),
            key=str(session_id), subject=_subject(session_id),
        )
    deps.metrics.no_shows.labels(program.kind).inc(no_shows)
    deps.metrics.sessions.labels(program.kind, "completed").inc()
    return 1


async def refresh_seat_gauges(deps: Deps) -> None:
    async with deps.pool.acquire() as conn:
        row = await sessions.seat_gauges(conn, deps.clock())
    deps.metrics.seats_offered.set(row["offered"])
    deps.metrics.seats_filled.set(row["filled"])
    deps.metrics.waitlist_length.set(row["waitlisted"])


# ---- the equipment saga: devices answers a session.scheduled ---------------------------------------------

async def devices_reserved(deps: Deps, work: UnitOfWork, data: DevicesReserved) -> None:
    await _equipment_answer(deps, work, data.session_id, reserved=True, answered_for=data.reserved, missing={})


async def devices_reservation_failed(deps: Deps, work: UnitOfWork, data: DevicesReservationFailed) -> None:
    await _equipment_answer(deps, work, data.session_id, reserved=False, answered_for=data.requested,
                            missing=data.missing)


async def _equipment_answer(
    deps: Deps, work: UnitOfWork, session_id: UUID, *, reserved: bool, answered_for: dict[str, int],
    missing: dict[str, int],
) -> None:
    session = await sessions.lock(work.conn, session_id)
    if session is None:
        log.warning("devices answered for a session unknown here; ignored", extra={"session_id": str(session_id)})
        return
    if answered_for and answered_for != session.devices_needed:
        # An answer to what the session needed before staff changed it; the answer to the change is on its way.
        log.info("devices answered for an earlier equipment request; ignored", extra={"session_id": str(session_id)})
        return
    status = status_after_equipment_answer(session.status, reserved=reserved)
    if status is None:
        log.info("devices answered for a %s session; nothing to change", session.status)
        return
    program = await _program_of(work, session)
    session = await sessions.set_status(work.conn, session_id, status, missing=missing)
    await work.publish(
        SESSION_EQUIPMENT_CHANGED,
        SessionEquipmentChanged(session_id=session_id, title=program.title_in(), starts_at=session.starts_at,
                                equipment_status=equipment_status(status), missing=missing),
        key=str(session_id), subject=_subject(session_id),
    )
    deps.metrics.sessions.labels(program.kind, "equipment_ready" if reserved else "equipment_shortfall").inc()
