"""What patrons hear about their registrations: the outcome, a moved session, and the follow-ups around it."""

from datetime import timedelta
from typing import Any

from lantern_shared.consumer import EventContext
from lantern_shared.envelope import CloudEvent
from lantern_shared.uow import UnitOfWork

from ..deps import Deps
from ..domain.messages import SESSION_FOLLOW_UPS, reminder_time
from ..domain.registrations import HeldPlace
from ..events import (
    IncentiveEarned, RegistrationCancelled, RegistrationConfirmed, RegistrationEvent, RegistrationPromoted,
    RegistrationWaitlisted, SessionEquipmentChanged, SessionScheduled, SessionUpdated,
)
from ..store import deliveries, registrations
from ..store import preferences as preferences_store
from ..store import recipients as recipients_store
from . import recipients
from .planning import Plan, notify, notify_all, planned_for


async def confirmed(deps: Deps, work: UnitOfWork, event: RegistrationConfirmed, cause: CloudEvent) -> None:
    held = await _hold(work, event, "confirmed")
    await _registration(deps, work, cause, held, "registration_confirmed", follow_ups=True, calendar=_calendar(event))


async def confirmed_many(deps: Deps, work: UnitOfWork, events: list[tuple[RegistrationConfirmed, EventContext]]
                         ) -> None:
    """`confirmed` for each event of a run, in order, with five statements for the whole run instead of five for
    each event: the registrations recorded, titles, recipients and preferences read once, every delivery planned
    in one `executemany`. Each event's deliveries are planned under its own span, so their traces stay whole."""
    held = [_held(event, "confirmed") for event, _ in events]
    await registrations.record_registrations(work.conn, held)
    sessions = list({h.session_id for h in held})
    patrons = list({h.patron_id for h in held})
    titles = await registrations.session_titles_of(work.conn, sessions)
    who = await recipients_store.get_recipients(work.conn, patrons)
    chosen = await preferences_store.preferences_of(work.conn, [p for p in patrons if p in who])
    planned = []
    for (event, ctx), place in zip(events, held, strict=True):
        with ctx.span():
            data = _data_of(place, titles.get(place.session_id, {}))
            plans = [Plan("registration_confirmed", data | {"calendar": _calendar(event)}),
                     *_follow_ups(deps, place, data)]
            planned += planned_for(deps, ctx.event, place.patron_id, who.get(place.patron_id),
                                   chosen.get(place.patron_id), plans, timezone=place.timezone,
                                   group_key=place.group_key, about=place.patron_id)
    await deliveries.plan_all(work.conn, planned)


async def promoted(deps: Deps, work: UnitOfWork, event: RegistrationPromoted, cause: CloudEvent) -> None:
    held = await _hold(work, event, "confirmed")
    await _registration(deps, work, cause, held, "registration_promoted", follow_ups=True, calendar=_calendar(event))


def _calendar(event: RegistrationEvent) -> dict[str, Any]:
    """What the confirmation's calendar file is written from (delivery/calendar_file.py)."""
    series = {k: event.series.get(k) for k in ("series_id", "rrule", "first_starts_at", "duration_minutes", "exdates")
              } if event.series else None
    return {"session_id": str(event.session_id), "timezone": event.timezone, "series": series}


async def waitlisted(deps: Deps, work: UnitOfWork, event: RegistrationWaitlisted, cause: CloudEvent) -> None:
    held = await _hold(work, event, "waitlisted")
    await _registration(deps, work, cause, held, "registration_waitlisted", position=event.position)


async def cancelled(deps: Deps, work: UnitOfWork, event: RegistrationCancelled, cause: CloudEvent) -> None:
    held = await _hold(work, event, "cancelled")
    await deliveries.cancel_group(work.conn, held.group_key, reason=f"registration_{event.reason}")
    await _registration(deps, work, cause, held, "registration_cancelled", reason=event.reason)


async def session_scheduled(deps: Deps, work: UnitOfWork, event: SessionScheduled) -> None:
    await registrations.record_session_titles(work.conn, event.session_id, event.titles)


async def session_updated(deps: Deps, work: UnitOfWork, event: SessionUpdated, cause: CloudEvent) -> None:
    """A session moved or changed place: its registrants hear of it and its follow-ups move with it."""
    await registrations.record_session_titles(work.conn, event.session_id, event.titles)
    for held in await registrations.places_in_session(work.conn, event.session_id):
        moved = (held.starts_at, held.ends_at) != (event.starts_at, event.ends_at)
        relocated = held.place_name != event.place.name
        now_held = held.model_copy(update={
            "session_title": event.title, "starts_at": event.starts_at, "ends_at": event.ends_at,
            "timezone": event.timezone, "place_name": event.place.name,
        })
        await registrations.record_registration(work.conn, now_held)
        if not (moved or relocated):
            continue
        if held.status == "confirmed":
            await deliveries.cancel_group(work.conn, held.group_key, "session_changed", messages=SESSION_FOLLOW_UPS)
            data = await _session_data(work, now_held)
            await notify_all(deps, work, cause, now_held.patron_id, _follow_ups(deps, now_held, data),
                             timezone=now_held.timezone, group_key=now_held.group_key, about=now_held.patron_id)
        await _registration(deps, work, cause, now_held, "session_changed", moved=moved, relocated=relocated,
                            waitlisted=held.status == "waitlisted", previous_starts_at=held.starts_at,
                            previous_place_name=held.place_name)


async def equipment_changed(deps: Deps, work: UnitOfWork, event: SessionEquipmentChanged, cause: CloudEvent) -> None:
    """Staff hear of a session short of devices, in time to find more."""
    if event.equipment_status != "shortfall":
        return
    staff_id = await recipients.outreach_team(deps, work)
    if staff_id is None:
        return
    await notify(deps, work, cause, staff_id, "equipment_shortfall", {
        "session_title": event.title, "starts_at": event.starts_at, "missing": event.missing,
    })


async def incentive_earned(deps: Deps, work: UnitOfWork, event: IncentiveEarned, cause: CloudEvent) -> None:
    await notify(deps, work, cause, event.patron_id, "incentive_earned",
                 {"milestone": event.milestone, "points_total": event.points_total}, about=event.patron_id)


async def _hold(work: UnitOfWork, event: RegistrationEvent, status: str) -> HeldPlace:
    held = _held(event, status)
    await registrations.record_registration(work.conn, held)
    return held


def _held(event: RegistrationEvent, status: str) -> HeldPlace:
    return HeldPlace(
        id=event.registration_id, session_id=event.session_id, patron_id=event.patron_id, status=status,
        session_title=event.session_title, starts_at=event.starts_at, ends_at=event.ends_at,
        timezone=event.timezone, place_name=event.place_name,
    )


async def _registration(
    deps: Deps, work: UnitOfWork, cause: CloudEvent, held: HeldPlace, message: str, *, follow_ups: bool = False,
    **extra: Any,
) -> None:
    data = await _session_data(work, held)
    plans = [Plan(message, data | extra), *(_follow_ups(deps, held, data) if follow_ups else [])]
    await notify_all(deps, work, cause, held.patron_id, plans, timezone=held.timezone, group_key=held.group_key,
                     about=held.patron_id)


def _follow_ups(deps: Deps, held: HeldPlace, data: dict[str, Any]) -> list[Plan]:
    """The reminder the day before, the feedback request after, the survey weeks later; cancelled with the registration."""
    now = deps.clock()
    follow_ups = {
        "session_reminder": reminder_time(now=now, starts_at=held.starts_at, lead=deps.reminder_lead),
        "feedback_request": held.ends_at + deps.feedback_delay,
        "follow_up_survey": held.ends_at + deps.survey_delay,
    }
    expiry = {"session_reminder": held.starts_at}  # a reminder after the start is no reminder
    return [
        Plan(message, data, send_after=send_after, expires_at=expiry.get(message))
        for message, send_after in follow_ups.items()
        if send_after is not None and send_after >= now - timedelta(days=1)
    ]


async def _session_data(work: UnitOfWork, held: HeldPlace) -> dict[str, Any]:
    return _data_of(held, await registrations.session_titles(work.conn, held.session_id))


def _data_of(held: HeldPlace, titles: dict[str, str]) -> dict[str, Any]:
    return {"session_title": held.session_title, "session_titles": titles,
            "starts_at": held.starts_at, "ends_at": held.ends_at, "place_name": held.place_name}
