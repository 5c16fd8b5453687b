"""Lending routes: checkouts (one unit, or many from the emergency pool), renewals, returns and loan lists."""

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field, model_validator

from lantern_shared.http import actor
from lantern_shared.models import RequestModel
from lantern_shared.pagination import Page, PageRequest, make_page, page_request

from ..deps import Needs
from ..domain.borrowers import BorrowerKind
from ..domain.devices import DeviceKind
from ..domain.lending import Loan
from ..handlers import lending
from ..store import loans
from .devices import sort_key

router = APIRouter(tags=["loans"])
Actor = Annotated[str, Depends(actor)]


class NewLoan(RequestModel):
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


class EmergencyLoan(RequestModel):
    borrower_id: UUID
    device_ids: list[UUID] = Field(min_length=1, max_length=500)
    due_at: datetime | None = None


class Return(RequestModel):
    condition: Literal["good", "worn", "damaged"]
    missing_accessories: list[str] = []


class LoanList(BaseModel):
    items: list[Loan]


@router.post("/loans", response_model=Loan, status_code=201)
async def lend(body: NewLoan, deps: Needs, who: Actor) -> Loan:
    return await lending.lend(deps, borrower_id=body.borrower_id, device_id=body.device_id, kind=body.kind,
                              due_at=body.due_at, actor=who)


@router.post("/loans/emergency", response_model=LoanList, status_code=201)
async def lend_emergency(body: EmergencyLoan, deps: Needs, who: Actor) -> LoanList:
    return LoanList(items=await lending.lend_emergency(deps, borrower_id=body.borrower_id, device_ids=body.device_ids,
                                                       due_at=body.due_at, actor=who))


@router.get("/loans", response_model=Page[Loan])
async def list_loans(
    deps: Needs, page: PageRequest = Depends(page_request), borrower_id: UUID | None = None,
    device_id: UUID | None = None, borrower_kind: BorrowerKind | None = None, device_kind: DeviceKind | None = None,
    status: Literal["open", "returned", "overdue"] | None = Query(None),
) -> Page[Loan]:
    async with deps.pool.acquire() as conn:
        rows = await loans.list_loans(conn, now=deps.clock(), borrower_id=borrower_id, device_id=device_id,
                                      borrower_kind=borrower_kind, device_kind=device_kind, status=status,
                                      after=page.after, limit=page.limit)
    return make_page(rows, page.limit, sort_key=sort_key)


@router.get("/loans/{loan_id}", response_model=Loan)
async def get_loan(loan_id: UUID, deps: Needs) -> Loan:
    return await lending.get_loan(deps, loan_id)


@router.post("/loans/{loan_id}/renew", response_model=Loan)
async def renew(loan_id: UUID, deps: Needs) -> Loan:
    return await lending.renew(deps, loan_id)


@router.post("/loans/{loan_id}/return", response_model=Loan)
async def return_loan(loan_id: UUID, body: Return, deps: Needs, who: Actor) -> Loan:
    return await lending.return_loan(deps, loan_id, condition=body.condition, missing=body.missing_accessories,
                                     actor=who)
