"""Registering for a whole series: one registration holding a seat in every upcoming occurrence, waitlisted as one
and promoted as one. Every decision holds the series row's lock, then its upcoming sessions' locks (by id)."""

import uuid
from datetime import datetime
from typing import Literal
from uuid import UUID

from lantern_shared.refusals import conflict, not_found, present
from lantern_shared.uow import UnitOfWork

from ..deps import Deps
from ..domain.programs import Program
from ..domain.rules import window, window_refusal
from ..domain.series import Series
from ..domain.series_seats import SeriesRegistration, seat_in_every
from ..errors import no_such_patron
from ..events import (
    REGISTRATION_CANCELLED, REGISTRATION_CONFIRMED, REGISTRATION_PROMOTED, REGISTRATION_WAITLISTED,
    RegistrationCancelled, RegistrationConfirmed, RegistrationData, RegistrationPromoted, RegistrationWaitlisted,
    SeriesData,
)
from ..store import patrons, programs, series, series_registrations, sessions
from .seats import refuse_self_service, registration_data


async def register(deps: Deps, series_id: UUID, patron_id: UUID, *, self_service: bool = False) -> SeriesRegistration:
    now = deps.clock()
    async with deps.uow() as work:
        if await patrons.get(work.conn, patron_id, lock="share") is None:
            raise no_such_patron()
        found = await series.get(work.conn, series_id, lock=True)
        if found is None:
            raise not_found("series", series_id)
        program = present(await programs.get(work.conn, found.program_id), "program", found.program_id)
        if program.registration.unit != "series":
            raise conflict("per_session_registration", "This program registers per session; register for each one.")
        upcoming = await series.lock_upcoming(work.conn, series_id, now)
        if not upcoming:
            raise conflict("series_ended", "No occurrence of this series is still ahead.")
        opens, closes = window(program.registration, upcoming[0].starts_at, None, None)
        if refusal := window_refusal(opens, closes, now):
            raise conflict(*refusal)
        if self_service:
            await refuse_self_service(work, program, patron_id, now)
        if (existing := await series_registrations.active_for(work.conn, series_id, patron_id)) is not None:
            raise conflict("already_registered", f"This patron already holds a {existing.status} registration "
                           "for this series.", registration_id=str(existing.id), registration_status=existing.status)
        waiting = await series_registrations.waitlist(work.conn, series_id)
        seat = seat_in_every([(s.capacity, s.confirmed) for s in upcoming], anyone_waiting=bool(waiting))
        registration_id = uuid.uuid4()
        await series_registrations.insert(work.conn, registration_id, series_id, patron_id, seat)
        await series_registrations.hold_seats(work.conn, registration_id, patron_id,
                                              [s.session_id for s in upcoming], seat)
        registration = present(await series_registrations.get(work.conn, registration_id), "registration",
                               registration_id)
        if seat == "confirmed":
            await _tell(work, REGISTRATION_CONFIRMED, RegistrationConfirmed, registration, found, program, upcoming)
        else:
            await _tell(work, REGISTRATION_WAITLISTED, RegistrationWaitlisted, registration, found, program, upcoming,
                        position=registration.waitlist_position)
    deps.metrics.registrations.labels(program.kind, seat).inc()
    return registration


async def cancel(deps: Deps, registration_id: UUID, by: Literal["patron", "staff"]) -> SeriesRegistration:
    now = deps.clock()
    async with deps.uow() as work:
        found = await series_registrations.get(work.conn, registration_id)
        if found is None:
            raise not_found("series registration", registration_id)
        the_series = present(await series.get(work.conn, found.series_id, lock=True), "series", found.series_id)
        upcoming = await series.lock_upcoming(work.conn, found.series_id, now)
        registration = present(await series_registrations.get(work.conn, registration_id), "registration",
                               registration_id)  # again, under the lock
        if registration.status == "cancelled":
            raise conflict("already_cancelled", "This registration is already cancelled.")
        if not upcoming:
            raise conflict("series_ended", "No occurrence of this series is still ahead; nothing to give up.")
        program = present(await programs.get(work.conn, the_series.program_id), "program", the_series.program_id)
        was = registration.status
        reason = "staff_cancelled" if by == "staff" else ("left_waitlist" if was == "waitlisted" else "patron_cancelled")
        await series_registrations.cancel(work.conn, registration_id, reason, [s.session_id for s in upcoming])
        await _tell(work, REGISTRATION_CANCELLED, RegistrationCancelled, registration, the_series, program, upcoming,
                    reason=reason, was=was)
        promoted = await promote_waiting(work, found.series_id, program, now) if was == "confirmed" else 0
        cancelled = present(await series_registrations.get(work.conn, registration_id), "registration",
                            registration_id)
    deps.metrics.registrations.labels(program.kind, "cancelled").inc()
    if promoted:
        deps.metrics.registrations.labels(program.kind, "promoted").inc(promoted)
    return cancelled


async def promote_waiting(work: UnitOfWork, series_id: UUID, program: Program, now: datetime) -> int:
    """Move up, in arrival order, whoever now fits in every upcoming occurrence; the caller holds the locks.
    The head of the line that does not fit stops everyone behind it (nobody overtakes)."""
    the_series = present(await series.get(work.conn, series_id), "series", series_id)
    upcoming = await series.lock_upcoming(work.conn, series_id, now)
    ids = [s.session_id for s in upcoming]
    counts = await series.confirmed_counts(work.conn, ids)
    promoted = 0
    for registration_id, _patron in await series_registrations.waitlist(work.conn, series_id):
        if not upcoming or any(counts[s.session_id] >= s.capacity for s in upcoming):
            break
        await series_registrations.confirm(work.conn, registration_id, ids)
        counts = {session_id: n + 1 for session_id, n in counts.items()}
        registration = present(await series_registrations.get(work.conn, registration_id), "registration",
                               registration_id)
        await _tell(work, REGISTRATION_PROMOTED, RegistrationPromoted, registration, the_series, program, upcoming)
        promoted += 1
    return promoted


async def _tell(work: UnitOfWork, contract, model: type[RegistrationData], registration: SeriesRegistration,
                the_series: Series, program: Program, upcoming: list[series.Seats], **extra) -> None:
    """One event for the whole series (not one per occurrence): it names the next occurrence and the rule."""
    first = present(await sessions.get(work.conn, upcoming[0].session_id), "session", upcoming[0].session_id)
    data = registration_data(
        model, registration.id, registration.patron_id, first, program,
        series=SeriesData(series_id=the_series.id, rrule=the_series.rrule, first_starts_at=the_series.first_starts_at,
                          duration_minutes=the_series.duration_minutes, exdates=the_series.exdates,
                          occurrences=len(upcoming)),
        **extra,
    )
    await work.publish(contract, data, key=str(registration.id),
                       subject=f"series/{the_series.id}/registrations/{registration.id}")
