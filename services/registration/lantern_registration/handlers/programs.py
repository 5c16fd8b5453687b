"""Programs, and the partner organizations known to host them."""

import uuid
from uuid import UUID

import asyncpg

from lantern_shared.consumer import EventContext

from ..domain.programs import Program, ProgramChanges, ProgramDetails
from ..events import PartnerActivated, PartnerLapsed, PartnerRegistered
from ..refusals import field_errors_as_problem, conflict, invalid, not_found
from ..store import patrons, programs
from .wiring import Outreach


async def create_program(out: Outreach, details: ProgramDetails) -> Program:
    async with out.pool.acquire() as conn, conn.transaction():
        await _check_host_and_pair(conn, details)
        return await programs.insert(conn, uuid.uuid4(), details)


async def update_program(out: Outreach, program_id: UUID, changes: ProgramChanges) -> Program:
    async with out.pool.acquire() as conn, conn.transaction():
        current = await programs.get(conn, program_id)
        if current is None:
            raise not_found("program", program_id)
        with field_errors_as_problem():
            details = changes.applied_to(current)
        if details.host != current.host:
            await _check_host_and_pair(conn, details)
        return await programs.update(conn, program_id, details)


async def _check_host_and_pair(conn: asyncpg.Connection, details: ProgramDetails) -> None:
    if details.host.kind == "partner":
        status = await programs.host_status(conn, details.host.partner_id)
        if status is None:
            raise invalid("host.partner_id", "no partner organization with this id is known here yet "
                          "(partners are learned from the partners service's events)")
        if status == "lapsed":
            raise conflict("partner_lapsed", "This partnership has lapsed; it cannot host new programs.")
    if details.mentorship is not None:
        for field in ("mentee_id", "mentor_id"):
            if await patrons.get(conn, getattr(details.mentorship, field)) is None:
                raise invalid(f"mentorship.{field}", "no enrolled patron has this id")


# ---- the hosts projection, fed by the partners service -----------------------------------------------------

async def partner_registered(data: PartnerRegistered, ctx: EventContext) -> None:
    await programs.upsert_host(ctx.conn, data.partner_id, data.name, data.status)


async def partner_activated(data: PartnerActivated, ctx: EventContext) -> None:
    await programs.upsert_host(ctx.conn, data.partner_id, data.name, "active")


async def partner_lapsed(data: PartnerLapsed, ctx: EventContext) -> None:
    await programs.upsert_host(ctx.conn, data.partner_id, data.name, "lapsed")
