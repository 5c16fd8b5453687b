"""Registering, cancelling and promoting: every seat decision is made holding the session's row lock."""

import uuid
from datetime import datetime
from typing import Literal
from uuid import UUID

from lantern_shared.refusals import conflict, not_found, present
from lantern_shared.uow import UnitOfWork

from ..deps import Deps
from ..domain.participation import Registration, cancel_reason
from ..domain.programs import CLOSED_STATUSES, Program, Session, registration_refusal
from ..domain.rules import self_service_refusal
from ..domain.seating import seat_for_newcomer, to_promote
from ..errors import no_such_patron
from ..events import (
    REGISTRATION_CANCELLED, REGISTRATION_CONFIRMED, REGISTRATION_PROMOTED, REGISTRATION_WAITLISTED,
    RegistrationCancelled, RegistrationConfirmed, RegistrationData, RegistrationPromoted, RegistrationWaitlisted,
)
from ..store import patrons, pauses, programs, registrations, sessions


def registration_data(
    model: type[RegistrationData], registration_id: UUID, patron_id: UUID, session: Session, program: Program, **extra
) -> RegistrationData:
    return model(
        registration_id=registration_id, session_id=session.id, patron_id=patron_id,
        session_title=program.title_in(), starts_at=session.starts_at, ends_at=session.ends_at,
        timezone=session.timezone, place_name=session.place.name, program_kind=program.kind, **extra,
    )


async def register(deps: Deps, session_id: UUID, patron_id: UUID, *, self_service: bool = False) -> Registration:
    """`self_service`: the patron registers themselves (staff-only mode and no-show pauses apply to them only)."""
    now = deps.clock()
    quick = await _confirm_at_once(deps, session_id, patron_id, now, self_service)
    registration, kind = (quick if quick is not None
                          else await _register(deps, session_id, patron_id, now, self_service))
    deps.metrics.registrations.labels(kind, registration.status).inc()
    return registration


async def _confirm_at_once(
    deps: Deps, session_id: UUID, patron_id: UUID, now: datetime, self_service: bool,
) -> tuple[Registration, str] | None:
    """The common case, a free seat, in one statement (seat decision, registration row and outbox row under the
    session's lock; see migration 0003). The event is built from a snapshot of the session that the statement
    checks is still current. None, with nothing written, whenever this cannot simply confirm: `_register`
    then decides afresh under the lock (waitlist, refusals, a session that changed)."""
    async with deps.uow(single_statement=True) as work:
        seen = deps.session_snapshots.get(session_id)
        if seen is None:
            seen = await sessions.snapshot(work.conn, session_id)
            if seen is None:
                return None
            deps.session_snapshots[session_id] = seen
            if len(deps.session_snapshots) > deps.session_snapshots_max:
                deps.session_snapshots.popitem(last=False)
        session, program, version = seen
        rules = program.registration
        if (registration_refusal(session, now, rules) or program.mentorship is not None or rules.unit == "series"
                or (self_service and (rules.mode == "staff_only" or rules.no_show_policy is not None))):
            return None
        registration_id = uuid.uuid4()
        event = work.prepare(REGISTRATION_CONFIRMED,
                             registration_data(RegistrationConfirmed, registration_id, patron_id, session, program),
                             key=str(registration_id), subject=_subject(session_id, registration_id))
        outcome = await registrations.confirm_seat(work.conn, registration_id, session_id, patron_id, version, event)
        if isinstance(outcome, str):
            if outcome == "changed":
                deps.session_snapshots.pop(session_id, None)
            return None
        work.written(event)
        return outcome, program.kind


async def _register(
    deps: Deps, session_id: UUID, patron_id: UUID, now: datetime, self_service: bool,
) -> tuple[Registration, str]:
    async with deps.uow() as work:
        # The patron before the session, the order erasure takes them in: no deadlock, and no seat for the erased.
        if await patrons.get(work.conn, patron_id, lock="share") is None:
            raise no_such_patron()
        locked = await sessions.lock_with_program(work.conn, session_id)
        if locked is None:
            raise not_found("session", session_id)
        session, program = locked
        if refusal := registration_refusal(session, now, program.registration):
            raise conflict(*refusal)
        if session.series_id is not None and program.registration.unit == "series":
            raise conflict("series_registration_only", "This program registers for its whole series at once; "
                           "register for the series.", series_id=str(session.series_id))
        if self_service:
            await refuse_self_service(work, program, patron_id, now)
        if program.mentorship is not None:
            raise conflict("mentorship_pair_only", "Sessions of a mentorship program hold its mentee and mentor only.")
        registration = await add(work, session, program, patron_id)
        if registration is None:
            existing = present(await registrations.active_for(work.conn, session_id, patron_id),
                               "active registration", f"of patron {patron_id} for session {session_id}")
            raise conflict("already_registered", f"This patron already holds a {existing.status} registration "
                           "for this session.", registration_id=str(existing.id), registration_status=existing.status)
    return registration, program.kind


async def refuse_self_service(work: UnitOfWork, program: Program, patron_id: UUID, now: datetime) -> None:
    """Staff-only mode and a no-show pause stop a patron registering themselves (staff still can)."""
    paused_until = (await pauses.paused_until(work.conn, patron_id, program.id)
                    if program.registration.no_show_policy is not None else None)
    if refusal := self_service_refusal(program.registration, paused_until, now):
        reason, detail, extra = refusal
        raise conflict(reason, detail, **extra)


async def add(work: UnitOfWork, session: Session, program: Program, patron_id: UUID) -> Registration | None:
    """A seat if one is free, else the end of the waitlist; the caller holds the session lock (and `session` was
    read under it). None, with nothing written, if the patron already holds an active registration here."""
    seat = seat_for_newcomer(session.capacity, session.confirmed)
    position = session.waitlisted + 1 if seat == "waitlisted" else None
    registration = await registrations.insert_unless_active(
        work.conn, uuid.uuid4(), session.id, patron_id, seat, position)
    if registration is None:
        return None
    if seat == "confirmed":
        data = registration_data(RegistrationConfirmed, registration.id, patron_id, session, program)
        await work.publish(REGISTRATION_CONFIRMED, data, key=str(registration.id),
                           subject=_subject(registration.session_id, registration.id))
    else:
        data = registration_data(RegistrationWaitlisted, registration.id, patron_id, session, program,
                                 position=registration.waitlist_position)
        await work.publish(REGISTRATION_WAITLISTED, data, key=str(registration.id),
                           subject=_subject(registration.session_id, registration.id))
    return registration


async def cancel(deps: Deps, registration_id: UUID, by: Literal["patron", "staff"]) -> Registration:
    now = deps.clock()
    async with deps.uow() as work:
        found = await registrations.get(work.conn, registration_id)
        if found is not None and found.series_registration_id is not None:
            # A seat of a whole-series registration is held, waitlisted and given up with the series as one.
            raise conflict("series_registration_only", "This seat belongs to a registration for the whole series; "
                           "cancel that registration.", series_registration_id=str(found.series_registration_id))
        registration, promoted, kind = await cancel_locked(work, registration_id, by=by, now=now)
    deps.metrics.registrations.labels(kind, "cancelled").inc()
    if promoted:
        deps.metrics.registrations.labels(kind, "promoted").inc(len(promoted))
    return registration


async def cancel_locked(
    work: UnitOfWork, registration_id: UUID, *, by: Literal["patron", "staff"], now: datetime
) -> tuple[Registration, list[Registration], str]:
    """Cancel inside the caller's unit of work; a freed seat goes to the head of the waitlist at once."""
    found = await registrations.get(work.conn, registration_id)
    if found is None:
        raise not_found("registration", registration_id)
    session = present(await sessions.lock(work.conn, found.session_id), "session", found.session_id)
    # re-read now that we hold the lock
    registration = present(await registrations.get(work.conn, registration_id), "registration", registration_id)
    if registration.status == "cancelled":
        raise conflict("already_cancelled", "This registration is already cancelled.")
    if session.status in CLOSED_STATUSES:
        raise conflict("session_closed", f"This session is {session.status}; its registrations can no longer change.")
    if now >= session.starts_at:
        # A seat freed once the session is under way helps nobody; absence is recorded as a no-show instead.
        raise conflict("session_started", "This session has started; its registrations can no longer change.")
    program = present(await programs.get(work.conn, session.program_id), "program", session.program_id)
    reason = cancel_reason(registration.status, by)
    await registrations.cancel(work.conn, registration_id, reason)
    data = registration_data(RegistrationCancelled, registration_id, registration.patron_id, session, program,
                             reason=reason, was=registration.status)
    await work.publish(REGISTRATION_CANCELLED, data, key=str(registration_id),
                       subject=_subject(registration.session_id, registration_id))
    promoted = await fill_free_seats(work, session.id, program) if registration.status == "confirmed" else []
    cancelled = present(await registrations.get(work.conn, registration_id), "registration", registration_id)
    return cancelled, promoted, program.kind


async def fill_free_seats(work: UnitOfWork, session_id: UUID, program: Program) -> list[Registration]:
    """Promote from the head of the waitlist into whatever seats are free; the caller holds the session lock."""
    session = present(await sessions.get(work.conn, session_id), "session", session_id)
    chosen = to_promote(session.capacity, session.confirmed, await registrations.waitlist(work.conn, session_id))
    if not chosen:
        return []
    await registrations.promote(work.conn, chosen)
    promoted = []
    for registration_id in chosen:
        registration = present(await registrations.get(work.conn, registration_id), "registration", registration_id)
        data = registration_data(RegistrationPromoted, registration_id, registration.patron_id, session, program)
        await work.publish(REGISTRATION_PROMOTED, data, key=str(registration_id),
                           subject=_subject(registration.session_id, registration_id))
        promoted.append(registration)
    return promoted


def _subject(session_id: UUID, registration_id: UUID) -> str:
    return f"sessions/{session_id}/registrations/{registration_id}"
