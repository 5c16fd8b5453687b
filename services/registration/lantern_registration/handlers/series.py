"""Scheduling a recurring series, and changing it: a change reaches occurrences still ahead, never the past."""

import uuid
from uuid import UUID
from zoneinfo import ZoneInfo

from lantern_shared.refusals import conflict, invalid, not_found, present
from lantern_shared.uow import UnitOfWork

from ..deps import Deps
from ..domain.programs import Program, SessionDetails
from ..domain.seating import capacity_refusal
from ..domain.series import Series, SeriesChanges, SeriesDetails, at_wall_time, expand
from ..events import SESSION_SCHEDULED, SESSION_UPDATED, SessionScheduled, SessionUpdated
from ..store import programs, series, sessions
from . import series_seats
from .seats import fill_free_seats
from .sessions import cancel_locked, session_data


async def create_series(deps: Deps, details: SeriesDetails) -> Series:
    now = deps.clock()
    try:
        occurrences = expand(details.rrule, details.first_local(), details.timezone, details.minutes(), details.exdates)
    except (ValueError, TypeError) as exc:
        raise invalid("rrule", f"not an RFC 5545 recurrence rule this service can expand: {exc}") from exc
    ahead = [o for o in occurrences if o.starts_at > now]
    if not ahead:
        raise invalid("rrule", "the rule gives no occurrence still ahead")
    async with deps.uow() as work:
        program = await programs.get(work.conn, details.program_id)
        if program is None:
            raise invalid("program_id", "no program has this id")
        if program.mentorship is not None:
            raise conflict("mentorship_pair_only", "A mentorship program schedules its pair's sessions one by one.")
        if program.host.partner_id and await programs.host_status(work.conn, program.host.partner_id) == "lapsed":
            raise conflict("partner_lapsed", "The partnership hosting this program has lapsed; "
                           "move the program to another host before scheduling it.")
        created = await series.insert(work.conn, uuid.uuid4(), details, details.rrule.strip().removeprefix("RRULE:"))
        for occurrence in ahead:
            session_details = SessionDetails(
                program_id=program.id, starts_at=occurrence.starts_at, ends_at=occurrence.ends_at,
                timezone=details.timezone, place=details.place, capacity=details.capacity,
                languages=details.languages, format=details.format, hybrid=details.hybrid,
                age_group=details.age_group,
            )
            session = await sessions.insert(work.conn, uuid.uuid4(), session_details,
                                            languages=details.languages or program.languages, status="scheduled",
                                            series_id=created.id, occurrence=occurrence.key)
            await work.publish(SESSION_SCHEDULED, session_data(SessionScheduled, session, program),
                               key=str(session.id), subject=f"sessions/{session.id}")
    deps.metrics.sessions.labels(program.kind, "scheduled").inc(len(ahead))
    deps.metrics.seats_scheduled.labels(program.kind).inc(details.capacity * len(ahead))
    return created


async def update_series(deps: Deps, series_id: UUID, changes: SeriesChanges) -> Series:
    """Occurrences still ahead that were not moved on their own take the change; added exception dates cancel
    theirs (registrants are told). Past occurrences keep what they were."""
    now = deps.clock()
    async with deps.uow() as work:
        current = await series.get(work.conn, series_id, lock=True)
        if current is None:
            raise not_found("series", series_id)
        program = present(await programs.get(work.conn, current.program_id), "program", current.program_id)
        upcoming = await series.lock_upcoming(work.conn, series_id, now)
        if changes.capacity is not None:
            for seats in upcoming:
                if refusal := capacity_refusal(changes.capacity, seats.confirmed):
                    raise conflict("capacity_below_confirmed", refusal, confirmed=seats.confirmed)
        dropped = set(changes.add_exdates)
        for seats in upcoming:
            local_day = seats.occurrence.date() if seats.occurrence else None
            if local_day in dropped:
                session = present(await sessions.get(work.conn, seats.session_id), "session", seats.session_id)
                await cancel_locked(work, session, program, "Not held on this date (series exception).")
            else:
                await _apply(work, program, seats.session_id, seats.moved, changes)
        if dropped:
            await series.add_exdates(work.conn, series_id, sorted(dropped))
        else:
            await series.touch(work.conn, series_id)
        if changes.capacity is not None:
            if program.registration.unit == "series":
                await series_seats.promote_waiting(work, series_id, program, now)
            else:
                for seats in upcoming:
                    if seats.occurrence is None or seats.occurrence.date() not in dropped:
                        await fill_free_seats(work, seats.session_id, program)
        return present(await series.get(work.conn, series_id), "series", series_id)


async def _apply(work: UnitOfWork, program: Program, session_id: UUID, moved: bool,
                 changes: SeriesChanges) -> None:
    session = present(await sessions.get(work.conn, session_id), "session", session_id)
    update: dict = {key: value for key, value in changes.model_dump(
        include={"place", "capacity", "languages", "format", "hybrid", "age_group"}, exclude_none=True).items()}
    if "place" in update:
        update["place"] = changes.place
    if not moved and (changes.start_time is not None or changes.duration_minutes is not None) and session.occurrence:
        start_time = changes.start_time or session.starts_at.astimezone(ZoneInfo(session.timezone)).time()
        minutes = changes.duration_minutes or int((session.ends_at - session.starts_at).total_seconds() // 60)
        update["starts_at"], update["ends_at"] = at_wall_time(session.occurrence.date(), start_time, minutes,
                                                              session.timezone)
    if moved:
        update.pop("place", None)  # an occurrence moved on its own keeps its own time and place
    if not update:
        return
    details = SessionDetails.model_validate(session.model_dump(include=set(SessionDetails.model_fields)) | update)
    updated = await sessions.update(work.conn, session_id, details, status=session.status)
    await work.publish(SESSION_UPDATED, session_data(SessionUpdated, updated, program),
                       key=str(session_id), subject=f"sessions/{session_id}")
