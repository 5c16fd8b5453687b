"""Booking spaces: requests, approval or decline, cancellation, the sessions that use them, and the hours report.

No check-then-insert: the database's exclusion constraint on the padded time refuses an overlapping booking, so of
two concurrent requests for the same time exactly one is kept. Each change of a booking is one event.
"""

import logging
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any
from uuid import UUID

from lantern_shared.refusals import conflict, forbidden, invalid, present
from lantern_shared.uow import UnitOfWork

from ..domain import bookings as rules
from ..domain.bookings import Booking, BookingPurpose, BookingStatus
from ..domain.borrowers import BorrowerStatus
from ..domain.spaces import check_open, padded
from ..events import (
    BOOKING_APPROVED, BOOKING_CANCELLED, BOOKING_DECLINED, BOOKING_REQUESTED, SessionCancelled, SessionScheduled,
    SpaceBookingChanged,
)
from ..store import bookings, borrowers, spaces

if TYPE_CHECKING:
    from ..deps import Deps

log = logging.getLogger(__name__)

_CONTRACTS = {BookingStatus.REQUESTED: BOOKING_REQUESTED, BookingStatus.APPROVED: BOOKING_APPROVED,
              BookingStatus.DECLINED: BOOKING_DECLINED, BookingStatus.CANCELLED: BOOKING_CANCELLED}
_FURTHEST_AHEAD = timedelta(days=3 * 366)
_DAY = timedelta(days=1)  # closures are local days: look a day either side of the UTC dates


def by_staff(actor: str) -> bool:
    return actor.split(":", 1)[0] in ("staff", "admin")


async def request_booking(deps: "Deps", request: dict[str, Any], actor: str) -> Booking:
    """Book a space: approved at once, or requested where the space needs approval and a partner asks."""
    staff = by_staff(actor)
    named = request.get("partner_id") is not None
    purpose = BookingPurpose(request.get("purpose") or ("partner_training" if named else "session"))
    if not staff and (purpose is not BookingPurpose.PARTNER_TRAINING or request.get("session_id")):
        raise forbidden("partners_book_trainings", "a partner books a space for its own training classes only")
    if purpose is BookingPurpose.PARTNER_TRAINING and request.get("partner_id") is None:
        raise invalid("partner_id", "a partner's training names the partner organization")
    if request["starts_at"] <= deps.clock():
        raise invalid("starts_at", "must be in the future", reason="in_the_past")
    if request["ends_at"] > deps.clock() + _FURTHEST_AHEAD:
        raise invalid("ends_at", "spaces are booked at most three years ahead", reason="too_far_ahead")
    async with deps.uow() as work:
        conn = work.conn
        space = present(await spaces.get_space(conn, request["space_id"], for_booking=True), "space", request["space_id"])
        if not space.active:
            raise conflict("space_withdrawn", f"{space.name} is not lent any more", field="space_id")
        if request.get("attendees") and request["attendees"] > space.capacity:
            raise invalid("attendees", f"{space.name} holds {space.capacity} people")
        if request.get("partner_id") is not None:
            await _check_standing(conn, request["partner_id"])
        setup = request.get("setup_minutes")
        teardown = request.get("teardown_minutes")
        setup = space.setup_minutes if setup is None else setup
        teardown = space.teardown_minutes if teardown is None else teardown
        held_from, held_until = padded(request["starts_at"], request["ends_at"], setup, teardown)
        branch = present(await spaces.get_branch(conn, space.branch), "branch", space.branch)
        closed = await spaces.closures(conn, branch.code, from_day=(held_from.date() - _DAY),
                                       until_day=(held_until.date() + _DAY))
        check_open(branch, closed, held_from, held_until)
        status = rules.first_status(requires_approval=space.requires_approval, by_staff=staff)
        now = deps.clock()
        try:
            booking = await bookings.insert_booking(conn, {
                "id": uuid.uuid4(), "space_id": space.id, "purpose": purpose, "partner_id": request.get("partner_id"),
                "session_id": request.get("session_id"), "title": request["title"],
                "attendees": request.get("attendees"), "starts_at": request["starts_at"],
                "ends_at": request["ends_at"], "setup_minutes": setup, "teardown_minutes": teardown,
                "held_from": held_from, "held_until": held_until, "status": status, "requested_by": actor,
                "decided_by": actor if status is BookingStatus.APPROVED else None,
                "decided_at": now if status is BookingStatus.APPROVED else None})
        except bookings.Overlaps as overlap:
            raise conflict("space_taken", f"{space.name} is already booked for part of "
                           f"{held_from.isoformat()} to {held_until.isoformat()} (setup and teardown included)",
                           field="starts_at") from overlap
        await _announce(work, booking, space.name, branch.name, branch.timezone)
    deps.metrics.count_booking(str(purpose), str(booking.status))
    return booking


async def decide(deps: "Deps", booking_id: UUID, decision: BookingStatus, reason: str | None, actor: str) -> Booking:
    """Approve or decline a request; the requester hears of either. A decline frees the time at once."""
    if decision is BookingStatus.DECLINED and not reason:
        raise invalid("reason", "say why the request is declined: the requester reads it")
    return await _change(deps, booking_id, actor, reason, decision, lambda b: rules.check_decidable(b, decision))


async def cancel(deps: "Deps", booking_id: UUID, reason: str | None, actor: str) -> Booking:
    return await _change(deps, booking_id, actor, reason, BookingStatus.CANCELLED, rules.check_cancellable)


async def _change(deps: "Deps", booking_id: UUID, actor: str, reason: str | None, status: BookingStatus,
                  check: Callable[[Booking], None]) -> Booking:
    async with deps.uow() as work:
        booking = present(await bookings.get_booking(work.conn, booking_id, for_update=True), "booking", booking_id)
        check(booking)
        changed = await bookings.set_status(work.conn, booking_id, status, by=actor, at=deps.clock(), reason=reason)
        await _announce_by_id(work, changed)
    deps.metrics.count_booking(str(changed.purpose), str(status))
    return changed


async def _announce_by_id(work: UnitOfWork, booking: Booking) -> None:
    space = present(await spaces.get_space(work.conn, booking.space_id), "space", booking.space_id)
    branch = present(await spaces.get_branch(work.conn, space.branch), "branch", space.branch)
    await _announce(work, booking, space.name, branch.name, branch.timezone)


async def _announce(work: UnitOfWork, booking: Booking, space_name: str, branch_name: str, timezone: str) -> None:
    key = str(booking.id)
    await work.publish(_CONTRACTS[booking.status], SpaceBookingChanged(
        booking_id=booking.id, space_id=booking.space_id, space_name=space_name, branch_name=branch_name,
        timezone=timezone, purpose=booking.purpose, partner_id=booking.partner_id, session_id=booking.session_id,
        title=booking.title, starts_at=booking.starts_at, ends_at=booking.ends_at, reason=booking.reason,
    ), key=key, subject=f"space-bookings/{key}")


async def _check_standing(conn: Any, partner_id: UUID) -> None:
    """Devices' own projection of partners says whether this one may borrow; spaces are lent on the same terms."""
    partner = await borrowers.get_borrower(conn, partner_id)
    if partner is None or partner.status is not BorrowerStatus.ACTIVE:
        standing = partner.status if partner else "not known as an active partner"
        raise conflict("partner_not_in_good_standing", f"this organization may not borrow: {standing}",
                       field="partner_id")


# ---- sessions that use a booking ----------------------------------------------------------------------------

async def session_scheduled(deps: "Deps", work: UnitOfWork, event: SessionScheduled) -> None:
    """A session naming a booking makes it that session's; a booking that is gone or another's is logged, not taken."""
    if event.booking_id is None:
        return
    if not await bookings.link_session(work.conn, event.booking_id, event.session_id):
        log.warning("session %s names booking %s, which is not live or belongs to another session",
                    event.session_id, event.booking_id)


async def session_cancelled(deps: "Deps", work: UnitOfWork, event: SessionCancelled) -> None:
    """A cancelled session gives its space back."""
    for booking_id in await bookings.live_of_session(work.conn, event.session_id):
        changed = await bookings.set_status(work.conn, booking_id, BookingStatus.CANCELLED, by="event:session_cancelled",
                                            at=deps.clock(), reason="session_cancelled")
        await _announce_by_id(work, changed)


# ---- reads --------------------------------------------------------------------------------------------------

async def get_booking(deps: "Deps", booking_id: UUID) -> Booking:
    async with deps.pool.acquire() as conn:
        return present(await bookings.get_booking(conn, booking_id), "booking", booking_id)


async def hours_loaned(deps: "Deps", starts_from: datetime, starts_before: datetime,
                       partner_id: UUID | None) -> list[dict[str, Any]]:
    if starts_before <= starts_from:
        raise invalid("to", "must be after from")
    async with deps.pool.acquire() as conn:
        return [dict(r) for r in await bookings.hours_loaned(conn, starts_from, starts_before, partner_id)]
