"""A program's no-show policy: repeated no-shows pause a patron's self-registration; staff can lift the pause."""

from datetime import datetime, timedelta
from uuid import UUID

from lantern_shared.refusals import conflict, not_found
from lantern_shared.uow import UnitOfWork

from ..deps import Deps
from ..domain.programs import Program
from ..domain.rules import pauses_after
from ..store import pauses, programs


async def apply_policy(work: UnitOfWork, program: Program, session_id: UUID, now: datetime) -> int:
    """After a session completes (its no-shows marked): pause whoever reached the policy's limit. How many paused."""
    policy = program.registration.no_show_policy
    if policy is None:
        return 0
    paused = 0
    for patron_id in await pauses.no_show_patrons(work.conn, session_id):
        in_a_row = await pauses.no_shows_in_a_row(work.conn, patron_id, program.id, policy.consecutive)
        if pauses_after(in_a_row, policy):
            await pauses.pause(work.conn, patron_id, program.id, now, now + timedelta(days=policy.pause_days))
            paused += 1
    return paused


async def lift(deps: Deps, program_id: UUID, patron_id: UUID, by: str) -> None:
    async with deps.uow() as work:
        if await programs.get(work.conn, program_id) is None:
            raise not_found("program", program_id)
        if not await pauses.lift(work.conn, patron_id, program_id, deps.clock(), by):
            raise conflict("not_paused", "This patron's self-registration for this program is not paused.")


async def paused(deps: Deps, program_id: UUID) -> list[dict]:
    async with deps.pool.acquire() as conn:
        return await pauses.for_program(conn, program_id, deps.clock())
