"""Application routes: the short form, the applicant's own view, the waiting list and the programme's report."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from lantern_shared.fields import IsoDateTime, LanguageTag
from lantern_shared.http import actor
from lantern_shared.models import RequestModel
from lantern_shared.pagination import Page, PageRequest, make_page, page_request

from ..deps import Needs
from ..domain.applications import Application, ApplicationStatus, Need, submitted_by
from ..domain.devices import DeviceKind
from ..domain.eligibility import Postcode
from ..handlers import applications
from .devices import sort_key

router = APIRouter(tags=["applications"])
Actor = Annotated[str, Depends(actor)]


class NewApplication(RequestModel):
    patron_id: UUID
    device_kind: DeviceKind
    need: Need
    internet_at_home: bool
    household_size: int = Field(ge=1, le=30)
    preferred_language: LanguageTag
    postcode: Postcode | None = None
    referring_partner_id: UUID | None = None
    partner_may_be_told: bool = False  # the applicant agrees that the referring partner hears when they are served
    applicant_consented: bool = False  # required when a partner applies on the applicant's behalf


class ApplicationView(Application):
    position: int | None = None  # place on the waiting list while waiting


class ReportRow(BaseModel):
    key: str
    applications: int
    waiting: int
    offers: int
    lapsed_offers: int
    loans: int
    average_wait_days: float | None


class ProgrammeReport(BaseModel):
    by_area: list[ReportRow]
    by_language: list[ReportRow]
    by_referral_source: list[ReportRow]


@router.post("/applications", response_model=ApplicationView, status_code=201)
async def apply(body: NewApplication, deps: Needs, who: Actor) -> ApplicationView:
    application, place = await applications.apply(
        deps, patron_id=body.patron_id, kind=body.device_kind, need=body.need, internet_at_home=body.internet_at_home,
        household_size=body.household_size, preferred_language=body.preferred_language, postcode=body.postcode,
        referring_partner_id=body.referring_partner_id, partner_may_be_told=body.partner_may_be_told,
        applicant_consented=body.applicant_consented, submitted_by=submitted_by(who),
    )
    return ApplicationView(**application.model_dump(), position=place)


@router.get("/applications", response_model=Page[ApplicationView])
async def list_applications(
    deps: Needs, page: PageRequest = Depends(page_request), patron_id: UUID | None = None,
    referring_partner_id: UUID | None = None, device_kind: DeviceKind | None = None,
    status: ApplicationStatus | None = None,
) -> Page[ApplicationView]:
    found = await applications.list_applications(deps, patron_id=patron_id, referring_partner_id=referring_partner_id,
                                                 kind=device_kind, status=status, after=page.after, limit=page.limit)
    return make_page([ApplicationView(**a.model_dump()) for a in found], page.limit, sort_key=sort_key)


@router.get("/applications/waiting-list", response_model=list[ApplicationView])
async def waiting_list(device_kind: DeviceKind, deps: Needs,
                       limit: int = Query(default=100, ge=1, le=1000)) -> list[ApplicationView]:
    """The waiting list in the order offers go out: highest priority first, then the earliest application."""
    found = await applications.waiting_list(deps, device_kind, limit)
    return [ApplicationView(**a.model_dump(), position=i) for i, a in enumerate(found, start=1)]


@router.get("/applications/report", response_model=ProgrammeReport)
async def report(deps: Needs, device_kind: DeviceKind | None = None, since: IsoDateTime | None = None,
                 until: IsoDateTime | None = None) -> ProgrammeReport:
    return ProgrammeReport(**await applications.report(deps, kind=device_kind, since=since, until=until))


@router.get("/applications/{application_id}", response_model=ApplicationView)
async def get_application(application_id: UUID, deps: Needs) -> ApplicationView:
    application, place = await applications.get_application(deps, application_id)
    return ApplicationView(**application.model_dump(), position=place)


@router.delete("/applications/{application_id}", response_model=ApplicationView)
async def withdraw(application_id: UUID, deps: Needs, who: Actor) -> ApplicationView:
    return ApplicationView(**(await applications.withdraw(deps, application_id, who)).model_dump())
