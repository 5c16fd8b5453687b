"""Seats and the waitlist: who gets a seat, who waits, who moves up. Callers hold the session's lock."""

from collections.abc import Sequence
from typing import Literal, TypeVar

T = TypeVar("T")

Seat = Literal["confirmed", "waitlisted"]


def seat_for_newcomer(capacity: int, confirmed: int) -> Seat:
    return "confirmed" if confirmed < capacity else "waitlisted"


def to_promote(capacity: int, confirmed: int, waitlist: Sequence[T]) -> list[T]:
    """The head of the waitlist (in arrival order) that fits in the seats now free."""
    free = max(capacity - confirmed, 0)
    return list(waitlist[:free])


def capacity_refusal(new_capacity: int, confirmed: int) -> str | None:
    if new_capacity < confirmed:
        return (f"Capacity cannot go below the {confirmed} seats already confirmed; "
                "cancel registrations first if the room really is smaller.")
    return None


def waitlist_positions(arrivals: Sequence[T]) -> dict[T, int]:
    """Positions 1..n in arrival order: a departure closes its gap, nobody overtakes anybody."""
    return {who: position for position, who in enumerate(arrivals, start=1)}
