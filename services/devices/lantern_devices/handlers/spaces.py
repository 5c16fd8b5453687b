"""Branches (opening hours, closures) and the spaces they lend: set up by staff, read by anyone."""

import uuid
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from uuid import UUID

import asyncpg

from lantern_shared.refusals import conflict, invalid, not_found, present

from ..domain.spaces import Branch, Closure, OpeningHours, Space
from ..store import bookings, spaces

if TYPE_CHECKING:
    from ..deps import Deps


async def put_branch(deps: "Deps", code: str, name: str, timezone: str, hours: list[OpeningHours]) -> Branch:
    if len({h.weekday for h in hours}) != len(hours):
        raise invalid("hours", "one opening interval per weekday")
    if any(h.closes <= h.opens for h in hours):
        raise invalid("hours", "each day closes after it opens")
    async with deps.uow() as work:
        await spaces.put_branch(work.conn, code, name, timezone, hours)
        return present(await spaces.get_branch(work.conn, code), "branch", code)


async def get_branch(deps: "Deps", code: str) -> Branch:
    async with deps.pool.acquire() as conn:
        return present(await spaces.get_branch(conn, code), "branch", code)


async def add_closure(deps: "Deps", code: str, starts_on: date, ends_on: date, reason: str) -> Closure:
    """Bookings already made for those days stay: staff see them in the list and cancel or move them."""
    async with deps.uow() as work:
        present(await spaces.get_branch(work.conn, code), "branch", code)
        return await spaces.add_closure(work.conn, uuid.uuid4(), code, starts_on, ends_on, reason)


async def remove_closure(deps: "Deps", code: str, closure_id: UUID) -> None:
    async with deps.uow() as work:
        if not await spaces.remove_closure(work.conn, code, closure_id):
            raise not_found("closure", closure_id)


async def closures(deps: "Deps", code: str, from_day: date | None, until_day: date | None) -> list[Closure]:
    async with deps.pool.acquire() as conn:
        present(await spaces.get_branch(conn, code), "branch", code)
        return await spaces.closures(conn, code, from_day=from_day, until_day=until_day)


async def add_space(deps: "Deps", fields: dict[str, Any]) -> Space:
    async with deps.uow() as work:
        if await spaces.get_branch(work.conn, fields["branch"]) is None:
            raise invalid("branch", f"no branch {fields['branch']}: set its opening hours first (PUT /branches/{{code}})")
        try:
            return await spaces.insert_space(work.conn, uuid.uuid4(), fields)
        except asyncpg.UniqueViolationError as error:
            raise conflict("space_exists", f"{fields['branch']} already has a space named {fields['name']}",
                           field="name") from error


async def change_space(deps: "Deps", space_id: UUID, changes: dict[str, Any]) -> Space:
    async with deps.uow() as work:
        try:
            return present(await spaces.update_space(work.conn, space_id, changes), "space", space_id)
        except asyncpg.UniqueViolationError as error:  # renamed to a name its branch already has
            raise conflict("space_exists", f"its branch already has a space named {changes.get('name')}",
                           field="name") from error


async def get_space(deps: "Deps", space_id: UUID) -> Space:
    async with deps.pool.acquire() as conn:
        return present(await spaces.get_space(conn, space_id), "space", space_id)


async def busy(deps: "Deps", space_id: UUID, starts_from: datetime, until: datetime) -> list[dict[str, Any]]:
    if until <= starts_from or until - starts_from > timedelta(days=93):
        raise invalid("to", "must be after from, and at most 93 days later")
    async with deps.pool.acquire() as conn:
        present(await spaces.get_space(conn, space_id), "space", space_id)
        return [dict(r) for r in await bookings.busy(conn, space_id, starts_from, until)]
