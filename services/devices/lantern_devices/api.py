"""Devices' internal HTTP API (called by the edge only): inventory, loans, holds, reservations, borrowers."""

from datetime import datetime
from typing import Literal
from uuid import UUID

from fastapi import APIRouter, Depends, Header, Query, Request
from pydantic import BaseModel, Field, model_validator

from lantern_shared.http import internal_router
from lantern_shared.pagination import Page, PageRequest, make_page, page_request
from lantern_shared.problems import Problem

from . import handlers, store
from .domain import (
    Borrower, BorrowerKind, Device, DeviceKind, DeviceState, Hold, HoldStatus, KitItem, Loan, Reservation,
    ReservationStatus, StateChange,
)

ACTOR_HEADER = "X-Lantern-Actor"


# ---- request bodies ----------------------------------------------------------------------------------------

class NewDevice(BaseModel):
    kind: DeviceKind
    asset_tag: str = Field(min_length=1, max_length=64)
    serial: str = Field(min_length=1, max_length=128)
    home_branch: str = Field(min_length=1, max_length=100)
    model: str | None = Field(default=None, max_length=200)
    contents: list[KitItem] = []
    emergency_pool: bool = False


class DeviceChanges(BaseModel):
    home_branch: str | None = Field(default=None, min_length=1, max_length=100)
    model: str | None = Field(default=None, max_length=200)
    contents: list[KitItem] | None = None
    emergency_pool: bool | None = None


class StateChangeRequest(BaseModel):
    to_state: DeviceState
    reason: str = Field(min_length=1, max_length=500)


class NewLoan(BaseModel):
    """Lend a given device, or any available unit of a kind."""

    borrower_id: UUID
    device_id: UUID | None = None
    kind: DeviceKind | None = None
    due_at: datetime | None = Field(default=None, description="A partner agreement's due date; else the kind's policy")

    @model_validator(mode="after")
    def _one_target(self) -> "NewLoan":
        if (self.device_id is None) == (self.kind is None):
            raise ValueError("give exactly one of device_id or kind")
        return self


class EmergencyLoan(BaseModel):
    borrower_id: UUID
    device_ids: list[UUID] = Field(min_length=1, max_length=500)
    due_at: datetime | None = None


class Return(BaseModel):
    condition: Literal["good", "worn", "damaged"]
    missing_accessories: list[str] = []


class NewHold(BaseModel):
    borrower_id: UUID
    device_kind: DeviceKind
    pickup_branch: str | None = Field(default=None, max_length=100)


class NewTrainingReservation(BaseModel):
    """Units for a partner's training at its own site over a time window."""

    partner_id: UUID
    starts_at: datetime
    ends_at: datetime
    devices: dict[DeviceKind, int] = Field(min_length=1)

    @model_validator(mode="after")
    def _window(self) -> "NewTrainingReservation":
        if self.ends_at <= self.starts_at:
            raise ValueError("ends_at must be after starts_at")
        if any(n < 1 for n in self.devices.values()):
            raise ValueError("each count must be at least 1")
        return self


class Block(BaseModel):
    reason: str = Field(min_length=1, max_length=500)


class HoldView(Hold):
    position: int | None = None  # place in the queue while waiting


class LoanList(BaseModel):
    items: list[Loan]


class Availability(BaseModel):
    kind: DeviceKind
    available: int
    holds_waiting: int


# ---- helpers -----------------------------------------------------------------------------------------------

async def actor(x_lantern_actor: str = Header("unspecified", alias=ACTOR_HEADER, max_length=200)) -> str:
    """Who acts, as the edge forwards it (e.g. `staff:<id>`), for the audit trail."""
    return x_lantern_actor


def _deps(request: Request):
    runtime = request.app.state.runtime
    return runtime.pool, runtime.outbox, request.app.state.policy, request.app.state.clock()


def _not_found(what: str, ident: UUID) -> Problem:
    return Problem(404, "Not found", f"No {what} {ident}.")


def _key(item) -> list[str]:
    return [item.created_at.isoformat(), str(item.id)]


def router(internal_token: str) -> APIRouter:
    api = internal_router(internal_token)

    # ---- devices -------------------------------------------------------------------------------------------

    @api.post("/devices", response_model=Device, status_code=201, tags=["devices"])
    async def add_device(body: NewDevice, request: Request, who: str = Depends(actor)) -> Device:
        pool, outbox, policy, now = _deps(request)
        return await handlers.add_device(pool, outbox, policy, **body.model_dump(exclude={"contents"}),
                                         contents=body.contents, actor=who, now=now)

    @api.get("/devices", response_model=Page[Device], tags=["devices"])
    async def list_devices(
        request: Request, page: PageRequest = Depends(page_request), kind: DeviceKind | None = None,
        state: DeviceState | None = None, home_branch: str | None = None, emergency_pool: bool | None = None,
        asset_tag: str | None = None,
    ) -> Page[Device]:
        async with request.app.state.runtime.pool.acquire() as conn:
            rows = await store.list_devices(conn, kind=kind, state=state, home_branch=home_branch,
                                            emergency_pool=emergency_pool, asset_tag=asset_tag,
                                            after=page.after, limit=page.limit)
        return make_page(rows, page.limit, sort_key=_key)

    @api.get("/availability", response_model=list[Availability], tags=["devices"])
    async def availability(request: Request) -> list[Availability]:
        """What a patron can borrow now, by kind, and how long the queue is (no unit details)."""
        async with request.app.state.runtime.pool.acquire() as conn:
            found = await store.availability(conn)
        return [Availability(kind=k, available=found[k][0], holds_waiting=found[k][1]) for k in DeviceKind]

    @api.get("/devices/{device_id}", response_model=Device, tags=["devices"])
    async def get_device(device_id: UUID, request: Request) -> Device:
        async with request.app.state.runtime.pool.acquire() as conn:
            device = await store.get_device(conn, device_id)
        if device is None:
            raise _not_found("device", device_id)
        return device

    @api.patch("/devices/{device_id}", response_model=Device, tags=["devices"])
    async def update_device(device_id: UUID, body: DeviceChanges, request: Request) -> Device:
        async with request.app.state.runtime.pool.acquire() as conn:
            device = await store.update_device(conn, device_id, **body.model_dump(exclude={"contents"}),
                                               contents=body.contents)
        if device is None:
            raise _not_found("device", device_id)
        return device

    @api.post("/devices/{device_id}/state", response_model=Device, tags=["devices"])
    async def change_state(device_id: UUID, body: StateChangeRequest, request: Request, who: str = Depends(actor)) -> Device:
        pool, outbox, policy, now = _deps(request)
        return await handlers.change_device_state(pool, outbox, policy, device_id, body.to_state, body.reason, who, now)

    @api.post("/devices/{device_id}/wipe", response_model=Device, tags=["devices"])
    async def confirm_wipe(device_id: UUID, request: Request, who: str = Depends(actor)) -> Device:
        """Staff confirm that a returned device was wiped: it leaves quarantine (or goes to the first hold)."""
        pool, outbox, policy, now = _deps(request)
        return await handlers.confirm_wipe(pool, outbox, policy, device_id, who, now)

    @api.get("/devices/{device_id}/history", response_model=list[StateChange], tags=["devices"])
    async def history(device_id: UUID, request: Request) -> list[StateChange]:
        async with request.app.state.runtime.pool.acquire() as conn:
            if await store.get_device(conn, device_id) is None:
                raise _not_found("device", device_id)
            return await store.state_history(conn, device_id)

    # ---- loans ---------------------------------------------------------------------------------------------

    @api.post("/loans", response_model=Loan, status_code=201, tags=["loans"])
    async def lend(body: NewLoan, request: Request, who: str = Depends(actor)) -> Loan:
        pool, outbox, policy, now = _deps(request)
        loan = await handlers.lend(pool, outbox, policy, borrower_id=body.borrower_id, device_id=body.device_id,
                                   kind=body.kind, due_at=body.due_at, actor=who, now=now)
        request.app.state.devices_metrics.loans_started.labels(loan.device_kind, loan.borrower_kind).inc()
        return loan

    @api.post("/loans/emergency", response_model=LoanList, status_code=201, tags=["loans"])
    async def lend_emergency(body: EmergencyLoan, request: Request, who: str = Depends(actor)) -> LoanList:
        pool, outbox, policy, now = _deps(request)
        loans = await handlers.lend_emergency(pool, outbox, policy, borrower_id=body.borrower_id,
                                              device_ids=body.device_ids, due_at=body.due_at, actor=who, now=now)
        for loan in loans:
            request.app.state.devices_metrics.loans_started.labels(loan.device_kind, loan.borrower_kind).inc()
        return LoanList(items=loans)

    @api.get("/loans", response_model=Page[Loan], tags=["loans"])
    async def list_loans(
        request: Request, page: PageRequest = Depends(page_request), borrower_id: UUID | None = None,
        device_id: UUID | None = None, borrower_kind: BorrowerKind | None = None, device_kind: DeviceKind | None = None,
        status: Literal["open", "returned", "overdue"] | None = Query(None),
    ) -> Page[Loan]:
        async with request.app.state.runtime.pool.acquire() as conn:
            rows = await store.list_loans(conn, now=request.app.state.clock(), borrower_id=borrower_id,
                                          device_id=device_id, borrower_kind=borrower_kind, device_kind=device_kind,
                                          status=status, after=page.after, limit=page.limit)
        return make_page(rows, page.limit, sort_key=_key)

    @api.get("/loans/{loan_id}", response_model=Loan, tags=["loans"])
    async def get_loan(loan_id: UUID, request: Request) -> Loan:
        async with request.app.state.runtime.pool.acquire() as conn:
            loan = await store.get_loan(conn, loan_id)
        if loan is None:
            raise _not_found("loan", loan_id)
        return loan

    @api.post("/loans/{loan_id}/renew", response_model=Loan, tags=["loans"])
    async def renew(loan_id: UUID, request: Request) -> Loan:
        pool, outbox, policy, now = _deps(request)
        return await handlers.renew(pool, outbox, policy, loan_id, now)

    @api.post("/loans/{loan_id}/return", response_model=Loan, tags=["loans"])
    async def return_loan(loan_id: UUID, body: Return, request: Request, who: str = Depends(actor)) -> Loan:
        pool, outbox, _, now = _deps(request)
        return await handlers.return_loan(pool, outbox, loan_id, condition=body.condition,
                                          missing=body.missing_accessories, actor=who, now=now)

    # ---- holds ---------------------------------------------------------------------------------------------

    async def _view(conn, hold: Hold) -> HoldView:
        position = await store.queue_position(conn, hold.id) if hold.status is HoldStatus.WAITING else None
        return HoldView(**hold.model_dump(), position=position)

    @api.post("/holds", response_model=HoldView, status_code=201, tags=["holds"])
    async def place_hold(body: NewHold, request: Request) -> HoldView:
        pool, outbox, policy, now = _deps(request)
        hold = await handlers.place_hold(pool, outbox, policy, borrower_id=body.borrower_id, kind=body.device_kind,
                                         pickup_branch=body.pickup_branch, now=now)
        async with pool.acquire() as conn:
            return await _view(conn, hold)

    @api.get("/holds", response_model=Page[HoldView], tags=["holds"])
    async def list_holds(
        request: Request, page: PageRequest = Depends(page_request), borrower_id: UUID | None = None,
        device_kind: DeviceKind | None = None, status: HoldStatus | None = None,
    ) -> Page[HoldView]:
        async with request.app.state.runtime.pool.acquire() as conn:
            rows = await store.list_holds(conn, borrower_id=borrower_id, kind=device_kind, status=status,
                                          after=page.after, limit=page.limit)
            views = [await _view(conn, h) for h in rows]
        return make_page(views, page.limit, sort_key=_key)

    @api.get("/holds/{hold_id}", response_model=HoldView, tags=["holds"])
    async def get_hold(hold_id: UUID, request: Request) -> HoldView:
        async with request.app.state.runtime.pool.acquire() as conn:
            hold = await store.get_hold(conn, hold_id)
            if hold is None:
                raise _not_found("hold", hold_id)
            return await _view(conn, hold)

    @api.delete("/holds/{hold_id}", response_model=HoldView, tags=["holds"])
    async def cancel_hold(hold_id: UUID, request: Request, who: str = Depends(actor)) -> HoldView:
        pool, outbox, policy, now = _deps(request)
        return HoldView(**(await handlers.cancel_hold(pool, outbox, policy, hold_id, who, now)).model_dump())

    # ---- reservations --------------------------------------------------------------------------------------

    @api.get("/reservations", response_model=Page[Reservation], tags=["reservations"])
    async def list_reservations(
        request: Request, page: PageRequest = Depends(page_request), status: ReservationStatus | None = None,
        partner_id: UUID | None = None, starts_after: datetime | None = None,
    ) -> Page[Reservation]:
        async with request.app.state.runtime.pool.acquire() as conn:
            rows = await store.list_reservations(conn, status=status, partner_id=partner_id, starts_after=starts_after,
                                                 after=page.after, limit=page.limit)
        return make_page(rows, page.limit, sort_key=_key)

    @api.get("/reservations/{reservation_id}", response_model=Reservation, tags=["reservations"])
    async def get_reservation(reservation_id: UUID, request: Request) -> Reservation:
        """A session's reservation is found by the session id."""
        async with request.app.state.runtime.pool.acquire() as conn:
            found = await store.get_reservation(conn, reservation_id)
        if found is None:
            raise _not_found("reservation", reservation_id)
        return found

    @api.post("/reservations", response_model=Reservation, status_code=201, tags=["reservations"])
    async def reserve_for_training(body: NewTrainingReservation, request: Request) -> Reservation:
        return await handlers.reserve_for_training(
            request.app.state.runtime.pool, partner_id=body.partner_id, starts_at=body.starts_at, ends_at=body.ends_at,
            requested={str(k): n for k, n in body.devices.items()},
        )

    @api.delete("/reservations/{reservation_id}", response_model=Reservation, tags=["reservations"])
    async def release_training(reservation_id: UUID, request: Request) -> Reservation:
        return await handlers.release_training(request.app.state.runtime.pool, reservation_id)

    # ---- borrowers -----------------------------------------------------------------------------------------

    @api.get("/borrowers/{borrower_id}", response_model=Borrower, tags=["borrowers"])
    async def borrower(borrower_id: UUID, request: Request) -> Borrower:
        async with request.app.state.runtime.pool.acquire() as conn:
            found = await store.get_borrower(conn, borrower_id)
        if found is None:
            raise _not_found("borrower", borrower_id)
        return found

    @api.put("/borrowers/{borrower_id}/block", response_model=Borrower, tags=["borrowers"])
    async def block(borrower_id: UUID, body: Block, request: Request) -> Borrower:
        pool, outbox, policy, now = _deps(request)
        return await handlers.set_block(pool, outbox, policy, borrower_id, body.reason, now)

    @api.delete("/borrowers/{borrower_id}/block", response_model=Borrower, tags=["borrowers"])
    async def unblock(borrower_id: UUID, request: Request) -> Borrower:
        pool, outbox, policy, now = _deps(request)
        return await handlers.set_block(pool, outbox, policy, borrower_id, None, now)

    return api
