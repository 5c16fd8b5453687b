"""One-to-one help: the patron hears their appointment is booked, is reminded the day before, and hears if it goes."""

from lantern_shared.envelope import CloudEvent
from lantern_shared.uow import UnitOfWork

from ..deps import Deps
from ..domain.messages import reminder_time
from ..events import AppointmentEvent
from ..store import deliveries
from .planning import Plan, notify, notify_all


def _data(event: AppointmentEvent) -> dict:
    return {"kind": event.kind, "starts_at": event.starts_at, "ends_at": event.ends_at, "place_name": event.branch}


def _group(event: AppointmentEvent) -> str:
    return f"appointment:{event.appointment_id}:{event.patron_id}"


async def booked(deps: Deps, work: UnitOfWork, event: AppointmentEvent, cause: CloudEvent) -> None:
    data = _data(event)
    plans = [Plan("appointment_booked", data)]
    remind_at = reminder_time(now=deps.clock(), starts_at=event.starts_at, lead=deps.reminder_lead)
    if remind_at is not None:
        plans.append(Plan("appointment_reminder", data, send_after=remind_at, expires_at=event.starts_at))
    await notify_all(deps, work, cause, event.patron_id, plans, timezone=event.timezone, group_key=_group(event),
                     about=event.patron_id)


async def cancelled(deps: Deps, work: UnitOfWork, event: AppointmentEvent, cause: CloudEvent) -> None:
    await deliveries.cancel_group(work.conn, _group(event), reason="appointment_cancelled")
    await notify(deps, work, cause, event.patron_id, "appointment_cancelled", _data(event), timezone=event.timezone,
                 about=event.patron_id)
