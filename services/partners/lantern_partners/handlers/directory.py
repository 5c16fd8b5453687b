"""The referral directory: searched, and its records overdue for verification."""

from datetime import timedelta
from uuid import UUID

from ..deps import Deps
from ..domain.directory import DirectoryHit, DirectoryQuery, search_directory
from ..store import partners


async def search(deps: Deps, query: DirectoryQuery, *, after: list | None, limit: int) -> list[DirectoryHit]:
    """The services that fit, best first (opening hours read in the library's time zone), after the cursor's rank."""
    async with deps.pool.acquire() as conn:
        entries = await partners.directory_entries(conn, query.needs)
    hits = search_directory(entries, query, deps.local_now())
    if after is not None:
        hits = [h for h in hits if h.rank_key > after]
    return hits[:limit]


async def overdue(
    deps: Deps, *, older_than_days: int | None, partner_id: UUID | None, after: tuple | None, limit: int,
) -> list[partners.OverdueRecord]:
    days = older_than_days or deps.verification_period_days
    async with deps.pool.acquire() as conn:
        return await partners.overdue_services(conn, verified_before=deps.today() - timedelta(days=days),
                                               partner_id=partner_id, after=after, limit=limit)
