"""One-to-one help: offering slots, booking one (one patron per slot, under any race), giving it up, attendance."""

import uuid
from typing import Literal
from uuid import UUID

from lantern_shared.refusals import conflict, not_found, present
from lantern_shared.uow import UnitOfWork

from ..deps import Deps
from ..domain.appointments import Slot, SlotDetails, booking_refusal
from ..errors import no_such_patron
from ..events import (
    APPOINTMENT_BOOKED, APPOINTMENT_CANCELLED, AppointmentBooked, AppointmentCancelled, AppointmentData,
)
from ..store import appointments, patrons


async def offer(deps: Deps, details: SlotDetails) -> Slot:
    async with deps.uow() as work:
        return await appointments.insert(work.conn, uuid.uuid4(), details)


async def book(deps: Deps, slot_id: UUID, patron_id: UUID) -> Slot:
    now = deps.clock()
    async with deps.uow() as work:
        if await patrons.get(work.conn, patron_id, lock="share") is None:
            raise no_such_patron()
        booked = await appointments.book(work.conn, slot_id, patron_id, now)
        if booked is None:
            slot = present(await appointments.get(work.conn, slot_id), "appointment slot", slot_id)
            if slot.patron_id == patron_id:
                raise conflict("already_booked", "This patron has already booked this slot.")
            raise conflict(*(booking_refusal(slot, now) or ("slot_taken", "This slot is no longer open.")))
        await _tell(work, APPOINTMENT_BOOKED, AppointmentBooked, booked, patron_id)
    return booked


async def cancel_booking(deps: Deps, slot_id: UUID, by: Literal["patron", "staff"]) -> Slot:
    now = deps.clock()
    async with deps.uow() as work:
        slot = await appointments.get(work.conn, slot_id, lock=True)
        if slot is None:
            raise not_found("appointment slot", slot_id)
        if slot.status != "booked" or slot.patron_id is None:
            raise conflict("not_booked", "Nobody has booked this slot.")
        if now >= slot.starts_at:
            raise conflict("slot_started", "This appointment has begun; record attendance instead.")
        await _tell(work, APPOINTMENT_CANCELLED, AppointmentCancelled, slot, slot.patron_id, by=by)
        return await appointments.release(work.conn, slot_id)


async def record_attendance(deps: Deps, slot_id: UUID, attended: bool) -> Slot:
    async with deps.uow() as work:
        slot = await appointments.get(work.conn, slot_id, lock=True)
        if slot is None:
            raise not_found("appointment slot", slot_id)
        if slot.status != "booked":
            raise conflict("not_booked", "Nobody has booked this slot.")
        if deps.clock() < slot.starts_at:
            raise conflict("check_in_not_open", "Attendance is recorded once the appointment has begun.")
        return await appointments.set_attendance(work.conn, slot_id, "attended" if attended else "no_show")


async def _tell(work: UnitOfWork, contract, model: type[AppointmentData], slot: Slot, patron_id: UUID, **extra) -> None:
    data = model(appointment_id=slot.id, patron_id=patron_id, kind=slot.kind, helper_name=slot.helper_name,
                 branch=slot.branch, starts_at=slot.starts_at, ends_at=slot.ends_at, timezone=slot.timezone,
                 format=slot.format, **extra)
    await work.publish(contract, data, key=str(slot.id), subject=f"appointments/{slot.id}")
