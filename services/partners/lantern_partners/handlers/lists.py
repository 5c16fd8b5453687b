"""Distribution lists, their members, and the broadcasts sent to them."""

import uuid
from uuid import UUID

import asyncpg
from pydantic import BaseModel, Field

from lantern_shared.refusals import conflict, not_found

from .. import errors
from ..deps import Deps
from ..domain.broadcasts import BroadcastMessage, broadcast_contact
from ..events import BROADCAST_REQUESTED, BroadcastRequested
from ..store import lists, partners


class ListWithMembers(lists.DistributionList):
    members: list[lists.ListMember]


class BroadcastReceipt(BaseModel):
    broadcast_id: UUID
    list_id: UUID
    contact_ids: list[UUID]
    skipped: list[dict[str, str]] = Field(description="Listed organizations not sent to, and why")


async def create(deps: Deps, name: str, description: str) -> lists.DistributionList:
    async with deps.uow() as work:
        try:
            return await lists.insert_list(work.conn, uuid.uuid4(), name, description)
        except asyncpg.UniqueViolationError as exc:
            raise conflict("name_taken", f"a distribution list is already called {name!r}") from exc


async def listed(deps: Deps, *, after: tuple[str, UUID] | None, limit: int) -> list[lists.DistributionList]:
    async with deps.pool.acquire() as conn:
        return await lists.list_lists(conn, after=after, limit=limit)


async def get(deps: Deps, list_id: UUID) -> ListWithMembers:
    async with deps.pool.acquire() as conn:
        found = await lists.get_list(conn, list_id)
        if found is None:
            raise not_found("distribution list", list_id)
        return ListWithMembers(**found.model_dump(), members=await lists.members(conn, list_id))


async def add_member(deps: Deps, list_id: UUID, partner_id: UUID, contact_id: UUID | None) -> None:
    async with deps.uow() as work:
        if await lists.get_list(work.conn, list_id) is None:
            raise not_found("distribution list", list_id)
        partner = await partners.get_partner(work.conn, partner_id)
        if partner is None:
            raise not_found("partner", partner_id)
        if contact_id is not None and partner.contact(contact_id) is None:
            raise errors.contact_not_of_partner(contact_id, partner.name)
        await lists.put_member(work.conn, list_id, partner_id, contact_id)


async def remove_member(deps: Deps, list_id: UUID, partner_id: UUID) -> None:
    async with deps.uow() as work:
        if not await lists.remove_member(work.conn, list_id, partner_id):
            raise errors.not_a_member(list_id, partner_id)


async def request_broadcast(deps: Deps, list_id: UUID, message: BroadcastMessage, actor: str) -> BroadcastReceipt:
    """One contact per listed organization (lapsed ones and those without a contact are skipped, said why)."""
    broadcast_id = uuid.uuid4()
    async with deps.uow() as work:
        if await lists.get_list(work.conn, list_id) is None:
            raise not_found("distribution list", list_id)
        contact_ids, skipped = [], []
        for member in await lists.members(work.conn, list_id):
            partner = await partners.get_partner(work.conn, member.partner_id)
            contact = broadcast_contact(partner, member.contact_id) if partner else None
            if partner is None or partner.status == "lapsed":
                skipped.append({"partner_id": str(member.partner_id), "reason": "partner_lapsed"})
            elif contact is None:
                skipped.append({"partner_id": str(member.partner_id), "reason": "no_contact_on_record"})
            else:
                contact_ids.append(contact.id)
        if not contact_ids:
            raise conflict("no_recipients", "no organization on this list has a contact to send to")
        await lists.insert_broadcast(work.conn, broadcast_id, list_id, message.category, message.subject, message.body,
                                     message.fallback_language, contact_ids, actor)
        await work.publish(BROADCAST_REQUESTED, BroadcastRequested(
            broadcast_id=broadcast_id, list_id=list_id, category=message.category, subject=message.subject,
            body=message.body, fallback_language=message.fallback_language, contact_ids=contact_ids,
        ), key=str(broadcast_id), subject=f"broadcasts/{broadcast_id}")
    deps.metrics.broadcasts.labels(message.category).inc()
    return BroadcastReceipt(broadcast_id=broadcast_id, list_id=list_id, contact_ids=contact_ids, skipped=skipped)
