"""GET and PUT /recipients/{id}/preferences: what a recipient chose, and where their messages go today."""

from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel

from ..deps import Deps, Needs
from ..domain.messages import Category, Channel
from ..domain.preferences import Preferences, QuietHours
from ..domain.recipients import Recipient, choose_channels
from ..handlers import preferences

router = APIRouter(tags=["notifications"])


class PreferencesView(BaseModel):
    channels: list[Channel] | None  # what the recipient chose; null = automatic
    effective_channels: list[Channel]  # where messages go today, given the contact points on file
    opted_out: list[Category]
    quiet_hours: QuietHours  # the recipient's, or the library's default
    quiet_hours_enabled: bool
    timezone: str


@router.get("/recipients/{recipient_id}/preferences", response_model=PreferencesView)
async def get_preferences(recipient_id: UUID, deps: Needs) -> PreferencesView:
    return _view(deps, *await preferences.chosen(deps, recipient_id))


@router.put("/recipients/{recipient_id}/preferences", response_model=PreferencesView)
async def put_preferences(recipient_id: UUID, choice: Preferences, deps: Needs) -> PreferencesView:
    """Replace the recipient's choices. Transactional messages cannot be opted out of (422)."""
    return _view(deps, *await preferences.choose(deps, recipient_id, choice))


def _view(deps: Deps, recipient: Recipient, chosen: Preferences) -> PreferencesView:
    return PreferencesView(
        channels=chosen.channels, effective_channels=choose_channels(recipient, chosen),
        opted_out=chosen.opted_out, quiet_hours=chosen.quiet_hours or deps.policy.quiet_hours,
        quiet_hours_enabled=chosen.quiet_hours_enabled, timezone=chosen.timezone or deps.policy.timezone,
    )
