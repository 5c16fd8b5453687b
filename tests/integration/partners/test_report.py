"""The Edge-benchmark partnerships report counts what is on record: partners by kind, agreements in force,
devices on loan to partners (from devices' loan events), referrals and their outcomes, overdue records."""

import uuid

from tests.support import eventually, metric_value

from .conftest import applied, cloud_event, patron_enrolled, send
from .records import partner_record, service

LOANS = "lantern.devices.loans"


def loan_event(event_type: str, loan_id: uuid.UUID, borrower_kind: str, borrower_id: uuid.UUID, **extra) -> tuple[str, bytes]:
    data = {"loan_id": str(loan_id), "device_id": str(uuid.uuid4()), "device_kind": "laptop", "asset_tag": "LT-0042",
            "borrower": {"kind": borrower_kind, "id": str(borrower_id)}, **extra}
    return str(loan_id), cloud_event(event_type, "/lantern/devices", str(loan_id), data)


async def report(client) -> dict:
    return (await client.get("/internal/v1/reports/partnerships")).json()


async def test_the_reports_counts_match_what_happened(stack, app, client, unique):
    before = await report(client)

    workforce = (await client.post("/internal/v1/partners", json=partner_record(f"Jobs {unique}", services=[
        service("Never verified", ["job_training"]),
    ]))).json()
    await client.post(f"/internal/v1/partners/{workforce['id']}/status", json={"status": "active"})
    await client.post("/internal/v1/partners", json=partner_record(f"Clinic {unique}", kind="health"))
    await client.post(f"/internal/v1/partners/{workforce['id']}/agreements", json={
        "kind": "device_loans", "starts_on": "2026-01-01", "library_contact": "Outreach desk"})
    patron_id = uuid.uuid4()
    await applied(app, await patron_enrolled(stack, patron_id, consent=True))
    referrals = [(await client.post("/internal/v1/referrals", json={
        "patron_id": str(patron_id), "service_id": workforce["services"][0]["id"]})).json() for _ in range(3)]
    await client.post(f"/internal/v1/referrals/{referrals[0]['id']}/outcome", json={"outcome": "served"},
                      headers={"X-Lantern-Actor": "staff:librarian"})
    await client.post(f"/internal/v1/referrals/{referrals[1]['id']}/outcome", json={"outcome": "declined"},
                      headers={"X-Lantern-Actor": "staff:librarian"})
    kept, returned, patrons_loan = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    await send(stack, LOANS, [
        loan_event("lantern.loan.started", kept, "partner", uuid.UUID(workforce["id"]),
                   started_at="2026-11-01T10:00:00Z", due_at="2027-01-01T10:00:00Z"),
        loan_event("lantern.loan.started", returned, "partner", uuid.UUID(workforce["id"]),
                   started_at="2026-11-01T10:00:00Z", due_at="2027-01-01T10:00:00Z"),
        loan_event("lantern.loan.returned", returned, "partner", uuid.UUID(workforce["id"]),
                   returned_at="2026-11-10T10:00:00Z", condition="good", missing_accessories=[]),
        loan_event("lantern.loan.started", patrons_loan, "patron", uuid.uuid4(),
                   started_at="2026-11-01T10:00:00Z", due_at="2026-12-01T10:00:00Z"),
        loan_event("lantern.loan.due_soon", kept, "partner", uuid.UUID(workforce["id"]), due_at="2027-01-01T10:00:00Z"),
    ])

    async def loans_counted():
        now = await report(client)
        return now if now["devices_on_loan_to_partners"] >= before["devices_on_loan_to_partners"] + 1 else None

    await eventually(loans_counted, what="devices' loan events to be counted")
    # Each loan is keyed by its own id, so its events may sit on another partition: wait for the return as well.
    async def returned_counted():
        async with app.state.runtime.pool.acquire() as conn:
            return await conn.fetchval("SELECT returned_at IS NOT NULL FROM partner_loans WHERE loan_id = $1", returned)

    await eventually(returned_counted, what="the returned loan")
    after = await report(client)

    def grew(path: list[str]) -> int:
        a, b = after, before
        for step in path:
            a, b = a[step], b[step]
        return a - b

    assert grew(["partners_by_kind", "workforce_development", "active"]) == 1
    assert grew(["partners_by_kind", "health", "prospect"]) == 1
    assert after["benchmark_coverage"]["workforce"]["covered"] is True
    assert grew(["benchmark_coverage", "health", "active_partners"]) == 0, "a prospect does not cover a benchmark"
    assert after["active_agreements_by_kind"].get("device_loans", 0) - before["active_agreements_by_kind"].get("device_loans", 0) == 1
    assert grew(["devices_on_loan_to_partners"]) == 1, "one partner loan out, one returned, a patron's loan is not counted"
    assert grew(["referrals_made"]) == 3
    assert (grew(["referrals_by_outcome", "served"]), grew(["referrals_by_outcome", "declined"]),
            grew(["referrals_by_outcome", "pending"])) == (1, 1, 1)
    assert grew(["directory_records_overdue"]) == 1


async def test_the_partner_gauges_show_the_same_numbers_to_prometheus(app, client, unique):
    partner = (await client.post("/internal/v1/partners", json=partner_record(f"Gauge {unique}", kind="government"))).json()
    expected = (await report(client))["partners_by_kind"]["government"]["prospect"]
    registry = app.state.runtime.metrics.registry

    async def shown() -> bool:
        return metric_value(registry, "lantern_partners_partners", {"kind": "government", "status": "prospect"}) == expected

    await eventually(shown, what="the gauges to be refreshed")
    assert partner["status"] == "prospect"
