"""The internal API as the edge uses it: inventory with an audit trail, filtered paginated lists, problem details."""

from datetime import UTC, datetime

from lantern_devices.metrics import DevicesMetrics
from tests.support import eventually, metric_value

from .conftest import DEVICES


async def test_adding_a_device_announces_it_and_a_duplicate_asset_tag_or_serial_is_refused(library):
    hotspot = await library.device("hotspot", model="Franklin T10", emergency_pool=True)

    added = (await library.published(DEVICES, hotspot["id"], type="lantern.device.added"))[0]
    assert added["data"] == {"device_id": hotspot["id"], "kind": "hotspot", "asset_tag": hotspot["asset_tag"],
                             "home_branch": "central", "emergency_pool": True}
    for clash in ({"asset_tag": hotspot["asset_tag"], "serial": "other"}, {"asset_tag": "other-" + library.unique, "serial": hotspot["serial"]}):
        answer = await library.client.post("/internal/v1/devices", json={"kind": "hotspot", "home_branch": "central", **clash})
        assert answer.status_code == 409
        assert answer.json()["reason"] in ("duplicate_asset_tag", "duplicate_serial")


async def test_an_invalid_device_is_refused_naming_each_field(library):
    answer = await library.client.post("/internal/v1/devices", json={"kind": "toaster", "asset_tag": "", "home_branch": "x"})

    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    assert {e["field"] for e in answer.json()["errors"]} == {"kind", "asset_tag", "serial"}


async def test_staff_state_changes_are_audited_with_who_and_why_and_published(library):
    laptop = await library.device("laptop")

    sent = await library.client.post(f"/internal/v1/devices/{laptop['id']}/state", headers={"X-Lantern-Actor": "staff:mo"},
                                     json={"to_state": "in_maintenance", "reason": "cracked screen"})
    lent = await library.client.post(f"/internal/v1/devices/{laptop['id']}/state", json={"to_state": "on_loan", "reason": "x"})

    assert sent.json()["state"] == "in_maintenance"
    assert lent.status_code == 422 and lent.json()["errors"][0]["field"] == "to_state"
    history = (await library.client.get(f"/internal/v1/devices/{laptop['id']}/history")).json()
    assert history[-1] | {"changed_at": None} == {"from_state": "available", "to_state": "in_maintenance",
                                                   "reason": "cracked screen", "actor": "staff:mo", "changed_at": None}
    event = (await library.published(DEVICES, laptop["id"], type="lantern.device.state_changed"))[0]["data"]
    assert (event["to_state"], event["reason"], event["actor"]) == ("in_maintenance", "cracked screen", "staff:mo")
    retired = await library.client.post(f"/internal/v1/devices/{laptop['id']}/state", json={"to_state": "retired", "reason": "beyond repair"})
    assert retired.json()["state"] == "retired"
    back = await library.client.post(f"/internal/v1/devices/{laptop['id']}/state", json={"to_state": "available", "reason": "oops"})
    assert back.status_code == 409 and back.json()["reason"] == "transition_not_allowed"


async def test_device_lists_filter_and_page_with_a_cursor(library):
    branch = f"branch-{library.unique}"
    added = [await library.device("tablet", home_branch=branch) for _ in range(5)]
    await library.client.post(f"/internal/v1/devices/{added[0]['id']}/state", json={"to_state": "lost", "reason": "not returned"})

    seen, cursor = [], None
    while True:
        params = {"home_branch": branch, "limit": 2} | ({"cursor": cursor} if cursor else {})
        page = (await library.client.get("/internal/v1/devices", params=params)).json()
        seen += [d["id"] for d in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    lost = (await library.client.get("/internal/v1/devices", params={"home_branch": branch, "state": "lost"})).json()

    assert seen == [d["id"] for d in added]
    assert [d["id"] for d in lost["items"]] == [added[0]["id"]]
    bad = await library.client.get("/internal/v1/devices", params={"cursor": "not-a-cursor"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "cursor"


async def test_the_emergency_pool_is_listed_and_lent_in_bulk_to_a_partner_all_or_nothing(library):
    branch = f"bookmobile-{library.unique}"
    pool = [await library.device("hotspot", emergency_pool=True, home_branch=branch) for _ in range(3)]
    ordinary = await library.device("hotspot", home_branch=branch)
    partner = await library.partner()
    listed = (await library.client.get("/internal/v1/devices", params={
        "emergency_pool": "true", "kind": "hotspot", "state": "available", "home_branch": branch})).json()
    assert [d["id"] for d in listed["items"]] == [d["id"] for d in pool]

    mixed = await library.client.post("/internal/v1/loans/emergency",
                                      json={"borrower_id": str(partner), "device_ids": [pool[0]["id"], ordinary["id"]]})
    assert mixed.status_code == 409 and mixed.json()["reason"] == "not_in_emergency_pool"
    assert await library.state_of(pool[0]["id"]) == "available", "nothing was lent"

    lent = await library.client.post("/internal/v1/loans/emergency",
                                     json={"borrower_id": str(partner), "device_ids": [d["id"] for d in pool]})

    assert lent.status_code == 201
    assert {loan["device_id"] for loan in lent.json()["items"]} == {d["id"] for d in pool}
    assert all(loan["emergency"] for loan in lent.json()["items"])
    by_partner = (await library.client.get("/internal/v1/loans", params={"borrower_id": str(partner), "status": "open"})).json()
    assert len(by_partner["items"]) == 3


async def test_a_loan_names_exactly_one_target(library):
    patron = await library.enrolled_patron()
    answer = await library.client.post("/internal/v1/loans", json={"borrower_id": str(patron)})
    assert answer.status_code == 422


async def test_the_internal_api_answers_only_the_edge(library):
    answer = await library.client.get("/internal/v1/devices", headers={"X-Lantern-Internal-Token": "guess"})
    assert answer.status_code == 401


async def test_outreach_gauges_show_devices_by_kind_and_state_and_loans_to_partners(library):
    registry = library.app.state.runtime.metrics.registry
    started = {"kind": "training_kit", "borrower_kind": "partner"}
    before = metric_value(registry, "lantern_devices_loans_started_total", started)
    await library.only_these_units("training_kit")
    kit = await library.device("training_kit")
    partner = await library.partner()
    await library.lend(partner, device_id=kit["id"])
    metrics: DevicesMetrics = library.deps.metrics

    await metrics.refresh(library.app.state.runtime.pool, datetime.now(UTC))

    assert metric_value(registry, "lantern_devices_devices", {"kind": "training_kit", "state": "on_loan"}) >= 1
    assert metric_value(registry, "lantern_devices_loans_active", {"kind": "training_kit", "borrower_kind": "partner"}) >= 1
    assert metric_value(registry, "lantern_devices_loans_started_total", started) == before + 1
    exposed = (await library.client.get("/metrics")).text
    assert 'lantern_devices_holds_waiting{kind="hotspot"}' in exposed
    assert 'lantern_devices_reservations{status="failed"}' in exposed


async def test_availability_by_kind_counts_units_and_queues(library):
    await library.only_these_units("chromebook")
    await library.device("chromebook")
    await library.device("chromebook")

    rows = {r["kind"]: r for r in (await library.client.get("/internal/v1/availability")).json()}

    assert rows["chromebook"] == {"kind": "chromebook", "available": 2, "holds_waiting": 0}
    assert set(rows) == {"hotspot", "laptop", "chromebook", "tablet", "training_kit"}


async def test_the_running_service_keeps_its_device_gauges_current(library):
    registry = library.app.state.runtime.metrics.registry
    lost = {"kind": "tablet", "state": "lost"}
    before = metric_value(registry, "lantern_devices_devices", lost)
    tablet = await library.device("tablet")

    await library.client.post(f"/internal/v1/devices/{tablet['id']}/state", json={"to_state": "lost", "reason": "stolen"})

    async def counted() -> bool:
        return metric_value(registry, "lantern_devices_devices", lost) == before + 1

    await eventually(counted, what="the lost tablet in the gauges")
