"""The patron's own pages under /my: registrations and waitlists, loans and holds, messages, preferences, data."""

from starlette.requests import Request
from starlette.responses import Response

from ..edge_api.api.me import get_me_registrations
from ..pages import area_router, render
from ..signin import EdgeAsReader

router = area_router("patron", role="patron")


@router.get("/my", name="my_registrations")
async def my_registrations(request: Request, edge: EdgeAsReader) -> Response:
    registrations = await edge.call(get_me_registrations)
    return render(request, "patron/registrations.html", registrations=registrations)
