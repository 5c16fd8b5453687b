"""The partnerships report on a seeded dataset, counted by hand: referral outcomes and who reported them (the
closed loop), and the Edge 1.0 indicators 5.1/5.2 with their Edge 2.0 counterparts 8.1 and 9.4."""

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from .test_closed_loop import acting
from .test_referrals import patron
from .records import partner_record, service


async def test_the_report_counts_referral_outcomes_by_hand(stack, app, client, clock_at, unique):
    # A day of its own, far from every other test's referrals, so the window holds exactly this dataset.
    day = datetime(2040, 1, 1, 9, tzinfo=ZoneInfo("UTC")) + timedelta(days=random.randrange(20_000))
    jobs = (await client.post("/internal/v1/partners", json=partner_record(f"Jobs {unique}", services=[
        service("Job club", ["job_search"])]))).json()
    clinic = (await client.post("/internal/v1/partners", json=partner_record(f"Clinic {unique}", kind="health", services=[
        service("Health navigator", ["health"])]))).json()
    ana, bao = await patron(stack, app, consent=True), await patron(stack, app, consent=True)

    # Eight referrals; what happened to each (statuses in order, with who reported them):
    plan = [
        (ana, jobs, [("staff", "contacted"), ("partner", "served")]),          # 1 served (partner closed it)
        (ana, clinic, [("patron", "served")]),                                # 2 served (patron said so)
        (bao, jobs, [("partner", "contacted"), ("patron", "declined")]),     # 3 declined
        (bao, clinic, [("partner", "no_response")]),                          # 4 no response
        (ana, jobs, [("partner", "no_response"), ("partner", "contacted")]), # 5 contacted (after no response)
        (bao, jobs, []),                                                      # 6 pending
        (ana, clinic, []),                                                    # 7 pending
        (bao, clinic, [("staff", "declined")]),                               # 8 declined (the referrer heard)
    ]
    clock_at(day)
    for who, partner, steps in plan:
        made = await client.post("/internal/v1/referrals", headers=acting("staff"), json={
            "patron_id": str(who), "service_id": partner["services"][0]["id"]})
        assert made.status_code == 201, made.text
        for role, status in steps:
            answer = await client.post(f"/internal/v1/referrals/{made.json()['id']}/outcome", headers=acting(role),
                                       json={"outcome": status})
            assert answer.status_code == 200, answer.text
    await client.post(f"/internal/v1/partners/{jobs['id']}/agreements", json={
        "kind": "workspace", "starts_on": day.date().isoformat(), "library_contact": "Outreach desk"})

    report = (await client.get("/internal/v1/reports/partnerships", params={
        "referrals_since": day.isoformat(), "referrals_until": (day + timedelta(days=1)).isoformat()})).json()

    loop = report["referral_loop"]
    assert loop["made"] == 8 == report["referrals_made"]
    assert loop["by_outcome"] == {"pending": 2, "contacted": 1, "served": 2, "declined": 2, "no_response": 1}
    assert loop["reported_back"] == 6
    assert loop["status_reports_by_party"] == {"referrer": 2, "partner": 5, "patron": 2}
    nine_four = report["edge_2_0"]["9.4"]
    assert nine_four["met"] is True and nine_four["counts"]["reported_by_partner"] == 5
    assert nine_four["counts"]["outcome_served"] == 2 and nine_four["counts"]["referrals_made"] == 8
    # 5.1 and 5.2 are kept as Edge 1.0 numbers and both map to 8.1 in Edge 2.0.
    assert report["edge_1_0"]["5.1"]["maps_to"] == ["2.0/8.1"] and report["edge_1_0"]["5.2"]["maps_to"] == ["2.0/8.1"]
    assert report["edge_2_0"]["8.1"]["maps_to"] == ["1.0/5.1", "1.0/5.2"]
    assert report["edge_1_0"]["5.2"]["counts"]["workspace_agreements"] >= 1
    assert report["edge_1_0"]["5.2"]["met"] is True, "space lent under a workspace agreement in force"
    assert report["edge_1_0"]["5.1"]["counts"]["categories"] == 4
