"""The partners service's internal HTTP API (called by the edge only): thin translation to handlers."""

import contextlib
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from typing import Any, Literal
from uuid import UUID, uuid4

import asyncpg
from fastapi import APIRouter, Body, Depends, Header, Query, Request, Response
from pydantic import BaseModel, Field

from lantern_shared.http import internal_router
from lantern_shared.pagination import Page, PageRequest, make_page, page_request
from lantern_shared.problems import Problem

from . import handlers, hsds, reports, store
from .domain import (
    NEEDS, Agreement, AgreementKind, AgreementTerms, BroadcastMessage, DirectoryHit, DirectoryQuery,
    LanguageTag, Partner, PartnerKind, PartnerRecord, PartnerStatus, ReferralOutcome, RuleBroken, search_directory,
)

CONFLICT = "urn:lantern:problem:conflict"
ACTOR_HEADER = "X-Lantern-Actor"


def actor(x_lantern_actor: str = Header("unspecified", alias=ACTOR_HEADER, max_length=200)) -> str:
    """Who acts, as the edge forwards it (e.g. `staff:<id>`), kept with status changes, agreements and referrals."""
    return x_lantern_actor


@contextlib.contextmanager
def _answers() -> Iterator[None]:
    """Domain refusals become problem details: 404 for what is not there, 409 naming the rule, 422 for bad HSDS."""
    try:
        yield
    except handlers.NotFound as exc:
        raise Problem(404, "Not found", str(exc)) from exc
    except RuleBroken as exc:
        raise Problem(409, "Conflict", exc.detail, type=CONFLICT, reason=exc.reason) from exc
    except handlers.RecordConflict as exc:
        raise Problem(409, "Conflict", "; ".join(exc.problems), type=CONFLICT, reason="ids belong to another organization",
                      problems=exc.problems) from exc
    except hsds.HsdsRejected as exc:
        raise Problem(422, "Invalid HSDS organization", "; ".join(exc.problems),
                      type="urn:lantern:problem:validation", problems=exc.problems) from exc


def _after(page: PageRequest, *parsers: Callable[[Any], Any]) -> tuple | None:
    """The cursor's sort key, each part read back into its type; a cursor this API did not issue is a 422."""
    if page.after is None:
        return None
    try:
        if len(page.after) != len(parsers):
            raise ValueError("wrong length")
        return tuple(parse(value) for parse, value in zip(parsers, page.after, strict=True))
    except (TypeError, ValueError) as exc:
        raise Problem(422, "Invalid request", "cursor is not one this API issued", type="urn:lantern:problem:validation",
                      errors=[{"field": "cursor", "message": "invalid cursor"}]) from exc


def _exactly(kind: type) -> Callable[[Any], Any]:
    def parse(value: Any) -> Any:
        if type(value) is not kind:
            raise TypeError(f"expected {kind.__name__}")
        return value

    return parse


_RANK_KEY = (_exactly(int), _exactly(int), float, _exactly(int), lambda v: str(UUID(v)))


class StatusChangeRequest(BaseModel):
    status: PartnerStatus
    reason: str | None = Field(default=None, max_length=1000, description="Required for a lapse; the partner is told it")


class EndAgreementRequest(BaseModel):
    ended_on: date | None = Field(default=None, description="Last day the agreement covers; today if omitted")
    reason: str = Field(default="ended early", min_length=1, max_length=1000)


class OutcomeRequest(BaseModel):
    outcome: Literal["contacted", "served", "declined"]
    note: str | None = Field(default=None, max_length=2000)


class NewList(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=2000)


class Membership(BaseModel):
    contact_id: UUID | None = Field(default=None, description="Who at the organization receives broadcasts; its first contact if omitted")


class ListWithMembers(store.DistributionList):
    members: list[store.ListMember]


class Need(BaseModel):
    code: str
    name: str


class ReferralConsent(BaseModel):
    patron_id: UUID
    known: bool = Field(description="Whether registration has told partners about this patron")
    consent_to_referral: bool


class ServiceVerified(BaseModel):
    service_id: UUID
    partner_id: UUID
    verified_on: date


def router(internal_token: str) -> APIRouter:
    api = internal_router(internal_token)

    def rt(request: Request):
        return request.app.state.runtime

    def clock(request: Request):
        return request.app.state.clock

    def metrics(request: Request):
        return request.app.state.partner_metrics

    def settings(request: Request):
        return request.app.state.runtime.settings

    # --- partners -----------------------------------------------------------------------------------------

    @api.post("/partners", status_code=201, response_model=Partner, tags=["partners"])
    async def register(record: PartnerRecord, request: Request, who: str = Depends(actor)) -> Partner:
        with _answers():
            return await handlers.register_partner(rt(request).pool, rt(request).outbox, record, who)

    @api.get("/partners", response_model=Page[Partner], tags=["partners"])
    async def list_partners(
        request: Request, kind: PartnerKind | None = None, status: PartnerStatus | None = None,
        q: str | None = Query(None, max_length=200, description="Part of the name"),
        page: PageRequest = Depends(page_request),
    ) -> Page[Partner]:
        async with rt(request).pool.acquire() as conn:
            rows = await store.list_partners(conn, kind=kind, status=status, text=q, after=_after(page, str, UUID),
                                             limit=page.limit + 1)
        return make_page(rows, page.limit, sort_key=lambda p: [p.name.lower(), str(p.id)])

    @api.get("/partners/{partner_id}", response_model=Partner, tags=["partners"])
    async def get_partner(partner_id: UUID, request: Request) -> Partner:
        async with rt(request).pool.acquire() as conn:
            partner = await store.get_partner(conn, partner_id)
        if partner is None:
            raise Problem(404, "Not found", f"No partner {partner_id}.")
        return partner

    @api.put("/partners/{partner_id}", response_model=Partner, tags=["partners"])
    async def replace(partner_id: UUID, record: PartnerRecord, request: Request, who: str = Depends(actor)) -> Partner:
        with _answers():
            return await handlers.replace_record(rt(request).pool, rt(request).outbox, partner_id, record, who)

    @api.post("/partners/{partner_id}/status", response_model=Partner, tags=["partners"])
    async def change_status(
        partner_id: UUID, change: StatusChangeRequest, request: Request, who: str = Depends(actor),
    ) -> Partner:
        with _answers():
            return await handlers.change_status(rt(request).pool, rt(request).outbox, metrics(request), partner_id,
                                                change.status, change.reason, who)

    @api.get("/partners/{partner_id}/status-history", response_model=Page[store.StatusChange], tags=["partners"])
    async def status_history(partner_id: UUID, request: Request) -> Page[store.StatusChange]:
        async with rt(request).pool.acquire() as conn:
            if await store.get_partner(conn, partner_id) is None:
                raise Problem(404, "Not found", f"No partner {partner_id}.")
            return Page(items=await store.status_history(conn, partner_id))

    @api.post("/partners/{partner_id}/agreements", status_code=201, response_model=Agreement, tags=["agreements"])
    async def sign(partner_id: UUID, terms: AgreementTerms, request: Request, who: str = Depends(actor)) -> Agreement:
        with _answers():
            return await handlers.sign_agreement(rt(request).pool, rt(request).outbox, partner_id, terms,
                                                 clock(request).now(), who)

    # --- the directory ------------------------------------------------------------------------------------

    @api.get("/directory/services", response_model=Page[DirectoryHit], tags=["directory"])
    async def search(
        request: Request,
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
        async with rt(request).pool.acquire() as conn:
            entries = await store.directory_entries(conn, query.needs)
        hits = search_directory(entries, query, clock(request).now())
        after = _after(page, *_RANK_KEY)
        if after is not None:
            hits = [h for h in hits if h.rank_key > list(after)]
        return make_page(hits[: page.limit + 1], page.limit, sort_key=lambda h: h.rank_key)

    @api.get("/directory/needs", response_model=list[Need], tags=["directory"])
    async def needs() -> list[Need]:
        return [Need(code=code, name=name) for code, name in NEEDS.items()]

    @api.get("/directory/overdue", response_model=Page[store.OverdueRecord], tags=["directory"])
    async def overdue(
        request: Request,
        older_than_days: int | None = Query(None, ge=1, description="Defaults to the configured verification period"),
        page: PageRequest = Depends(page_request),
    ) -> Page[store.OverdueRecord]:
        days = older_than_days or settings(request).verification_period_days
        async with rt(request).pool.acquire() as conn:
            rows = await store.overdue_services(conn, verified_before=clock(request).today() - timedelta(days=days),
                                                after=_after(page, date.fromisoformat, UUID), limit=page.limit + 1)
        return make_page(rows, page.limit, sort_key=lambda r: [(r.verified_on or date.min).isoformat(), str(r.service_id)])

    @api.post("/services/{service_id}/verification", response_model=ServiceVerified, tags=["directory"])
    async def verified(service_id: UUID, request: Request, who: str = Depends(actor)) -> ServiceVerified:
        today = clock(request).today()
        with _answers():
            partner = await handlers.verify_service(rt(request).pool, rt(request).outbox, service_id, today, who)
        return ServiceVerified(service_id=service_id, partner_id=partner.id, verified_on=today)

    # --- HSDS ---------------------------------------------------------------------------------------------

    @api.get("/hsds/organizations", tags=["hsds"])
    async def export(request: Request) -> list[dict[str, Any]]:
        """The whole directory as HSDS 3.0 organization objects (services, locations, contacts nested)."""
        async with rt(request).pool.acquire() as conn:
            partners = await store.all_partners(conn)
        return [hsds.to_hsds(p) for p in partners]

    @api.get("/hsds/organizations/{partner_id}", tags=["hsds"])
    async def export_one(partner_id: UUID, request: Request) -> dict[str, Any]:
        async with rt(request).pool.acquire() as conn:
            partner = await store.get_partner(conn, partner_id)
        if partner is None:
            raise Problem(404, "Not found", f"No partner {partner_id}.")
        return hsds.to_hsds(partner)

    @api.post("/hsds/organizations", response_model=list[handlers.ImportResult], tags=["hsds"])
    async def import_(
        request: Request, response: Response, documents: Any = Body(...), who: str = Depends(actor),
    ) -> list[handlers.ImportResult]:
        """One HSDS organization or a list of them; each is applied whole or rejected with its reasons."""
        batch = documents if isinstance(documents, list) else [documents]
        if not batch or len(batch) > 1000:
            raise Problem(422, "Invalid request", "send between 1 and 1000 HSDS organizations",
                          type="urn:lantern:problem:validation", errors=[{"field": "body", "message": "1 to 1000 items"}])
        results = await handlers.import_hsds(rt(request).pool, rt(request).outbox, metrics(request), batch, who)
        if all(r.outcome == "rejected" for r in results):
            response.status_code = 422
        return results

    # --- agreements ---------------------------------------------------------------------------------------

    @api.get("/agreements", response_model=Page[Agreement], tags=["agreements"])
    async def agreements(
        request: Request, partner_id: UUID | None = None, kind: AgreementKind | None = None,
        state: Literal["upcoming", "active", "ended"] | None = None,
        ending_within_days: int | None = Query(None, ge=0, le=3650, description="Only those in force ending this soon"),
        page: PageRequest = Depends(page_request),
    ) -> Page[Agreement]:
        today = clock(request).today()
        async with rt(request).pool.acquire() as conn:
            rows = await store.list_agreements(
                conn, partner_id=partner_id, kind=kind, today=today, state=state,
                ending_by=today + timedelta(days=ending_within_days) if ending_within_days is not None else None,
                after=_after(page, date.fromisoformat, UUID), limit=page.limit + 1,
            )
        return make_page(rows, page.limit, sort_key=lambda a: [(a.ends_on or date.max).isoformat(), str(a.id)])

    @api.get("/agreements/ending-soon", response_model=Page[Agreement], tags=["agreements"])
    async def ending_soon(request: Request, page: PageRequest = Depends(page_request)) -> Page[Agreement]:
        return await agreements(request, None, None, None, settings(request).agreements_ending_soon_days, page)

    @api.get("/agreements/{agreement_id}", response_model=Agreement, tags=["agreements"])
    async def agreement(agreement_id: UUID, request: Request) -> Agreement:
        async with rt(request).pool.acquire() as conn:
            found = await store.get_agreement(conn, agreement_id)
        if found is None:
            raise Problem(404, "Not found", f"No agreement {agreement_id}.")
        return found

    @api.post("/agreements/{agreement_id}/end", response_model=Agreement, tags=["agreements"])
    async def end(
        agreement_id: UUID, ending: EndAgreementRequest, request: Request, who: str = Depends(actor),
    ) -> Agreement:
        with _answers():
            return await handlers.end_agreement(rt(request).pool, rt(request).outbox, agreement_id, clock(request).today(),
                                                ending.ended_on, ending.reason, who)

    # --- referrals ----------------------------------------------------------------------------------------

    @api.post("/referrals", status_code=201, response_model=store.Referral, tags=["referrals"])
    async def refer(referral: handlers.ReferralRequest, request: Request, who: str = Depends(actor)) -> store.Referral:
        with _answers():
            return await handlers.make_referral(rt(request).pool, rt(request).outbox, metrics(request), referral,
                                                clock(request).now(), who)

    @api.get("/patrons/{patron_id}/referral-consent", response_model=ReferralConsent, tags=["referrals"])
    async def referral_consent(patron_id: UUID, request: Request) -> ReferralConsent:
        """Whether staff may refer this patron (as registration last told partners); no personal data."""
        async with rt(request).pool.acquire() as conn:
            consent = await store.get_consent(conn, patron_id)
        return ReferralConsent(patron_id=patron_id, known=consent is not None,
                               consent_to_referral=bool(consent and consent.consent))

    @api.get("/referrals", response_model=Page[store.Referral], tags=["referrals"])
    async def referrals(
        request: Request, patron_id: UUID | None = None, partner_id: UUID | None = None,
        outcome: ReferralOutcome | None = None, page: PageRequest = Depends(page_request),
    ) -> Page[store.Referral]:
        async with rt(request).pool.acquire() as conn:
            rows = await store.list_referrals(conn, patron_id=patron_id, partner_id=partner_id, outcome=outcome,
                                              after=_after(page, datetime.fromisoformat, UUID), limit=page.limit + 1)
        return make_page(rows, page.limit, sort_key=lambda r: [r.created_at.isoformat(), str(r.id)])

    @api.get("/referrals/{referral_id}", response_model=store.Referral, tags=["referrals"])
    async def referral(referral_id: UUID, request: Request) -> store.Referral:
        async with rt(request).pool.acquire() as conn:
            found = await store.get_referral(conn, referral_id)
        if found is None:
            raise Problem(404, "Not found", f"No referral {referral_id}.")
        return found

    @api.post("/referrals/{referral_id}/outcome", response_model=store.Referral, tags=["referrals"])
    async def outcome(
        referral_id: UUID, recorded: OutcomeRequest, request: Request, who: str = Depends(actor),
    ) -> store.Referral:
        with _answers():
            return await handlers.record_outcome(rt(request).pool, metrics(request), referral_id, recorded.outcome,
                                                 recorded.note, who)

    # --- distribution lists -------------------------------------------------------------------------------

    @api.post("/distribution-lists", status_code=201, response_model=store.DistributionList, tags=["distribution lists"])
    async def new_list(new: NewList, request: Request) -> store.DistributionList:
        async with rt(request).pool.acquire() as conn:
            try:
                return await store.insert_list(conn, uuid4(), new.name, new.description)
            except asyncpg.UniqueViolationError as exc:
                raise Problem(409, "Conflict", f"a distribution list is already called {new.name!r}", type=CONFLICT,
                              reason="name taken") from exc

    @api.get("/distribution-lists", response_model=Page[store.DistributionList], tags=["distribution lists"])
    async def lists(request: Request, page: PageRequest = Depends(page_request)) -> Page[store.DistributionList]:
        async with rt(request).pool.acquire() as conn:
            rows = await store.list_lists(conn, after=_after(page, str, UUID), limit=page.limit + 1)
        return make_page(rows, page.limit, sort_key=lambda d: [d.name.lower(), str(d.id)])

    @api.get("/distribution-lists/{list_id}", response_model=ListWithMembers, tags=["distribution lists"])
    async def one_list(list_id: UUID, request: Request) -> ListWithMembers:
        async with rt(request).pool.acquire() as conn:
            found = await store.get_list(conn, list_id)
            if found is None:
                raise Problem(404, "Not found", f"No distribution list {list_id}.")
            return ListWithMembers(**found.model_dump(), members=await store.members(conn, list_id))

    @api.put("/distribution-lists/{list_id}/members/{partner_id}", status_code=204, tags=["distribution lists"])
    async def add_member(list_id: UUID, partner_id: UUID, request: Request,
                         membership: Membership = Body(default_factory=Membership)) -> Response:
        with _answers():
            await handlers.add_to_list(rt(request).pool, list_id, partner_id, membership.contact_id)
        return Response(status_code=204)

    @api.delete("/distribution-lists/{list_id}/members/{partner_id}", status_code=204, tags=["distribution lists"])
    async def remove_member(list_id: UUID, partner_id: UUID, request: Request) -> Response:
        async with rt(request).pool.acquire() as conn:
            if not await store.remove_member(conn, list_id, partner_id):
                raise Problem(404, "Not found", f"Partner {partner_id} is not on list {list_id}.")
        return Response(status_code=204)

    @api.post("/distribution-lists/{list_id}/broadcasts", status_code=202, response_model=handlers.BroadcastReceipt,
              tags=["distribution lists"])
    async def broadcast(
        list_id: UUID, message: BroadcastMessage, request: Request, who: str = Depends(actor),
    ) -> handlers.BroadcastReceipt:
        with _answers():
            return await handlers.request_broadcast(rt(request).pool, rt(request).outbox, metrics(request), list_id,
                                                    message, who)

    # --- reports ------------------------------------------------------------------------------------------

    @api.get("/reports/partnerships", response_model=reports.PartnershipsReport, tags=["reports"])
    async def partnerships(
        request: Request,
        referrals_since: datetime | None = Query(None, description="Count referrals made from this moment"),
        referrals_until: datetime | None = Query(None, description="… up to (not including) this one"),
    ) -> reports.PartnershipsReport:
        async with rt(request).pool.acquire() as conn:
            return await reports.partnerships_report(
                conn, today=clock(request).today(), verification_period_days=settings(request).verification_period_days,
                referrals_since=referrals_since, referrals_until=referrals_until,
            )

    return api



