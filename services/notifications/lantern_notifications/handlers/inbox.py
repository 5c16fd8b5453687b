"""A patron's in-app inbox: reading it, and marking a message read."""

from uuid import UUID

from lantern_shared.refusals import not_found

from ..deps import Deps
from ..domain.inbox import InboxMessage
from ..store import inbox
from .recipients import existing


async def messages(deps: Deps, recipient_id: UUID, *, before_seq: int | None, limit: int,
                   unread_only: bool) -> list[InboxMessage]:
    """Newest first."""
    async with deps.uow() as work:
        await existing(work, recipient_id)
        return await inbox.list_inbox(work.conn, recipient_id, before_seq=before_seq, limit=limit,
                                      unread_only=unread_only)


async def mark_read(deps: Deps, recipient_id: UUID, message_id: UUID) -> InboxMessage:
    async with deps.uow() as work:
        found = await inbox.mark_read(work.conn, recipient_id, message_id, deps.clock())
    if found is None:
        raise not_found("message", f"{message_id} in this inbox")
    return found
