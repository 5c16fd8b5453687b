"""The hold queue: first come, first served; a wiped unit goes to the head of the queue; an unclaimed pickup passes on."""

from datetime import UTC, datetime, timedelta

from lantern_devices.handlers import holds as hold_queue, lending

from .conftest import HOLDS, RESERVATIONS


async def place(library, borrower, kind="tablet", **extra) -> dict:
    answer = await library.client.post("/internal/v1/holds", json={"borrower_id": str(borrower), "device_kind": kind, **extra})
    assert answer.status_code == 201, answer.text
    return answer.json()


async def test_a_wiped_tablet_goes_to_the_first_in_the_queue_and_an_unclaimed_pickup_passes_to_the_next(library):
    await library.only_these_units("tablet")
    tablet = await library.device("tablet", home_branch="eastside")
    holder, first, second, third = await library.enrolled_patrons(4)
    loan = await library.lend(holder, kind="tablet")

    holds = [await place(library, p, pickup_branch=None) for p in (first, second, third)]

    assert [h["position"] for h in holds] == [1, 2, 3]
    placed = await library.published(HOLDS, holds[2]["id"], type="lantern.hold.placed")
    assert placed[0]["data"]["position"] == 3
    renewal = await library.client.post(f"/internal/v1/loans/{loan['id']}/renew")
    assert renewal.status_code == 409 and renewal.json()["reason"] == "holds_waiting"

    await library.give_back(loan["id"])
    assert (await library.client.get(f"/internal/v1/holds/{holds[0]['id']}")).json()["status"] == "waiting", \
        "a unit awaiting its wipe is not offered"
    await library.client.post(f"/internal/v1/devices/{tablet['id']}/wipe")

    ready = (await library.published(HOLDS, holds[0]["id"], type="lantern.hold.ready"))[0]["data"]
    assert ready["borrower"] == {"kind": "patron", "id": str(first)}
    assert ready["pickup_branch"] == "eastside"
    assert await library.state_of(tablet["id"]) == "reserved"
    assert (await library.client.get(f"/internal/v1/holds/{holds[1]['id']}")).json()["position"] == 1
    jumped = await library.client.post("/internal/v1/loans", json={"borrower_id": str(second), "device_id": tablet["id"]})
    assert jumped.status_code == 409 and jumped.json()["reason"] == "held_for_another"

    ready_until = datetime.fromisoformat(ready["ready_until"])
    assert await hold_queue.expire_pickups(library.deps, ready_until - timedelta(minutes=1)) == 0
    await hold_queue.expire_pickups(library.deps, ready_until + timedelta(minutes=1))
    await hold_queue.expire_pickups(library.deps, ready_until + timedelta(minutes=2))

    cancelled = await library.published(HOLDS, holds[0]["id"], type="lantern.hold.cancelled")
    assert [c["data"]["reason"] for c in cancelled] == ["pickup_expired"]
    passed_on = (await library.published(HOLDS, holds[1]["id"], type="lantern.hold.ready"))[0]["data"]
    assert passed_on["borrower"]["id"] == str(second)
    assert (await library.outbox_types(holds[2]["id"])) == ["lantern.hold.placed"], "the third still waits"

    picked_up = await library.lend(second, kind="tablet")
    assert picked_up["device_id"] == tablet["id"]
    assert (await library.client.get(f"/internal/v1/holds/{holds[1]['id']}")).json()["status"] == "fulfilled"
    assert (await library.client.get(f"/internal/v1/holds/{holds[2]['id']}")).json()["position"] == 1


async def test_a_hold_placed_while_a_unit_is_free_is_ready_at_once(library):
    await library.only_these_units("chromebook")
    chromebook = await library.device("chromebook")
    patron = await library.enrolled_patron()

    hold = await place(library, patron, kind="chromebook", pickup_branch="central")

    assert hold["status"] == "ready" and hold["device_id"] == chromebook["id"]
    ready = (await library.published(HOLDS, hold["id"], type="lantern.hold.ready"))[0]["data"]
    assert ready["pickup_branch"] == "central"


async def test_a_cancelled_ready_hold_passes_its_unit_to_the_next_in_line(library):
    await library.only_these_units("chromebook")
    first, second = await library.enrolled_patrons(2)
    hold_1, hold_2 = await place(library, first, kind="chromebook"), await place(library, second, kind="chromebook")
    chromebook = await library.device("chromebook")  # a new unit joins the inventory and goes to the queue
    assert (await library.client.get(f"/internal/v1/holds/{hold_1['id']}")).json()["status"] == "ready"

    cancelled = await library.client.delete(f"/internal/v1/holds/{hold_1['id']}")

    assert cancelled.json()["status"] == "cancelled"
    ready = await library.published(HOLDS, hold_2["id"], type="lantern.hold.ready")
    assert ready[0]["data"]["borrower"]["id"] == str(second)
    assert (await library.client.get(f"/internal/v1/holds/{hold_2['id']}")).json()["device_id"] == chromebook["id"]


async def test_one_live_hold_per_borrower_and_kind_and_none_for_an_erased_patron(library):
    await library.only_these_units("tablet")
    patron, erased = await library.enrolled_patrons(2)
    await place(library, patron)
    twice = await library.client.post("/internal/v1/holds", json={"borrower_id": str(patron), "device_kind": "tablet"})
    assert twice.status_code == 409 and twice.json()["reason"] == "already_holding"

    waiting = await place(library, erased)
    await library.erase(erased)

    closed = await library.published(HOLDS, waiting["id"], type="lantern.hold.cancelled")
    assert closed[0]["data"]["reason"] == "patron_erased"
    refused = await library.client.post("/internal/v1/holds", json={"borrower_id": str(erased), "device_kind": "tablet"})
    assert refused.json()["reason"] == "borrower_erased"
    await library.only_these_units("tablet")  # leave no tablet queue behind for other tests


async def test_a_returned_unit_a_session_needs_soon_is_not_offered_to_the_hold_queue(library):
    await library.only_these_units("tablet")
    tablet = await library.device("tablet")
    holder, waiting = await library.enrolled_patrons(2)
    loan = await library.lend(holder, device_id=tablet["id"])
    session = await library.schedule_session(datetime.fromisoformat(loan["due_at"]) + timedelta(days=2), 2, {"tablet": 1})
    assert (await library.published(RESERVATIONS, session))[0]["type"] == "lantern.devices.reserved"
    hold = await place(library, waiting)
    library.set_clock(datetime.now(UTC) + timedelta(days=7))

    await library.give_back(loan["id"])
    await library.client.post(f"/internal/v1/devices/{tablet['id']}/wipe")

    assert await library.state_of(tablet["id"]) == "available"
    assert (await library.client.get(f"/internal/v1/holds/{hold['id']}")).json()["status"] == "waiting"
    await library.only_these_units("tablet")


async def test_a_blocked_borrower_keeps_their_place_but_the_unit_goes_to_the_next_who_may_borrow(library):
    await library.only_these_units("tablet")
    blocked, next_in_line = await library.enrolled_patrons(2)
    first, second = await place(library, blocked), await place(library, next_in_line)
    await library.client.put(f"/internal/v1/borrowers/{blocked}/block", json={"reason": "unpaid replacement"})

    await library.device("tablet")

    assert (await library.client.get(f"/internal/v1/holds/{second['id']}")).json()["status"] == "ready"
    kept = (await library.client.get(f"/internal/v1/holds/{first['id']}")).json()
    assert (kept["status"], kept["position"]) == ("waiting", 1)

    await library.client.delete(f"/internal/v1/borrowers/{blocked}/block")
    await library.device("tablet")  # lifting the block: the next unit is theirs
    assert (await library.client.get(f"/internal/v1/holds/{first['id']}")).json()["status"] == "ready"
    await library.only_these_units("tablet")


async def test_lifting_a_block_offers_a_free_unit_to_the_borrower_who_was_waiting(library):
    await library.only_these_units("tablet")
    patron = await library.enrolled_patron()
    hold = await place(library, patron)
    await library.client.put(f"/internal/v1/borrowers/{patron}/block", json={"reason": "unpaid replacement"})
    await library.device("tablet")
    assert (await library.client.get(f"/internal/v1/holds/{hold['id']}")).json()["status"] == "waiting"

    await library.client.delete(f"/internal/v1/borrowers/{patron}/block")

    assert (await library.client.get(f"/internal/v1/holds/{hold['id']}")).json()["status"] == "ready"
    await library.only_these_units("tablet")


async def test_closed_holds_lose_the_patrons_link_like_finished_loans(library):
    await library.only_these_units("chromebook")
    patron = await library.enrolled_patron()
    hold = await place(library, patron, kind="chromebook")
    await library.client.delete(f"/internal/v1/holds/{hold['id']}")

    await lending.anonymize_loans(library.deps, datetime.now(UTC) + timedelta(seconds=1))

    assert (await library.client.get(f"/internal/v1/holds/{hold['id']}")).json()["borrower_id"] is None
