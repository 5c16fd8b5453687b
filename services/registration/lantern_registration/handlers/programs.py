"""Programs, and the partner organizations known to host them."""

import uuid
from uuid import UUID

from lantern_shared.refusals import conflict, invalid, not_found
from lantern_shared.uow import UnitOfWork

from ..deps import Deps
from ..domain.programs import Program, ProgramChanges, ProgramDetails
from ..errors import merged_fields_checked, no_such_patron
from ..events import PartnerActivated, PartnerLapsed, PartnerRegistered
from ..store import patrons, programs


async def create_program(deps: Deps, details: ProgramDetails) -> Program:
    async with deps.uow() as work:
        await _check_host_and_pair(work, details)
        return await programs.insert(work.conn, uuid.uuid4(), details)


async def update_program(deps: Deps, program_id: UUID, changes: ProgramChanges) -> Program:
    async with deps.uow() as work:
        current = await programs.get(work.conn, program_id)
        if current is None:
            raise not_found("program", program_id)
        with merged_fields_checked():
            details = changes.applied_to(current)
        if details.host != current.host:
            await _check_host_and_pair(work, details)
        return await programs.update(work.conn, program_id, details)


async def _check_host_and_pair(work: UnitOfWork, details: ProgramDetails) -> None:
    if details.host.kind == "partner" and details.host.partner_id is not None:  # Host requires the id of a partner
        status = await programs.host_status(work.conn, details.host.partner_id)
        if status is None:
            raise invalid("host.partner_id", "no partner organization with this id is known here yet "
                          "(partners are learned from the partners service's events)")
        if status == "lapsed":
            raise conflict("partner_lapsed", "This partnership has lapsed; it cannot host new programs.")
    if details.mentorship is not None:
        for field in ("mentee_id", "mentor_id"):
            if await patrons.get(work.conn, getattr(details.mentorship, field)) is None:
                raise no_such_patron(f"mentorship.{field}")


# ---- the hosts projection, fed by the partners service -----------------------------------------------------

async def partner_registered(deps: Deps, work: UnitOfWork, data: PartnerRegistered) -> None:
    await programs.upsert_host(work.conn, data.partner_id, data.name, data.status)


async def partner_activated(deps: Deps, work: UnitOfWork, data: PartnerActivated) -> None:
    await programs.upsert_host(work.conn, data.partner_id, data.name, "active")


async def partner_lapsed(deps: Deps, work: UnitOfWork, data: PartnerLapsed) -> None:
    await programs.upsert_host(work.conn, data.partner_id, data.name, "lapsed")
