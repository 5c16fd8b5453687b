"""Agreements: signed, ended early, and ended when their term runs out."""

import uuid
from datetime import date, datetime, timedelta
from uuid import UUID

import asyncpg

from lantern_shared.outbox import Outbox

from .. import store
from ..domain import Agreement, AgreementTerms, RuleBroken
from ..events import AGREEMENT_ENDED, AGREEMENT_SIGNED, AgreementEnded, AgreementSigned
from .common import NotFound


async def sign_agreement(
    pool: asyncpg.Pool, outbox: Outbox, partner_id: UUID, terms: AgreementTerms, now: datetime, actor: str,
) -> Agreement:
    agreement = Agreement(id=uuid.uuid4(), partner_id=partner_id, signed_at=now, signed_by=actor, **terms.model_dump())
    async with pool.acquire() as conn, conn.transaction():
        partner = await store.get_partner(conn, partner_id, for_update=True)
        if partner is None:
            raise NotFound(f"No partner {partner_id}.")
        if partner.status == "lapsed":
            raise RuleBroken("partner lapsed", f"{partner.name} has lapsed; make the partnership active again first")
        await store.insert_agreement(conn, agreement)
        await outbox.add(conn, AGREEMENT_SIGNED, AgreementSigned(
            agreement_id=agreement.id, partner_id=partner_id, kind=agreement.kind, starts_on=agreement.starts_on,
            ends_on=agreement.ends_on,
        ), key=str(agreement.id), subject=f"agreements/{agreement.id}")
    return agreement


async def _end(
    conn: asyncpg.Connection, outbox: Outbox, agreement: Agreement, ended_on: date, reason: str, actor: str,
) -> None:
    await store.end_agreement(conn, agreement.id, ended_on, reason, actor)
    await outbox.add(conn, AGREEMENT_ENDED, AgreementEnded(
        agreement_id=agreement.id, partner_id=agreement.partner_id, kind=agreement.kind, ended_on=ended_on,
    ), key=str(agreement.id), subject=f"agreements/{agreement.id}")


async def end_agreement(
    pool: asyncpg.Pool, outbox: Outbox, agreement_id: UUID, today: date, ended_on: date | None, reason: str,
    actor: str,
) -> Agreement:
    """End an agreement before its term: today or from yesterday at once; on a later day, by shortening its term
    (the periodic job then ends it, like any other)."""
    ended_on = ended_on or today
    async with pool.acquire() as conn, conn.transaction():
        agreement = await store.get_agreement(conn, agreement_id, for_update=True)
        if agreement is None:
            raise NotFound(f"No agreement {agreement_id}.")
        if agreement.state(today) == "ended":
            raise RuleBroken("agreement already ended", "the agreement has already ended")
        if ended_on < today - timedelta(days=1):
            raise RuleBroken("end date in the past", "an agreement can be ended from yesterday onwards, not further back")
        if agreement.ends_on is not None and ended_on > agreement.ends_on:
            raise RuleBroken("end date after term", f"the agreement already ends on {agreement.ends_on}")
        if ended_on > today:
            if ended_on < agreement.starts_on:
                raise RuleBroken("end date before start", "to end an agreement before it starts, end it today")
            await store.shorten_agreement(conn, agreement_id, ended_on, reason, actor)
        else:
            await _end(conn, outbox, agreement, ended_on, reason, actor)
        changed = await store.get_agreement(conn, agreement_id)
    assert changed is not None
    return changed


async def end_run_out_agreements(pool: asyncpg.Pool, outbox: Outbox, today: date) -> int:
    """The periodic job: agreements whose last day has passed end, and say so."""
    ended = 0
    while True:
        async with pool.acquire() as conn, conn.transaction():
            due = await store.agreements_run_out(conn, today)
            for agreement in due:
                assert agreement.ends_on is not None
                await _end(conn, outbox, agreement, agreement.ends_on, agreement.end_reason or "term ended",
                           agreement.ended_by or "system")
        ended += len(due)
        if len(due) < 500:
            return ended
