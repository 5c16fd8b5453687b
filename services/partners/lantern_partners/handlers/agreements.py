"""Agreements: signed, ended early, ended when their term runs out, and listed."""

import uuid
from datetime import date, timedelta
from uuid import UUID

from lantern_shared.refusals import conflict, not_found
from lantern_shared.uow import UnitOfWork

from ..deps import Deps
from ..domain.partnership import Agreement, AgreementTerms
from ..events import AGREEMENT_ENDED, AGREEMENT_SIGNED, AgreementEnded, AgreementSigned
from ..store import agreements, partners

RUN_OUT_BATCH = 500


async def sign(deps: Deps, partner_id: UUID, terms: AgreementTerms, actor: str) -> Agreement:
    agreement = Agreement(id=uuid.uuid4(), partner_id=partner_id, signed_at=deps.local_now(), signed_by=actor,
                          **terms.model_dump())
    async with deps.uow() as work:
        partner = await partners.get_partner(work.conn, partner_id, for_update=True)
        if partner is None:
            raise not_found("partner", partner_id)
        if partner.status == "lapsed":
            raise conflict("partner_lapsed", f"{partner.name} has lapsed; make the partnership active again first")
        await agreements.insert_agreement(work.conn, agreement)
        await work.publish(AGREEMENT_SIGNED, AgreementSigned(
            agreement_id=agreement.id, partner_id=partner_id, kind=agreement.kind, starts_on=agreement.starts_on,
            ends_on=agreement.ends_on,
        ), key=str(agreement.id), subject=f"agreements/{agreement.id}")
    return agreement


async def _end(work: UnitOfWork, agreement: Agreement, ended_on: date, reason: str, actor: str) -> None:
    await agreements.end_agreement(work.conn, agreement.id, ended_on, reason, actor)
    await work.publish(AGREEMENT_ENDED, AgreementEnded(
        agreement_id=agreement.id, partner_id=agreement.partner_id, kind=agreement.kind, ended_on=ended_on,
    ), key=str(agreement.id), subject=f"agreements/{agreement.id}")


async def end(deps: Deps, agreement_id: UUID, ended_on: date | None, reason: str, actor: str) -> Agreement:
    """End an agreement before its term: today or from yesterday at once; on a later day, by shortening its term
    (the periodic job then ends it, like any other)."""
    today = deps.today()
    ended_on = ended_on or today
    async with deps.uow() as work:
        agreement = await agreements.get_agreement(work.conn, agreement_id, for_update=True)
        if agreement is None:
            raise not_found("agreement", agreement_id)
        if agreement.state(today) == "ended":
            raise conflict("agreement_already_ended", "the agreement has already ended")
        if ended_on < today - timedelta(days=1):
            raise conflict("end_date_in_the_past", "an agreement can be ended from yesterday onwards, not further back")
        if agreement.ends_on is not None and ended_on > agreement.ends_on:
            raise conflict("end_date_after_term", f"the agreement already ends on {agreement.ends_on}")
        if ended_on > today:
            if ended_on < agreement.starts_on:
                raise conflict("end_date_before_start", "to end an agreement before it starts, end it today")
            await agreements.shorten_agreement(work.conn, agreement_id, ended_on, reason, actor)
        else:
            await _end(work, agreement, ended_on, reason, actor)
        changed = await agreements.get_agreement(work.conn, agreement_id)
    assert changed is not None
    return changed


async def end_run_out(deps: Deps) -> int:
    """The periodic job: agreements whose last day has passed end, and say so."""
    today, ended = deps.today(), 0
    while True:
        async with deps.uow() as work:
            due = await agreements.agreements_run_out(work.conn, today)
            for agreement in due:
                assert agreement.ends_on is not None
                await _end(work, agreement, agreement.ends_on, agreement.end_reason or "term ended",
                           agreement.ended_by or "system")
        ended += len(due)
        if len(due) < RUN_OUT_BATCH:
            return ended


async def get(deps: Deps, agreement_id: UUID) -> Agreement:
    async with deps.pool.acquire() as conn:
        found = await agreements.get_agreement(conn, agreement_id)
    if found is None:
        raise not_found("agreement", agreement_id)
    return found


async def listed(
    deps: Deps, *, partner_id: UUID | None, kind: str | None, state: str | None, ending_within_days: int | None,
    after: tuple[date, UUID] | None, limit: int,
) -> list[Agreement]:
    today = deps.today()
    ending_by = today + timedelta(days=ending_within_days) if ending_within_days is not None else None
    async with deps.pool.acquire() as conn:
        return await agreements.list_agreements(conn, partner_id=partner_id, kind=kind, today=today, state=state,
                                                ending_by=ending_by, after=after, limit=limit)
