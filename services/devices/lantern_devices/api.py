"""Devices' internal HTTP API (called by the edge only)."""

from uuid import UUID

from fastapi import APIRouter, Request

from lantern_shared.http import internal_router
from lantern_shared.problems import Problem

from . import store
from .domain import Borrower


def router(internal_token: str) -> APIRouter:
    api = internal_router(internal_token, tags=["borrowers"])

    @api.get("/borrowers/{borrower_id}", response_model=Borrower)
    async def borrower(borrower_id: UUID, request: Request) -> Borrower:
        async with request.app.state.runtime.pool.acquire() as conn:
            found = await store.get_borrower(conn, borrower_id)
        if found is None:
            raise Problem(404, "Not found", f"No borrower {borrower_id}.")
        return found

    return api
