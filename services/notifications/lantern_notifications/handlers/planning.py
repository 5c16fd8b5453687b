"""Planning messages to one recipient: on which channels, in which language, when, from which data.

Nothing is sent here: each delivery (cause event × recipient × channel × message) is recorded once, in the
cause's transaction, and the dispatcher sends it when it falls due.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from lantern_shared import tracing
from lantern_shared.envelope import CloudEvent
from lantern_shared.uow import UnitOfWork

from ..deps import Deps
from ..domain import digests
from ..domain.deliveries import PlannedDelivery
from ..domain.messages import MESSAGES, Category, Channel, title_in
from ..domain.preferences import Preferences
from ..domain.recipients import Recipient, choose_channels
from ..store import deliveries, preferences, recipients


@dataclass(frozen=True)
class Plan:
    """One message to plan for a recipient: what, from which data, and when (None: now)."""

    message: str
    data: dict[str, Any]
    send_after: datetime | None = None
    expires_at: datetime | None = None


async def notify(
    deps: Deps, work: UnitOfWork, cause: CloudEvent, recipient_id: UUID, message: str, data: dict[str, Any], *,
    send_after: datetime | None = None, expires_at: datetime | None = None, **common: Any,
) -> None:
    await notify_all(deps, work, cause, recipient_id, [Plan(message, data, send_after, expires_at)], **common)


async def notify_all(
    deps: Deps, work: UnitOfWork, cause: CloudEvent, recipient_id: UUID, plans: list[Plan], *,
    timezone: str | None = None, group_key: str | None = None, about: UUID | None = None,
    category: Category | None = None,
) -> None:
    """Plan messages to one recipient: who they are and what they chose is read once, the rows written at once."""
    if not plans:
        return
    recipient = await recipients.get_recipient(work.conn, recipient_id)
    chosen = await preferences.get_preferences(work.conn, recipient_id) if recipient is not None else None
    await deliveries.plan_all(work.conn, planned_for(
        deps, cause, recipient_id, recipient, chosen, plans, timezone=timezone, group_key=group_key, about=about,
        category=category))


def planned_for(
    deps: Deps, cause: CloudEvent, recipient_id: UUID, recipient: Recipient | None, chosen: Preferences | None,
    plans: list[Plan], *, timezone: str | None = None, group_key: str | None = None, about: UUID | None = None,
    category: Category | None = None,
) -> list[PlannedDelivery]:
    """The deliveries `notify_all` records, from the recipient and preferences already read."""
    if recipient is None or chosen is None:
        # Recorded all the same: the dispatcher suppresses it as "no contact", visibly, in the log and metrics.
        channels, language = [Channel.EMAIL], deps.default_language
    else:
        # Nobody reachable the way they chose: one row on the channel they wanted, suppressed when dispatched.
        channels = choose_channels(recipient, chosen) or [(chosen.channels or [Channel.EMAIL])[0]]
        language = recipient.language
    now = deps.clock()
    return [
        PlannedDelivery(
            id=uuid.uuid4(), cause_event_id=cause.id, cause_type=cause.type, cause_time=cause.time or now,
            recipient_id=recipient_id, about_patron_id=about, message=plan.message,
            category=category or MESSAGES[plan.message], channel=channel, language=language,
            timezone=timezone or deps.policy.timezone,
            send_after=digests.planned_send_after(plan.message, plan.send_after, now, deps.digests),
            expires_at=plan.expires_at, group_key=group_key, render_data=in_language(plan.data, language),
            traceparent=tracing.current_traceparent(),
        )
        for plan in plans for channel in channels
    ]


def in_language(data: dict[str, Any], language: str) -> dict[str, Any]:
    if "session_titles" not in data:
        return data
    # The session's title in the reader's language, when it was given in it.
    return {k: v for k, v in data.items() if k != "session_titles"} | {
        "session_title": title_in(data["session_titles"], language, data["session_title"])}
