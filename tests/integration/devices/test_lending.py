"""Lending on the real database: no double lending under races, and the borrower projection deciding who may borrow."""

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import asyncpg
import pytest

from .conftest import LOANS


async def test_two_checkouts_racing_for_the_same_device_end_with_one_loan(library):
    laptop = await library.device("laptop")
    ana, ben = await library.enrolled_patrons(2)

    answers = await asyncio.gather(*(
        library.client.post("/internal/v1/loans", json={"borrower_id": str(p), "device_id": laptop["id"]})
        for p in (ana, ben)
    ))

    assert sorted(a.status_code for a in answers) == [201, 409]
    refused = next(a for a in answers if a.status_code == 409).json()
    assert refused["detail"] == "device already on loan"
    assert refused["reason"] == "already_on_loan"
    loans = (await library.client.get("/internal/v1/loans", params={"device_id": laptop["id"], "status": "open"})).json()
    assert len(loans["items"]) == 1
    assert await library.state_of(laptop["id"]) == "on_loan"


async def test_many_patrons_racing_for_the_last_hotspot_end_with_one_loan(library):
    await library.only_these_units("hotspot")
    last = await library.device("hotspot")
    patrons = await library.enrolled_patrons(8)

    answers = await asyncio.gather(*(
        library.client.post("/internal/v1/loans", json={"borrower_id": str(p), "kind": "hotspot"}) for p in patrons
    ))

    assert [a.status_code for a in answers].count(201) == 1
    assert {a.json()["reason"] for a in answers if a.status_code != 201} == {"none_available"}
    winner = next(a.json() for a in answers if a.status_code == 201)
    assert winner["device_id"] == last["id"]
    started = await library.published(LOANS, winner["id"], type="lantern.loan.started")
    assert started[0]["data"]["borrower"] == {"kind": "patron", "id": winner["borrower_id"]}


async def test_the_database_itself_refuses_a_second_open_loan_of_a_device(library):
    laptop = await library.device("laptop")
    patron = await library.enrolled_patron()
    loan = await library.lend(patron, device_id=laptop["id"])

    async with library.app.state.runtime.pool.acquire() as conn:
        with pytest.raises(asyncpg.UniqueViolationError):
            await conn.execute(
                """INSERT INTO loans (id, device_id, device_kind, asset_tag, borrower_kind, borrower_id, started_at, due_at)
                   SELECT gen_random_uuid(), device_id, device_kind, asset_tag, borrower_kind, borrower_id, now(), due_at
                   FROM loans WHERE id = $1""", loan["id"])


async def test_a_hotspot_is_lent_for_the_kinds_loan_period_and_announced(library):
    hotspot = await library.device("hotspot")
    patron = await library.enrolled_patron()

    loan = await library.lend(patron, device_id=hotspot["id"])

    started, due = datetime.fromisoformat(loan["started_at"]), datetime.fromisoformat(loan["due_at"])
    assert due - started == timedelta(days=7)
    event = (await library.published(LOANS, loan["id"], type="lantern.loan.started"))[0]
    assert event["data"] == {
        "loan_id": loan["id"], "device_id": hotspot["id"], "device_kind": "hotspot", "asset_tag": hotspot["asset_tag"],
        "borrower": {"kind": "patron", "id": str(patron)}, "due_at": event["data"]["due_at"],
        "started_at": event["data"]["started_at"],
    }
    assert datetime.fromisoformat(event["data"]["due_at"]) == due


async def test_a_patron_may_borrow_one_hotspot_at_a_time(library):
    first, second = await library.device("hotspot"), await library.device("hotspot")
    patron = await library.enrolled_patron()
    await library.lend(patron, device_id=first["id"])

    answer = await library.client.post("/internal/v1/loans", json={"borrower_id": str(patron), "device_id": second["id"]})

    assert answer.status_code == 409
    assert answer.json()["reason"] == "limit_reached"
    assert await library.state_of(second["id"]) == "available"


async def test_an_erased_patron_cannot_borrow(library):
    laptop = await library.device("laptop")
    patron = await library.enrolled_patron()
    await library.erase(patron)

    answer = await library.client.post("/internal/v1/loans", json={"borrower_id": str(patron), "device_id": laptop["id"]})

    assert answer.status_code == 409
    assert answer.json()["reason"] == "borrower_erased"


async def test_a_patron_the_projection_has_not_heard_of_cannot_borrow(library):
    laptop = await library.device("laptop")
    answer = await library.client.post("/internal/v1/loans", json={"borrower_id": str(uuid.uuid4()), "device_id": laptop["id"]})
    assert answer.status_code == 409
    assert answer.json()["reason"] == "borrower_unknown"


async def test_a_patron_with_a_long_overdue_device_is_blocked_until_it_comes_back(library):
    laptop, tablet, chromebook = await library.device("laptop"), await library.device("tablet"), await library.device("chromebook")
    patron = await library.enrolled_patron()
    late = await library.lend(patron, device_id=laptop["id"])
    due = datetime.fromisoformat(late["due_at"])

    library.set_clock(due + timedelta(days=3))  # a few days late: still welcome
    assert (await library.lend(patron, device_id=tablet["id"]))["device_kind"] == "tablet"

    library.set_clock(due + timedelta(days=21))  # three weeks late: blocked
    answer = await library.client.post("/internal/v1/loans", json={"borrower_id": str(patron), "device_id": chromebook["id"]})
    assert answer.status_code == 409
    assert answer.json()["reason"] == "long_overdue"

    await library.give_back(late["id"])
    assert (await library.lend(patron, device_id=chromebook["id"]))["device_kind"] == "chromebook"


async def test_a_lapsed_partner_cannot_borrow_and_every_device_it_has_out_is_recalled(library):
    kit, laptop, spare = await library.device("training_kit"), await library.device("laptop"), await library.device("laptop")
    partner = await library.partner("active")
    agreed_due = (datetime.now(UTC) + timedelta(days=60)).isoformat()
    kit_loan = await library.lend(partner, device_id=kit["id"], due_at=agreed_due)
    laptop_loan = await library.lend(partner, device_id=laptop["id"])
    returned = await library.lend(partner, device_id=spare["id"])
    await library.give_back(returned["id"])

    await library.lapse(partner)

    for loan in (kit_loan, laptop_loan):
        recall = (await library.published(LOANS, loan["id"], type="lantern.loan.recall_requested"))[0]
        assert recall["data"]["reason"] == "partner_lapsed"
        assert recall["data"]["borrower"] == {"kind": "partner", "id": str(partner)}
    assert datetime.fromisoformat(recall["data"]["due_at"]) == datetime.fromisoformat(laptop_loan["due_at"])
    assert "lantern.loan.recall_requested" not in await library.outbox_types(returned["id"])
    answer = await library.client.post("/internal/v1/loans", json={"borrower_id": str(partner), "kind": "laptop"})
    assert answer.status_code == 409
    assert answer.json()["reason"] == "partner_lapsed"


async def test_a_partner_that_is_only_a_prospect_cannot_borrow_until_activated(library):
    laptop = await library.device("laptop")
    partner = await library.partner("prospect")
    answer = await library.client.post("/internal/v1/loans", json={"borrower_id": str(partner), "device_id": laptop["id"]})
    assert answer.json()["reason"] == "partner_not_active"

    await library.send("lantern.partners.partners", "lantern.partner.activated", "/lantern/partners", str(partner),
                       {"partner_id": str(partner), "name": "Eastside Digital Futures"})
    await library.borrower_status(partner, "active")
    assert (await library.lend(partner, device_id=laptop["id"]))["borrower_kind"] == "partner"


async def test_staff_can_block_and_unblock_a_patron(library):
    laptop = await library.device("laptop")
    patron = await library.enrolled_patron()

    blocked = await library.client.put(f"/internal/v1/borrowers/{patron}/block", json={"reason": "damaged two devices"})
    assert blocked.json()["status"] == "blocked"
    refused = await library.client.post("/internal/v1/loans", json={"borrower_id": str(patron), "device_id": laptop["id"]})
    assert refused.json()["reason"] == "borrower_blocked"
    assert "damaged two devices" in refused.json()["detail"]

    assert (await library.client.delete(f"/internal/v1/borrowers/{patron}/block")).json()["status"] == "active"
    await library.lend(patron, device_id=laptop["id"])


async def test_one_patron_racing_two_hotspot_checkouts_still_gets_only_one(library):
    first, second = await library.device("hotspot"), await library.device("hotspot")
    patron = await library.enrolled_patron()

    answers = await asyncio.gather(*(
        library.client.post("/internal/v1/loans", json={"borrower_id": str(patron), "device_id": d["id"]})
        for d in (first, second)
    ))

    assert sorted(a.status_code for a in answers) == [201, 409]
    assert next(a for a in answers if a.status_code == 409).json()["reason"] == "limit_reached"


async def test_a_partner_update_that_says_lapsed_recalls_like_the_lapse_event(library):
    laptop = await library.device("laptop")
    partner = await library.partner("active")
    loan = await library.lend(partner, device_id=laptop["id"])

    await library.send("lantern.partners.partners", "lantern.partner.updated", "/lantern/partners", str(partner), {
        "partner_id": str(partner), "name": "Eastside Digital Futures", "kind": "nonprofit", "status": "lapsed",
        "contacts": []})

    recall = await library.published(LOANS, loan["id"], type="lantern.loan.recall_requested")
    assert recall[0]["data"]["reason"] == "partner_lapsed"
    await library.borrower_status(partner, "lapsed")
