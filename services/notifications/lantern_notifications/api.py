"""Notifications' internal HTTP API (called by the edge only)."""

from uuid import UUID

from fastapi import APIRouter, Request
from pydantic import BaseModel

from lantern_shared.http import internal_router
from lantern_shared.problems import Problem

from . import store


class RecipientView(BaseModel):
    """What staff may see of a recipient: whether and how they can be reached, not the contact points."""

    id: UUID
    kind: str
    language: str
    consent_to_contact: bool
    has_email: bool
    has_phone: bool


def router(internal_token: str) -> APIRouter:
    api = internal_router(internal_token, tags=["recipients"])

    @api.get("/recipients/{recipient_id}", response_model=RecipientView)
    async def recipient(recipient_id: UUID, request: Request) -> RecipientView:
        async with request.app.state.runtime.pool.acquire() as conn:
            found = await store.get_recipient(conn, recipient_id)
        if found is None:
            raise Problem(404, "Not found", f"No recipient {recipient_id}.")
        return RecipientView(
            id=found.id, kind=found.kind, language=found.language, consent_to_contact=found.consent_to_contact,
            has_email=found.email is not None, has_phone=found.phone is not None,
        )

    return api
