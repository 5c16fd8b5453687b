"""A patron's in-app inbox: GET /recipients/{id}/inbox, POST .../inbox/{message_id}/read."""

from uuid import UUID

from fastapi import APIRouter, Depends, Query

from lantern_shared.pagination import Page, PageRequest, make_page, page_request

from ..deps import Needs
from ..domain.inbox import InboxMessage
from ..handlers import inbox as inboxes
from .paging import after_seq

router = APIRouter(tags=["notifications"])


@router.get("/recipients/{recipient_id}/inbox", response_model=Page[InboxMessage])
async def inbox(
    recipient_id: UUID, deps: Needs, page: PageRequest = Depends(page_request),
    unread: bool = Query(False, description="Only messages not yet read"),
) -> Page[InboxMessage]:
    rows = await inboxes.messages(deps, recipient_id, before_seq=after_seq(page), limit=page.limit + 1,
                                  unread_only=unread)
    return make_page(rows, page.limit, sort_key=lambda m: [m.seq])


@router.post("/recipients/{recipient_id}/inbox/{message_id}/read", response_model=InboxMessage)
async def read(recipient_id: UUID, message_id: UUID, deps: Needs) -> InboxMessage:
    return await inboxes.mark_read(deps, recipient_id, message_id)
