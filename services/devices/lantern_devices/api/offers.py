"""Offer routes: staff offer free units down the waiting list, and lend the unit when the applicant picks it up."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends
from pydantic import Field

from lantern_shared.http import actor
from lantern_shared.models import RequestModel
from lantern_shared.pagination import Page, PageRequest, make_page, page_request

from ..deps import Needs
from ..domain.devices import DeviceKind
from ..domain.lending import Loan
from ..domain.offers import Offer, OfferStatus
from ..handlers import offers
from .devices import sort_key

router = APIRouter(tags=["applications"])
Actor = Annotated[str, Depends(actor)]


class NewOffers(RequestModel):
    device_kind: DeviceKind
    count: int = Field(default=1, ge=1, le=100)  # units to offer, each to the next applicant on the list


@router.post("/offers", response_model=list[Offer], status_code=201)
async def make_offers(body: NewOffers, deps: Needs, who: Actor) -> list[Offer]:
    return await offers.make_offers(deps, body.device_kind, body.count, who)


@router.get("/offers", response_model=Page[Offer])
async def list_offers(deps: Needs, page: PageRequest = Depends(page_request), application_id: UUID | None = None,
                      device_kind: DeviceKind | None = None, status: OfferStatus | None = None) -> Page[Offer]:
    found = await offers.list_offers(deps, application_id=application_id, kind=device_kind, status=status,
                                     after=page.after, limit=page.limit)
    return make_page(found, page.limit, sort_key=sort_key)


@router.get("/offers/{offer_id}", response_model=Offer)
async def get_offer(offer_id: UUID, deps: Needs) -> Offer:
    return await offers.get_offer(deps, offer_id)


@router.post("/offers/{offer_id}/acceptance", response_model=Loan, status_code=201)
async def accept(offer_id: UUID, deps: Needs, who: Actor) -> Loan:
    """The applicant picked the unit up: a loan for the programme's period starts."""
    return await offers.accept(deps, offer_id, who)
