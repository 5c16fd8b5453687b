"""The referral directory: searched in the database, and its records overdue for verification."""

from datetime import timedelta
from uuid import UUID

from ..deps import Deps
from ..domain.directory import DirectoryHit, DirectoryQuery
from ..store import directory, partners


async def search(deps: Deps, query: DirectoryQuery, *, after: list | None, limit: int) -> list[DirectoryHit]:
    """The services that fit, best first (opening hours read in the library's time zone), after the cursor's rank."""
    async with deps.pool.acquire() as conn:
        ranked = await directory.search(conn, query, deps.local_now(), after=after, limit=limit)
        found = {p.id: p for p in await partners.partners_by_id(conn, list({r.partner_id for r in ranked}))}
    hits = []
    for row in ranked:
        partner = found[row.partner_id]
        service = partner.service(row.service_id)
        if service is None:  # saved again between the two reads of this request: its next search finds it
            continue
        served = [loc for loc in partner.locations if loc.id in service.location_ids] or partner.locations
        hits.append(DirectoryHit(
            service_id=service.id, service_name=service.name, description=service.description,
            partner_id=partner.id, partner_name=partner.name, partner_kind=partner.kind,
            partner_status=partner.status, needs=service.needs, languages=service.languages,
            eligibility=service.eligibility, fees=service.fees, minimum_age=service.minimum_age,
            maximum_age=service.maximum_age, locations=served, needs_matched=row.needs_matched,
            language_match=row.language_match, distance_km=row.distance_km, open_now=row.open_now,
            verified_on=service.verified_on,
        ))
    return hits


async def backfill(deps: Deps, batch: int = 200) -> int:
    """Write the search rows of organizations saved before they existed; how many were written this round."""
    async with deps.pool.acquire() as conn:
        ids = await partners.not_indexed(conn, batch)
    for partner_id in ids:
        async with deps.uow() as work:
            await partners.lock_partner_id(work.conn, partner_id)
            partner = await partners.get_partner(work.conn, partner_id, for_update=True)
            if partner is not None:
                await partners.reindex(work.conn, partner_id, partner.record())
    return len(ids)


async def overdue(
    deps: Deps, *, older_than_days: int | None, partner_id: UUID | None, after: tuple | None, limit: int,
) -> list[partners.OverdueRecord]:
    days = older_than_days or deps.verification_period_days
    async with deps.pool.acquire() as conn:
        return await partners.overdue_services(conn, verified_before=deps.today() - timedelta(days=days),
                                               partner_id=partner_id, after=after, limit=limit)
