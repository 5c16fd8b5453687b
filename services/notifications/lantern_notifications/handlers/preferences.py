"""A recipient's preferences: what they chose, and replacing it."""

from uuid import UUID

from ..deps import Deps
from ..domain.preferences import Preferences
from ..domain.recipients import Recipient
from ..store import preferences
from .recipients import existing


async def chosen(deps: Deps, recipient_id: UUID) -> tuple[Recipient, Preferences]:
    async with deps.uow() as work:
        recipient = await existing(work, recipient_id)
        return recipient, await preferences.get_preferences(work.conn, recipient_id)


async def choose(deps: Deps, recipient_id: UUID, choice: Preferences) -> tuple[Recipient, Preferences]:
    """Replace the recipient's choices (the dispatcher applies them to what is still waiting, too)."""
    async with deps.uow() as work:
        recipient = await existing(work, recipient_id)
        await preferences.put_preferences(work.conn, recipient_id, choice)
        return recipient, await preferences.get_preferences(work.conn, recipient_id)
