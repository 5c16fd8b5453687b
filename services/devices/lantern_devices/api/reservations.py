"""Reservation routes: units for a partner's training, and every reservation (sessions' too) to read."""

from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends
from pydantic import Field, ValidationInfo, field_validator

from lantern_shared.fields import IsoDateTime
from lantern_shared.models import RequestModel
from lantern_shared.pagination import Page, PageRequest, make_page, page_request

from ..deps import Needs
from ..domain.devices import DeviceKind
from ..domain.reservations import Reservation, ReservationStatus
from ..handlers import reservations
from ..store import reservations as reserved
from .devices import sort_key

router = APIRouter(tags=["reservations"])


class NewTrainingReservation(RequestModel):
    """Units for a partner's training at its own site over a time window."""

    partner_id: UUID
    starts_at: datetime
    ends_at: datetime
    devices: dict[DeviceKind, Annotated[int, Field(ge=1, description="each count must be at least 1")]] = Field(
        min_length=1)

    @field_validator("ends_at")
    @classmethod
    def _after_start(cls, ends_at: datetime, info: ValidationInfo) -> datetime:
        # On the field, so the problem names `ends_at`; skipped when starts_at itself was refused.
        starts_at = info.data.get("starts_at")
        if starts_at is not None and ends_at <= starts_at:
            raise ValueError("ends_at must be after starts_at")
        return ends_at


@router.get("/reservations", response_model=Page[Reservation])
async def list_reservations(
    deps: Needs, page: PageRequest = Depends(page_request), status: ReservationStatus | None = None,
    partner_id: UUID | None = None, starts_after: IsoDateTime | None = None,
) -> Page[Reservation]:
    async with deps.pool.acquire() as conn:
        rows = await reserved.list_reservations(conn, status=status, partner_id=partner_id, starts_after=starts_after,
                                                after=page.after, limit=page.limit)
    return make_page(rows, page.limit, sort_key=sort_key)


@router.get("/reservations/{reservation_id}", response_model=Reservation)
async def get_reservation(reservation_id: UUID, deps: Needs) -> Reservation:
    """A session's reservation is found by the session id."""
    return await reservations.get_reservation(deps, reservation_id)


@router.post("/reservations", response_model=Reservation, status_code=201)
async def reserve_for_training(body: NewTrainingReservation, deps: Needs) -> Reservation:
    return await reservations.reserve_for_training(deps, partner_id=body.partner_id, starts_at=body.starts_at,
                                                   ends_at=body.ends_at,
                                                   requested={str(k): n for k, n in body.devices.items()})


@router.delete("/reservations/{reservation_id}", response_model=Reservation)
async def release_training(reservation_id: UUID, deps: Needs) -> Reservation:
    return await reservations.release_training(deps, reservation_id)
