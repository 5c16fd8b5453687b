"""Who gets a seat, who waits, who moves up: the rules, checked against any sequence of arrivals and departures."""

from dataclasses import dataclass, field

from hypothesis import given
from hypothesis import strategies as st

from lantern_registration.domain.seating import capacity_refusal, seat_for_newcomer, to_promote, waitlist_positions


@dataclass
class Room:
    """A session driven only by the domain rules, as the handlers drive the real one under its lock."""

    capacity: int
    confirmed: list[int] = field(default_factory=list)
    waitlist: list[int] = field(default_factory=list)
    arrived: int = 0

    def register(self) -> None:
        self.arrived += 1
        if seat_for_newcomer(self.capacity, len(self.confirmed)) == "confirmed":
            self.confirmed.append(self.arrived)
        else:
            self.waitlist.append(self.arrived)

    def leave(self, pick: int) -> None:
        everyone = self.confirmed + self.waitlist
        if not everyone:
            return
        who = everyone[pick % len(everyone)]
        if who in self.confirmed:
            self.confirmed.remove(who)
        else:
            self.waitlist.remove(who)
        self.promote()

    def resize(self, capacity: int) -> None:
        if capacity_refusal(capacity, len(self.confirmed)) is None:
            self.capacity = capacity
            self.promote()

    def promote(self) -> None:
        moving = to_promote(self.capacity, len(self.confirmed), self.waitlist)
        self.confirmed += moving
        self.waitlist = self.waitlist[len(moving):]


operations = st.lists(
    st.one_of(
        st.just(("register", 0)),
        st.tuples(st.just("leave"), st.integers(0, 1000)),
        st.tuples(st.just("resize"), st.integers(1, 12)),
    ),
    max_size=80,
)


@given(capacity=st.integers(1, 12), ops=operations)
def test_seats_are_never_overbooked_and_nobody_waits_while_a_seat_is_free(capacity, ops):
    room = Room(capacity)
    for op, arg in ops:
        {"register": lambda _: room.register(), "leave": room.leave, "resize": room.resize}[op](arg)
        assert len(room.confirmed) <= room.capacity
        assert not room.waitlist or len(room.confirmed) == room.capacity


@given(capacity=st.integers(1, 12), ops=operations)
def test_the_waitlist_keeps_arrival_order_and_positions_run_one_to_n(capacity, ops):
    room = Room(capacity)
    for op, arg in ops:
        {"register": lambda _: room.register(), "leave": room.leave, "resize": room.resize}[op](arg)
        assert room.waitlist == sorted(room.waitlist)
        assert sorted(waitlist_positions(room.waitlist).values()) == list(range(1, len(room.waitlist) + 1))


@given(capacity=st.integers(1, 50), confirmed=st.integers(0, 50), waiting=st.integers(0, 50))
def test_promotion_takes_exactly_the_free_seats_from_the_head_of_the_line(capacity, confirmed, waiting):
    line = list(range(waiting))
    moving = to_promote(capacity, confirmed, line)
    assert moving == line[: max(capacity - confirmed, 0)]


def test_capacity_may_not_drop_below_the_seats_already_confirmed():
    assert capacity_refusal(5, 6) is not None and "6 seats" in capacity_refusal(5, 6)
    assert capacity_refusal(6, 6) is None
