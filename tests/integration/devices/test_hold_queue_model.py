"""The hold queue against a model: any sequence of holds, cancellations, arriving units, pickups and expired pickups
leaves the real service serving borrowers strictly first come, first served, and never leaves a unit idle while
someone waits."""

import uuid
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lantern_devices.handlers import holds

KIND = "training_kit"
PATRONS = 4

operations = st.lists(st.one_of(
    st.tuples(st.just("place"), st.integers(0, PATRONS - 1)),
    st.tuples(st.just("cancel"), st.integers(0, PATRONS - 1)),
    st.tuples(st.just("pickup"), st.integers(0, PATRONS - 1)),
    st.tuples(st.just("unit"), st.just(0)),
    st.tuples(st.just("expire"), st.just(0)),
), max_size=10)


class Queue:
    """What the library promises, in a few lines."""

    def __init__(self) -> None:
        self.waiting: list[int] = []
        self.ready: list[int] = []  # in the order their units became ready
        self.free = 0
        self.borrowing: set[int] = set()

    def unit_freed(self) -> None:
        if self.waiting:
            self.ready.append(self.waiting.pop(0))
        else:
            self.free += 1

    def place(self, p: int) -> bool:
        if p in self.waiting or p in self.ready or p in self.borrowing:
            return False
        self.waiting.append(p)
        if self.free:
            self.free -= 1
            self.ready.append(self.waiting.pop(0))
        return True

    def cancel(self, p: int) -> None:
        if p in self.waiting:
            self.waiting.remove(p)
        elif p in self.ready:
            self.ready.remove(p)
            self.unit_freed()

    def pickup(self, p: int) -> bool:
        if p in self.ready:
            self.ready.remove(p)
        elif self.free and p not in self.borrowing:
            self.free -= 1
        else:
            return False
        self.borrowing.add(p)
        return True

    def expire(self) -> None:
        for p in list(self.ready):
            self.ready.remove(p)
            self.unit_freed()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations)
async def test_the_hold_queue_serves_borrowers_first_come_first_served(library, steps):
    app, client = library.app, library.client
    runtime = app.state.runtime
    await library.only_these_units(KIND)
    patrons = [uuid.uuid4() for _ in range(PATRONS)]
    async with runtime.pool.acquire() as conn:  # the projection is tested elsewhere; here borrowers just exist
        await conn.executemany("INSERT INTO borrowers (id, kind, status) VALUES ($1, 'patron', 'active')",
                               [(p,) for p in patrons])
    clock = datetime.now(UTC)
    library.set_clock(clock)
    model = Queue()

    for op, who in steps:
        patron = str(patrons[who])
        if op == "place":
            answer = await client.post("/internal/v1/holds", json={"borrower_id": patron, "device_kind": KIND})
            assert (answer.status_code == 201) == model.place(who), (op, who, answer.text)
        elif op == "cancel":
            live = (await client.get("/internal/v1/holds", params={"borrower_id": patron, "device_kind": KIND})).json()
            for hold in live["items"]:
                if hold["status"] in ("waiting", "ready"):
                    assert (await client.delete(f"/internal/v1/holds/{hold['id']}")).status_code == 200
            model.cancel(who)
        elif op == "pickup":
            answer = await client.post("/internal/v1/loans", json={"borrower_id": patron, "kind": KIND})
            assert (answer.status_code == 201) == model.pickup(who), (op, who, answer.text)
        elif op == "unit":
            await library.device(KIND)
            model.unit_freed()
        else:
            clock += library.deps.policy.hold_pickup + timedelta(minutes=1)
            library.set_clock(clock)
            await holds.expire_pickups(library.deps, clock)
            model.expire()

        waiting, ready = [
            (await client.get("/internal/v1/holds", params={"device_kind": KIND, "status": status, "limit": 200})).json()["items"]
            for status in ("waiting", "ready")
        ]
        waiting.sort(key=lambda h: h["position"])
        assert [h["borrower_id"] for h in waiting] == [str(patrons[p]) for p in model.waiting]
        assert [h["position"] for h in waiting] == list(range(1, len(waiting) + 1))
        assert {h["borrower_id"] for h in ready} == {str(patrons[p]) for p in model.ready}
        available = {r["kind"]: r for r in (await client.get("/internal/v1/availability")).json()}[KIND]
        assert available["available"] == model.free
        assert not (model.free and model.waiting), "a unit never sits idle while someone waits"

    await library.only_these_units(KIND)  # no queue left behind for other tests
