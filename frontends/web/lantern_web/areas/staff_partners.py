"""Staff pages for community partners: the partner list, agreements (active and ending soon) and referrals made."""

import asyncio

from starlette.requests import Request
from starlette.responses import Response

from ..edge_api.api.agreements import get_agreements
from ..edge_api.api.partners import get_partners
from ..edge_api.api.referrals import get_referrals
from ..edge_api.types import UNSET
from ..pages import render
from ..signin import EdgeAsReader
from .staff import router


@router.get("/staff/partners", name="staff_partners")
async def partners(request: Request, edge: EdgeAsReader) -> Response:
    q = request.query_params.get("q", "").strip()
    found = await edge.call(get_partners, q=q or UNSET, limit=200)
    return render(request, "staff/partners.html", partners=found.items, chosen={"q": q})


@router.get("/staff/agreements", name="staff_agreements")
async def agreements(request: Request, edge: EdgeAsReader) -> Response:
    found, known = await asyncio.gather(edge.call(get_agreements, limit=200), edge.call(get_partners, limit=200))
    names = {str(p.id): p.name for p in known.items}
    return render(request, "staff/agreements.html", agreements=found.items, names=names)


@router.get("/staff/referrals", name="staff_referrals")
async def referrals(request: Request, edge: EdgeAsReader) -> Response:
    found, known = await asyncio.gather(edge.call(get_referrals, limit=200), edge.call(get_partners, limit=200))
    names = {str(p.id): p.name for p in known.items}
    return render(request, "staff/referrals.html", referrals=found.items, names=names)
