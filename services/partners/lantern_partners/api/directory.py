"""The referral directory: search, the needs taxonomy, freshness of records."""

from datetime import date
from uuid import UUID

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel

from lantern_shared.fields import LanguageTag
from lantern_shared.http import actor
from lantern_shared.pagination import Page, PageRequest, make_page, page_request
from lantern_shared.problems import Problem

from ..deps import Needs
from ..domain.directory import DirectoryHit, DirectoryQuery
from ..domain.records import NEEDS
from ..handlers import directory, partners
from ..store.partners import OverdueRecord
from .cursors import RANK_KEY, typed_keyset

router = APIRouter(tags=["directory"])


class Need(BaseModel):
    code: str
    name: str


class ServiceVerified(BaseModel):
    service_id: UUID
    partner_id: UUID
    verified_on: date


@router.get("/directory/services", response_model=Page[DirectoryHit])
async def search(
    deps: Needs,
    need: list[str] = Query(default=[], description="Taxonomy codes; a service must meet at least one"),
    language: LanguageTag | None = Query(None, description="Services offering it rank first"),
    lat: float | None = Query(None, ge=-90, le=90), lon: float | None = Query(None, ge=-180, le=180),
    radius_km: float | None = Query(None, gt=0, le=500, description="Only services this near (needs lat and lon)"),
    postal_code: str | None = Query(None, max_length=20),
    age: int | None = Query(None, ge=0, le=130, description="Only services whose age range admits this age"),
    open_now: bool = False,
    q: str | None = Query(None, max_length=200, description="Words in the service's name, description or eligibility"),
    page: PageRequest = Depends(page_request),
) -> Page[DirectoryHit]:
    if (lat is None) != (lon is None) or (radius_km is not None and lat is None):
        raise Problem(422, "Invalid request", "lat and lon go together, and radius_km needs both",
                      type="urn:lantern:problem:validation",
                      errors=[{"field": f, "message": "lat, lon and radius_km go together"} for f in ("lat", "lon")])
    query = DirectoryQuery(needs=[n.strip().lower() for n in need], language=language,
                           near=(lat, lon) if lat is not None and lon is not None else None, radius_km=radius_km,
                           postal_code=postal_code, age=age, open_now=open_now, text=q)
    after = typed_keyset(page, *RANK_KEY)
    hits = await directory.search(deps, query, after=list(after) if after is not None else None, limit=page.limit + 1)
    return make_page(hits, page.limit, sort_key=lambda h: h.rank_key)


@router.get("/directory/needs", response_model=list[Need])
async def needs() -> list[Need]:
    return [Need(code=code, name=name) for code, name in NEEDS.items()]


@router.get("/directory/overdue", response_model=Page[OverdueRecord])
async def overdue(
    deps: Needs,
    older_than_days: int | None = Query(None, ge=1, description="Defaults to the configured verification period"),
    partner_id: UUID | None = Query(None, description="Only this organization's services"),
    page: PageRequest = Depends(page_request),
) -> Page[OverdueRecord]:
    rows = await directory.overdue(deps, older_than_days=older_than_days, partner_id=partner_id,
                                   after=typed_keyset(page, date.fromisoformat, UUID), limit=page.limit + 1)
    return make_page(rows, page.limit, sort_key=lambda r: [(r.verified_on or date.min).isoformat(), str(r.service_id)])


@router.post("/services/{service_id}/verification", response_model=ServiceVerified)
async def verified(service_id: UUID, deps: Needs, who: str = Depends(actor)) -> ServiceVerified:
    partner = await partners.verify_service(deps, service_id, who)
    service = partner.service(service_id)
    assert service is not None, "verify_service refuses a service the partner does not offer"
    return ServiceVerified(service_id=service_id, partner_id=partner.id, verified_on=service.verified_on)
