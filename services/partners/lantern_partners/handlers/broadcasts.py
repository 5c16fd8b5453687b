"""Distribution lists and the broadcasts sent to them."""

import uuid
from uuid import UUID

import asyncpg
from pydantic import BaseModel, Field

from lantern_shared.outbox import Outbox

from .. import store
from ..domain import BroadcastMessage, RuleBroken, broadcast_contact
from ..events import BROADCAST_REQUESTED, BroadcastRequested
from ..metrics import PartnerMetrics
from .common import NotFound


async def add_to_list(pool: asyncpg.Pool, list_id: UUID, partner_id: UUID, contact_id: UUID | None) -> None:
    async with pool.acquire() as conn, conn.transaction():
        if await store.get_list(conn, list_id) is None:
            raise NotFound(f"No distribution list {list_id}.")
        partner = await store.get_partner(conn, partner_id)
        if partner is None:
            raise NotFound(f"No partner {partner_id}.")
        if contact_id is not None and partner.contact(contact_id) is None:
            raise RuleBroken("contact not of this partner", f"contact {contact_id} is not one of {partner.name}'s")
        await store.put_member(conn, list_id, partner_id, contact_id)


class BroadcastReceipt(BaseModel):
    broadcast_id: UUID
    list_id: UUID
    contact_ids: list[UUID]
    skipped: list[dict[str, str]] = Field(description="Listed organizations not sent to, and why")


async def request_broadcast(
    pool: asyncpg.Pool, outbox: Outbox, metrics: PartnerMetrics, list_id: UUID, message: BroadcastMessage, actor: str,
) -> BroadcastReceipt:
    broadcast_id = uuid.uuid4()
    async with pool.acquire() as conn, conn.transaction():
        if await store.get_list(conn, list_id) is None:
            raise NotFound(f"No distribution list {list_id}.")
        contact_ids, skipped = [], []
        for member in await store.members(conn, list_id):
            partner = await store.get_partner(conn, member.partner_id)
            contact = broadcast_contact(partner, member.contact_id) if partner else None
            if partner is None or partner.status == "lapsed":
                skipped.append({"partner_id": str(member.partner_id), "reason": "partner lapsed"})
            elif contact is None:
                skipped.append({"partner_id": str(member.partner_id), "reason": "no contact on record"})
            else:
                contact_ids.append(contact.id)
        if not contact_ids:
            raise RuleBroken("no recipients", "no organization on this list has a contact to send to")
        await store.insert_broadcast(conn, broadcast_id, list_id, message.category, message.subject, message.body,
                                     message.fallback_language, contact_ids, actor)
        await outbox.add(conn, BROADCAST_REQUESTED, BroadcastRequested(
            broadcast_id=broadcast_id, list_id=list_id, category=message.category, subject=message.subject,
            body=message.body, fallback_language=message.fallback_language, contact_ids=contact_ids,
        ), key=str(broadcast_id), subject=f"broadcasts/{broadcast_id}")
    metrics.broadcasts.labels(message.category).inc()
    return BroadcastReceipt(broadcast_id=broadcast_id, list_id=list_id, contact_ids=contact_ids, skipped=skipped)
