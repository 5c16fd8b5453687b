"""Registration's internal HTTP API (called by the edge only)."""

from uuid import UUID

from fastapi import APIRouter, Request

from lantern_shared.http import internal_router
from lantern_shared.problems import Problem

from . import handlers, store
from .domain import Patron, PatronDetails


def router(internal_token: str) -> APIRouter:
    api = internal_router(internal_token, tags=["patrons"])

    @api.post("/patrons", status_code=201, response_model=Patron)
    async def enroll(details: PatronDetails, request: Request) -> Patron:
        runtime = request.app.state.runtime
        return await handlers.enroll_patron(details, runtime.pool, runtime.outbox)

    @api.get("/patrons/{patron_id}", response_model=Patron)
    async def look_up(patron_id: UUID, request: Request) -> Patron:
        async with request.app.state.runtime.pool.acquire() as conn:
            patron = await store.get_patron(conn, patron_id)
        if patron is None:
            raise Problem(404, "Not found", f"No patron {patron_id}.")
        return patron

    return api
