"""The scheduler with a controllable clock: due-soon and overdue notices once per loan, hotspot deactivation requests."""

from datetime import datetime, timedelta

from lantern_devices.handlers import lending

from .conftest import DEVICES, LOANS


async def scan(library, now: datetime) -> dict[str, int]:
    return await lending.send_loan_notices(library.deps, now)


async def test_a_loan_gets_one_due_soon_notice_however_often_the_scheduler_looks(library):
    laptop = await library.device("laptop")
    loan = await library.lend(await library.enrolled_patron(), device_id=laptop["id"])
    due = datetime.fromisoformat(loan["due_at"])

    await scan(library, due - timedelta(days=3))  # before the 48 h lead: nothing yet
    assert "lantern.loan.due_soon" not in await library.outbox_types(loan["id"])
    for hours_before in (47, 30, 2):
        await scan(library, due - timedelta(hours=hours_before))

    notices = await library.published(LOANS, loan["id"], type="lantern.loan.due_soon")
    assert len(notices) == 1
    assert datetime.fromisoformat(notices[0]["data"]["due_at"]) == due
    assert (await library.outbox_types(loan["id"])).count("lantern.loan.due_soon") == 1


async def test_a_late_loan_gets_one_overdue_notice_with_the_days_it_is_late(library):
    tablet = await library.device("tablet")
    loan = await library.lend(await library.enrolled_patron(), device_id=tablet["id"])
    due = datetime.fromisoformat(loan["due_at"])

    await scan(library, due + timedelta(days=2, hours=1))
    await scan(library, due + timedelta(days=3))

    notices = await library.published(LOANS, loan["id"], type="lantern.loan.overdue")
    assert [n["data"]["days_overdue"] for n in notices] == [2]
    assert (await library.outbox_types(loan["id"])).count("lantern.loan.overdue") == 1
    assert "lantern.device.deactivation_requested" not in await library.outbox_types(tablet["id"]), "only hotspots"
    overdue = (await library.client.get("/internal/v1/loans", params={"status": "overdue", "device_id": tablet["id"]})).json()
    assert overdue["items"] == [], "by the real clock it is not overdue yet"


async def test_a_hotspot_overdue_past_the_threshold_is_deactivated_once_and_reactivated_when_it_comes_back(library):
    hotspot = await library.device("hotspot")
    loan = await library.lend(await library.enrolled_patron(), device_id=hotspot["id"])
    due = datetime.fromisoformat(loan["due_at"])

    await scan(library, due + timedelta(days=6))
    assert "lantern.device.deactivation_requested" not in await library.outbox_types(hotspot["id"])
    await scan(library, due + timedelta(days=7, hours=1))
    await scan(library, due + timedelta(days=9))

    requests = await library.published(DEVICES, hotspot["id"], type="lantern.device.deactivation_requested")
    assert len(requests) == 1
    assert requests[0]["data"] == {"device_id": hotspot["id"], "asset_tag": hotspot["asset_tag"], "kind": "hotspot",
                                   "loan_id": loan["id"], "reason": "overdue 7 days"}
    assert (await library.outbox_types(hotspot["id"])).count("lantern.device.deactivation_requested") == 1

    await library.give_back(loan["id"])

    back = await library.published(DEVICES, hotspot["id"], type="lantern.device.reactivation_requested")
    assert back[0]["data"]["loan_id"] == loan["id"] and back[0]["data"]["reason"] == "returned"


async def test_renewing_moves_the_due_date_and_earns_fresh_reminders(library):
    laptop = await library.device("laptop")
    loan = await library.lend(await library.enrolled_patron(), device_id=laptop["id"])
    due = datetime.fromisoformat(loan["due_at"])
    await scan(library, due - timedelta(hours=10))

    renewed = (await library.client.post(f"/internal/v1/loans/{loan['id']}/renew")).json()

    new_due = datetime.fromisoformat(renewed["due_at"])
    assert new_due == due + timedelta(days=14) and renewed["renewals"] == 1
    event = (await library.published(LOANS, loan["id"], type="lantern.loan.renewed"))[0]
    assert event["data"]["renewals"] == 1
    await scan(library, new_due - timedelta(hours=10))
    assert (await library.outbox_types(loan["id"])).count("lantern.loan.due_soon") == 2


async def test_a_loan_cannot_be_renewed_past_the_limit(library):
    laptop = await library.device("laptop")
    loan = await library.lend(await library.enrolled_patron(), device_id=laptop["id"])
    for _ in range(library.deps.policy.max_renewals):
        assert (await library.client.post(f"/internal/v1/loans/{loan['id']}/renew")).status_code == 200

    refused = await library.client.post(f"/internal/v1/loans/{loan['id']}/renew")

    assert refused.status_code == 409 and refused.json()["reason"] == "renewal_limit"


async def test_renewing_a_switched_off_hotspot_asks_the_carrier_to_switch_it_back_on(library):
    hotspot = await library.device("hotspot")
    loan = await library.lend(await library.enrolled_patron(), device_id=hotspot["id"])
    late = datetime.fromisoformat(loan["due_at"]) + timedelta(days=8)
    await scan(library, late)
    library.set_clock(late)

    renewed = await library.client.post(f"/internal/v1/loans/{loan['id']}/renew")

    assert renewed.status_code == 200
    assert datetime.fromisoformat(renewed.json()["due_at"]) == late + timedelta(days=7)
    back = await library.published(DEVICES, hotspot["id"], type="lantern.device.reactivation_requested")
    assert back[0]["data"]["reason"] == "renewed"
