"""Deliveries: one message to one recipient on one channel, from planning to its end (sent, failed, suppressed...)."""

from datetime import datetime
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel, Field

from .messages import Category, Channel
from .preferences import Preferences
from .recipients import Recipient


class Status(StrEnum):
    SCHEDULED = "scheduled"  # waiting for its send_after (a reminder, a retry, the end of quiet hours)
    SENDING = "sending"  # claimed by a dispatcher; back to scheduled if the lease runs out
    SENT = "sent"
    FAILED = "failed"
    SUPPRESSED = "suppressed"  # not sent on purpose (preference, no contact point)
    CANCELLED = "cancelled"  # what it was about went away (registration cancelled, device returned)


FINAL_STATUSES = (Status.SENT, Status.FAILED, Status.SUPPRESSED, Status.CANCELLED)


class PlannedDelivery(BaseModel):
    """A message decided on when its cause arrived, waiting for its moment in the deliveries table."""

    id: UUID
    cause_event_id: str
    cause_type: str
    cause_time: datetime
    recipient_id: UUID
    about_patron_id: UUID | None = None
    message: str
    category: Category
    channel: Channel
    language: str
    timezone: str
    status: Status = Status.SCHEDULED
    reason: str | None = None
    send_after: datetime
    expires_at: datetime | None = None
    group_key: str | None = None
    render_data: dict
    traceparent: str | None = None  # the planning handler's span: the send continues its trace


class Delivery(BaseModel):
    """One row of the delivery log as staff see it: no contact points, no message body."""

    id: UUID
    seq: int
    cause_event_id: str
    cause_type: str
    recipient_id: UUID | None
    message: str
    category: Category
    channel: Channel
    language: str
    status: Status
    reason: str | None
    attempts: int
    send_after: datetime
    created_at: datetime
    updated_at: datetime
    sent_at: datetime | None
    # For a text: what the SMS provider last reported (queued, sent, delivered, undelivered, failed), and its code.
    provider_status: str | None = None
    provider_error: int | None = None
    provider_status_at: datetime | None = None


class ClaimedDelivery(Delivery):
    """A delivery a dispatcher holds: what it needs to decide, render and send, read with the claim."""

    cause_time: datetime
    expires_at: datetime | None
    timezone: str
    render_data: dict | None
    digest_id: UUID | None = None  # tried before as part of a digest that is retried together
    traceparent: str | None = None
    recipient: Recipient | None = None  # None: erased, or never known
    preferences: Preferences = Field(default_factory=Preferences)
