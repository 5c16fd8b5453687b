"""Offers of units to applicants: at most one open offer per unit and per application (unique indexes)."""

from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from ..domain.devices import DeviceKind
from ..domain.offers import Offer, OfferStatus
from . import filters

_OFFER = ("o.id, o.application_id, a.patron_id, o.device_id, o.device_kind, o.pickup_branch, o.offered_at, "
          "o.pickup_until, o.status, o.closed_at, o.loan_id, o.created_at")
_FROM = "application_offers o JOIN applications a ON a.id = o.application_id"


def _offer(row: asyncpg.Record | None) -> Offer | None:
    return Offer.model_validate(dict(row)) if row else None


async def insert_offer(conn: asyncpg.Connection, offer_id: UUID, application_id: UUID, device_id: UUID,
                       kind: DeviceKind, pickup_branch: str, now: datetime, pickup_until: datetime) -> Offer:
    await conn.execute(
        """INSERT INTO application_offers (id, application_id, device_id, device_kind, pickup_branch, offered_at,
                                           pickup_until, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'open')""",
        offer_id, application_id, device_id, kind, pickup_branch, now, pickup_until,
    )
    return await get_offer(conn, offer_id)  # type: ignore[return-value]  # the row was just written, so it is there


async def get_offer(conn: asyncpg.Connection, offer_id: UUID, *, for_update: bool = False) -> Offer | None:
    lock = " FOR UPDATE OF o" if for_update else ""
    return _offer(await conn.fetchrow(f"SELECT {_OFFER} FROM {_FROM} WHERE o.id = $1{lock}", offer_id))


async def open_offer_of(conn: asyncpg.Connection, application_id: UUID) -> Offer | None:
    return _offer(await conn.fetchrow(
        f"SELECT {_OFFER} FROM {_FROM} WHERE o.application_id = $1 AND o.status = 'open' FOR UPDATE OF o",
        application_id))


async def open_offer_on(conn: asyncpg.Connection, device_id: UUID) -> Offer | None:
    return _offer(await conn.fetchrow(
        f"SELECT {_OFFER} FROM {_FROM} WHERE o.device_id = $1 AND o.status = 'open'", device_id))


async def lapsed_offer_ids(conn: asyncpg.Connection, now: datetime) -> list[UUID]:
    rows = await conn.fetch(
        "SELECT id FROM application_offers WHERE status = 'open' AND pickup_until <= $1 ORDER BY pickup_until, id", now)
    return [r["id"] for r in rows]


async def close_offer(conn: asyncpg.Connection, offer_id: UUID, status: OfferStatus, now: datetime, *,
                      loan_id: UUID | None = None) -> Offer:
    await conn.execute("UPDATE application_offers SET status = $2, closed_at = $3, loan_id = $4 WHERE id = $1",
                       offer_id, status, now, loan_id)
    return await get_offer(conn, offer_id)  # type: ignore[return-value]  # the row was just written, so it is there


async def list_offers(conn: asyncpg.Connection, *, application_id: UUID | None, kind: DeviceKind | None,
                      status: OfferStatus | None, after: list[Any] | None, limit: int) -> list[Offer]:
    where = filters.Filter()
    if application_id:
        where.add("o.application_id = {}", application_id)
    if kind:
        where.add("o.device_kind = {}", kind)
    if status:
        where.add("o.status = {}", status)
    where.after(after, "o")
    rows = await conn.fetch(
        f"SELECT {_OFFER} FROM {_FROM} {where.sql()} ORDER BY o.created_at, o.id {where.limit(limit)}", *where.args)
    return [_offer(r) for r in rows]  # type: ignore[misc]  # every row fetched maps to an object
