"""One-to-one help: appointment slots offered by staff and volunteers, booked by patrons; reported apart."""

from uuid import UUID

from fastapi import APIRouter, Depends, Query

from lantern_shared.fields import IsoDateTime
from lantern_shared.http import actor
from lantern_shared.pagination import Page, PageRequest, keyset, make_page, page_request, time_and_id
from lantern_shared.refusals import not_found

from ..deps import Needs
from ..domain.appointments import AppointmentAttendance, AppointmentKind, Booking, Slot, SlotDetails, SlotStatus
from ..domain.participation import CancellationRequest
from ..handlers import appointments as use
from ..store import appointments

router = APIRouter(tags=["one-to-one help"])


def _shown(slot: Slot, who: str, own: bool = False) -> Slot:
    """Who booked a slot is for staff (and the patron themselves: the edge confines `patron_id` to their own)."""
    if own or who.split(":", 1)[0] in {"staff", "admin", "unspecified"}:
        return slot
    return slot.model_copy(update={"patron_id": None, "booked_at": None, "attendance": None})


@router.post("/appointment-slots", status_code=201, response_model=Slot, summary="Offer a one-to-one help slot")
async def offer(details: SlotDetails, deps: Needs) -> Slot:
    return await use.offer(deps, details)


@router.get("/appointment-slots", response_model=Page[Slot], summary="List one-to-one help slots")
async def list_slots(
    deps: Needs, kind: AppointmentKind | None = Query(None), branch: str | None = Query(None),
    status: SlotStatus | None = Query(None), patron_id: UUID | None = Query(None),
    starts_from: IsoDateTime | None = Query(None, alias="from"), starts_before: IsoDateTime | None = Query(None, alias="to"),
    page: PageRequest = Depends(page_request), who: str = Depends(actor),
) -> Page[Slot]:
    """Open slots to book, or (with `patron_id`) a patron's own appointments."""
    async with deps.pool.acquire() as conn:
        rows = await appointments.page(conn, limit=page.limit, after=keyset(page), kind=kind, branch=branch,
                                       status=status, patron_id=patron_id, starts_from=starts_from,
                                       starts_before=starts_before)
    shown = [_shown(slot, who, own=patron_id is not None) for slot in rows]
    return make_page(shown, page.limit, sort_key=lambda s: time_and_id(s.starts_at, s.id))


@router.get("/appointment-slots/{slot_id}", response_model=Slot, summary="A one-to-one help slot")
async def look_up(slot_id: UUID, deps: Needs, who: str = Depends(actor)) -> Slot:
    async with deps.pool.acquire() as conn:
        slot = await appointments.get(conn, slot_id)
    if slot is None:
        raise not_found("appointment slot", slot_id)
    return _shown(slot, who)


@router.post("/appointment-slots/{slot_id}/booking", response_model=Slot, summary="Book a slot")
async def book(slot_id: UUID, booking: Booking, deps: Needs) -> Slot:
    """One patron per slot, however many ask at once (409 `slot_taken` for the others); a reminder follows."""
    return await use.book(deps, slot_id, booking.patron_id)


@router.post("/appointment-slots/{slot_id}/booking-cancellation", response_model=Slot, summary="Give up a booking")
async def cancel(slot_id: UUID, deps: Needs, request: CancellationRequest | None = None) -> Slot:
    return await use.cancel_booking(deps, slot_id, (request or CancellationRequest()).by)


@router.post("/appointment-slots/{slot_id}/attendance", response_model=Slot, summary="Record whether they came")
async def attendance(slot_id: UUID, record: AppointmentAttendance, deps: Needs) -> Slot:
    return await use.record_attendance(deps, slot_id, record.attended)
