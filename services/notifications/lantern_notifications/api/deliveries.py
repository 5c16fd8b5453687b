"""The delivery log for staff: GET /deliveries, GET /deliveries/{id}, POST /deliveries/{id}/retry."""

from uuid import UUID

from fastapi import APIRouter, Depends

from lantern_shared.pagination import Page, PageRequest, make_page, page_request

from ..deps import Needs
from ..domain.deliveries import Delivery, Status
from ..domain.messages import Category, Channel
from ..handlers import deliveries as delivery_log
from .paging import after_seq

router = APIRouter(tags=["notifications"])


class DeliveryView(Delivery):
    """A line of the delivery log: status, channel, language, attempts; never the message body or address."""


@router.get("/deliveries", response_model=Page[DeliveryView])
async def deliveries(
    deps: Needs, page: PageRequest = Depends(page_request),
    recipient_id: UUID | None = None, status: Status | None = None, channel: Channel | None = None,
    category: Category | None = None, language: str | None = None, message: str | None = None,
    cause_event_id: str | None = None,
) -> Page[DeliveryView]:
    """The delivery log, newest first, for staff: filter by recipient, status, channel, language, category."""
    filters = {"recipient_id": recipient_id, "status": status, "channel": channel, "category": category,
               "language": language, "message": message, "cause_event_id": cause_event_id}
    rows = await delivery_log.lines(deps, filters=filters, before_seq=after_seq(page), limit=page.limit + 1)
    return make_page([_view(r) for r in rows], page.limit, sort_key=lambda d: [d.seq])


@router.get("/deliveries/{delivery_id}", response_model=DeliveryView)
async def delivery(delivery_id: UUID, deps: Needs) -> DeliveryView:
    return _view(await delivery_log.line(deps, delivery_id))


@router.post("/deliveries/{delivery_id}/retry", response_model=DeliveryView)
async def retry(delivery_id: UUID, deps: Needs) -> DeliveryView:
    """Send a failed message again, with a fresh set of attempts (after an outage or a corrected address)."""
    return _view(await delivery_log.retry(deps, delivery_id))


def _view(found: Delivery) -> DeliveryView:
    return DeliveryView.model_validate(found.model_dump())
