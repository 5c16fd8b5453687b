"""Notifications' internal HTTP API (called by the edge only): recipients, preferences, inboxes, the delivery log."""

from datetime import UTC, datetime, time
from uuid import UUID

import asyncpg
from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel

from lantern_shared.http import internal_router
from lantern_shared.pagination import Page, PageRequest, make_page, page_request
from lantern_shared.problems import Problem

from . import store
from .domain import Category, Channel, Delivery, InboxMessage, Preferences, QuietHours, Status, choose_channels
from .settings import NotificationsSettings


class RecipientView(BaseModel):
    """What staff may see of a recipient: whether and how they can be reached, not the contact points."""

    id: UUID
    kind: str
    language: str
    consent_to_contact: bool
    has_email: bool
    has_phone: bool
    email_bounced: bool
    phone_rejected: bool


class PreferencesView(BaseModel):
    channels: list[Channel] | None  # what the recipient chose; null = automatic
    effective_channels: list[Channel]  # where messages go today, given the contact points on file
    opted_out: list[Category]
    quiet_hours: QuietHours  # the recipient's, or the library's default
    quiet_hours_enabled: bool
    timezone: str


class DeliveryView(Delivery):
    """A line of the delivery log: status, channel, language, attempts; never the message body or address."""


def router(settings: NotificationsSettings) -> APIRouter:
    api = internal_router(settings.internal_token.get_secret_value(), tags=["notifications"])
    default_quiet = QuietHours(start=time.fromisoformat(settings.quiet_hours_start),
                               end=time.fromisoformat(settings.quiet_hours_end))

    def pool(request: Request) -> asyncpg.Pool:
        return request.app.state.runtime.pool

    async def existing(conn: asyncpg.Connection, recipient_id: UUID):
        found = await store.get_recipient(conn, recipient_id)
        if found is None:
            raise Problem(404, "Not found", f"No recipient {recipient_id}.")
        return found

    @api.get("/recipients/{recipient_id}", response_model=RecipientView)
    async def recipient(recipient_id: UUID, request: Request) -> RecipientView:
        async with pool(request).acquire() as conn:
            found = await existing(conn, recipient_id)
        return RecipientView(
            id=found.id, kind=found.kind, language=found.language, consent_to_contact=found.consent_to_contact,
            has_email=found.email is not None, has_phone=found.phone is not None,
            email_bounced=found.email_invalid, phone_rejected=found.phone_invalid,
        )

    def view(found, preferences: Preferences) -> PreferencesView:
        return PreferencesView(
            channels=preferences.channels, effective_channels=choose_channels(found, preferences),
            opted_out=preferences.opted_out, quiet_hours=preferences.quiet_hours or default_quiet,
            quiet_hours_enabled=preferences.quiet_hours_enabled,
            timezone=preferences.timezone or settings.library_timezone,
        )

    @api.get("/recipients/{recipient_id}/preferences", response_model=PreferencesView)
    async def get_preferences(recipient_id: UUID, request: Request) -> PreferencesView:
        async with pool(request).acquire() as conn:
            found = await existing(conn, recipient_id)
            return view(found, await store.get_preferences(conn, recipient_id))

    @api.put("/recipients/{recipient_id}/preferences", response_model=PreferencesView)
    async def put_preferences(recipient_id: UUID, preferences: Preferences, request: Request) -> PreferencesView:
        """Replace the recipient's choices. Transactional messages cannot be opted out of (422)."""
        async with pool(request).acquire() as conn:
            found = await existing(conn, recipient_id)
            await store.put_preferences(conn, recipient_id, preferences)
            return view(found, await store.get_preferences(conn, recipient_id))

    @api.get("/recipients/{recipient_id}/inbox", response_model=Page[InboxMessage])
    async def inbox(
        recipient_id: UUID, request: Request, page: PageRequest = Depends(page_request),
        unread: bool = Query(False, description="Only messages not yet read"),
    ) -> Page[InboxMessage]:
        async with pool(request).acquire() as conn:
            await existing(conn, recipient_id)
            rows = await store.list_inbox(conn, recipient_id, before_seq=_after_seq(page), limit=page.limit + 1,
                                          unread_only=unread)
        return make_page(rows, page.limit, sort_key=lambda m: [m.seq])

    @api.post("/recipients/{recipient_id}/inbox/{message_id}/read", response_model=InboxMessage)
    async def read(recipient_id: UUID, message_id: UUID, request: Request) -> InboxMessage:
        async with pool(request).acquire() as conn:
            found = await store.mark_read(conn, recipient_id, message_id, datetime.now(UTC))
        if found is None:
            raise Problem(404, "Not found", f"No message {message_id} in this inbox.")
        return found

    @api.get("/deliveries", response_model=Page[DeliveryView])
    async def deliveries(
        request: Request, page: PageRequest = Depends(page_request),
        recipient_id: UUID | None = None, status: Status | None = None, channel: Channel | None = None,
        category: Category | None = None, language: str | None = None, message: str | None = None,
        cause_event_id: str | None = None,
    ) -> Page[DeliveryView]:
        """The delivery log, newest first, for staff: filter by recipient, status, channel, language, category."""
        filters = {"recipient_id": recipient_id, "status": status, "channel": channel, "category": category,
                   "language": language, "message": message, "cause_event_id": cause_event_id}
        async with pool(request).acquire() as conn:
            rows = await store.list_deliveries(conn, filters=filters, before_seq=_after_seq(page), limit=page.limit + 1)
        return make_page([DeliveryView.model_validate(r.model_dump()) for r in rows], page.limit,
                         sort_key=lambda d: [d.seq])

    @api.get("/deliveries/{delivery_id}", response_model=DeliveryView)
    async def delivery(delivery_id: UUID, request: Request) -> DeliveryView:
        async with pool(request).acquire() as conn:
            found = await store.get_delivery(conn, delivery_id)
        if found is None:
            raise Problem(404, "Not found", f"No delivery {delivery_id}.")
        return DeliveryView.model_validate(found.model_dump())

    @api.post("/deliveries/{delivery_id}/retry", response_model=DeliveryView)
    async def retry(delivery_id: UUID, request: Request) -> DeliveryView:
        """Send a failed message again, with a fresh set of attempts (after an outage or a corrected address)."""
        async with pool(request).acquire() as conn:
            retried = await store.retry_failed(conn, delivery_id, datetime.now(UTC))
            if retried is None:
                found = await store.get_delivery(conn, delivery_id)
                if found is None:
                    raise Problem(404, "Not found", f"No delivery {delivery_id}.")
                raise Problem(409, "Not retryable", "Only a failed delivery whose recipient and message data are still "
                              "kept can be sent again.", status_now=found.status)
        return DeliveryView.model_validate(retried.model_dump())

    return api


def _after_seq(page: PageRequest) -> int | None:
    if not page.after:
        return None
    if len(page.after) != 1 or not isinstance(page.after[0], int):
        raise Problem(422, "Invalid request", "cursor is not one this API issued", type="urn:lantern:problem:validation",
                      errors=[{"field": "cursor", "message": "invalid cursor"}])
    return page.after[0]
