"""The delivery log for staff: listing it, one line of it, and sending a failed message again."""

from typing import Any
from uuid import UUID

from lantern_shared.refusals import not_found

from ..deps import Deps
from ..domain.deliveries import Delivery
from ..errors import not_retryable
from ..store import deliveries


async def lines(deps: Deps, *, filters: dict[str, Any], before_seq: int | None, limit: int) -> list[Delivery]:
    """Newest first; `filters` are exact matches (None: any)."""
    async with deps.uow() as work:
        return await deliveries.list_deliveries(work.conn, filters=filters, before_seq=before_seq, limit=limit)


async def line(deps: Deps, delivery_id: UUID) -> Delivery:
    async with deps.uow() as work:
        found = await deliveries.get_delivery(work.conn, delivery_id)
    if found is None:
        raise not_found("delivery", delivery_id)
    return found


async def retry(deps: Deps, delivery_id: UUID) -> Delivery:
    """Send a failed message again, with a fresh set of attempts (after an outage or a corrected address)."""
    async with deps.uow() as work:
        retried = await deliveries.retry_failed(work.conn, delivery_id, deps.clock())
        if retried is not None:
            return retried
        found = await deliveries.get_delivery(work.conn, delivery_id)
    if found is None:
        raise not_found("delivery", delivery_id)
    raise not_retryable(found.status)
