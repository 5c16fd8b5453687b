"""What every route module shares: the use cases' dependencies and the keyset of a cursor."""

from datetime import datetime
from uuid import UUID

from fastapi import Request

from lantern_shared.pagination import PageRequest
from lantern_shared.problems import Problem

from ..handlers.wiring import Outreach


async def outreach(request: Request) -> Outreach:
    # async: a plain `def` dependency is run in a worker thread, a hop on every request
    return request.app.state.outreach


def keyset(page: PageRequest) -> tuple[datetime, UUID] | None:
    """The (time, id) a list resumes after; every list here is ordered by a time and the id."""
    if not page.after:
        return None
    try:
        moment, ident = page.after
        return datetime.fromisoformat(moment), UUID(ident)
    except (ValueError, TypeError) as exc:
        raise Problem(422, "Invalid request", "cursor is not one this API issued", type="urn:lantern:problem:validation",
                      errors=[{"field": "cursor", "message": "invalid cursor"}]) from exc


def sort_key(moment: datetime, ident: UUID) -> list[str]:
    return [moment.isoformat(), str(ident)]
