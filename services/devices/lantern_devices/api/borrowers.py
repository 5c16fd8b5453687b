"""Borrower routes: devices' view of a patron or partner, and staff blocks."""

from uuid import UUID

from fastapi import APIRouter
from pydantic import Field

from lantern_shared.models import RequestModel

from ..deps import Needs
from ..domain.borrowers import Borrower
from ..handlers import borrowers

router = APIRouter(tags=["borrowers"])


class Block(RequestModel):
    reason: str = Field(min_length=1, max_length=500)


@router.get("/borrowers/{borrower_id}", response_model=Borrower)
async def borrower(borrower_id: UUID, deps: Needs) -> Borrower:
    return await borrowers.get_borrower(deps, borrower_id)


@router.put("/borrowers/{borrower_id}/block", response_model=Borrower)
async def block(borrower_id: UUID, body: Block, deps: Needs) -> Borrower:
    return await borrowers.set_block(deps, borrower_id, body.reason)


@router.delete("/borrowers/{borrower_id}/block", response_model=Borrower)
async def unblock(borrower_id: UUID, deps: Needs) -> Borrower:
    return await borrowers.set_block(deps, borrower_id, None)
