"""The edge as frontends meet it: tokens and roles, confinement to one's own data, idempotent POSTs, summaries."""

import re
import uuid

import pytest

from lantern_edge.auth import Role, mint_token
from lantern_edge.confinement import OwnPath
from lantern_edge.policy import EDGE_ROUTES, RULES
from tests.support import eventually

ROUTES = [*RULES, *EDGE_ROUTES]
CASES = [(rule, role) for rule in ROUTES for role in Role]


def fill(path: str, rule, role: Role, own: str) -> str:
    confinement = rule.confine.get(role)
    def value(match: re.Match) -> str:
        name = match.group(1)
        return own if isinstance(confinement, OwnPath) and confinement.param == name else str(uuid.uuid4())
    return re.sub(r"\{(\w+)\}", value, path)


@pytest.mark.parametrize("rule,role", CASES, ids=[f"{r.method} {r.path} as {role.value}" for r, role in CASES])
async def test_every_route_admits_exactly_the_roles_in_the_access_table(edge, caller, rule, role):
    own = str(uuid.uuid4())
    headers = caller.headers(role.value, patron_id=own if role is Role.PATRON else None,
                             partner_id=own if role is Role.PARTNER else None)
    path = "/api/v1" + fill(rule.path, rule, role, own)
    answer = await edge.request(rule.method, path, headers=headers, json={} if rule.method in {"POST", "PUT", "PATCH"} else None)
    if role in rule.roles:
        assert answer.status_code not in (401, 403), f"{role} refused: {answer.text}"
    else:
        assert answer.status_code == 403, answer.text
        assert answer.headers["content-type"].startswith("application/problem+json")


async def test_calls_without_a_valid_token_are_refused_at_the_edge(edge, services):
    assert (await edge.get("/api/v1/me")).status_code == 401
    forged = mint_token("not-the-secret-not-the-secret-0123456789", role="admin", subject="mallory")
    answer = await edge.get("/api/v1/me", headers={"Authorization": f"Bearer {forged}"})
    assert answer.status_code == 401 and answer.json()["type"] == "urn:lantern:problem:unauthorized"
    expired = services.token("admin", "old", ttl_s=-300)
    assert (await edge.get("/api/v1/me", headers={"Authorization": f"Bearer {expired}"})).status_code == 401


async def test_a_patron_can_read_their_own_record_but_not_another_patrons(staff, edge, caller):
    ids = []
    for name in ("Ana", "Bao"):
        answer = await staff.post("/api/v1/patrons", json={"name": name, "email": f"{name.lower()}@example.org"})
        assert answer.status_code == 201, answer.text
        ids.append(answer.json()["id"])
    ana = caller.headers("patron", patron_id=ids[0])
    assert (await edge.get(f"/api/v1/patrons/{ids[0]}", headers=ana)).json()["name"] == "Ana"
    refused = await edge.get(f"/api/v1/patrons/{ids[1]}", headers=ana)
    assert refused.status_code == 403 and "another patron" in refused.json()["detail"]


async def test_a_partner_sees_its_own_loans_and_never_another_partners(staff, edge, caller):
    loans = {}
    for name in ("Northgate Senior Center", "Lakeview Adult School"):
        partner = await staff.post("/api/v1/partners", json={
            "name": f"{name} {uuid.uuid4().hex[:4]}", "kind": "community_organization",
            "contacts": [{"name": "Lee Park", "role": "Coordinator", "email": "lee@partner.example.org", "language": "en"}],
        })
        assert partner.status_code == 201, partner.text
        partner_id = partner.json()["id"]
        assert (await staff.post(f"/api/v1/partners/{partner_id}/status", json={"status": "active"})).status_code == 200
        device = await staff.post("/api/v1/devices", json={
            "kind": "laptop", "asset_tag": f"LT-{uuid.uuid4().hex[:8]}", "serial": f"SN-{uuid.uuid4().hex}",
            "home_branch": "Central",
        })
        assert device.status_code == 201, device.text

        async def lent(partner_id=partner_id, device_id=device.json()["id"]):
            answer = await staff.post("/api/v1/loans", json={"borrower_id": partner_id, "device_id": device_id})
            return answer.json() if answer.status_code == 201 else None

        loans[partner_id] = await eventually(lent, timeout=60, what="devices to know the partner and lend to it")
    (mine, my_loan), (theirs, their_loan) = loans.items()
    partner = caller.headers("partner", partner_id=mine)

    assert (await edge.get(f"/api/v1/loans/{my_loan['id']}", headers=partner)).status_code == 200
    refused = await edge.get(f"/api/v1/loans/{their_loan['id']}", headers=partner)
    assert refused.status_code == 403, refused.text
    assert their_loan["device_id"] not in refused.text
    listed = await edge.get("/api/v1/me/loans", headers=partner)
    assert listed.status_code == 200 and [loan["id"] for loan in listed.json()["items"]] == [my_loan["id"]]
    filtered = await edge.get("/api/v1/loans", params={"borrower_id": theirs}, headers=partner)
    assert filtered.status_code == 403 or their_loan["id"] not in filtered.text
    renew = await edge.post(f"/api/v1/loans/{their_loan['id']}/renew", headers=partner)
    assert renew.status_code == 403, renew.text


async def test_a_malformed_id_behind_an_ownership_lookup_is_the_callers_422_not_a_bad_gateway(edge, caller):
    """Found by schemathesis as a patron: the edge's lookup of the resource was refused (422) and said 502."""
    patron = caller.headers("patron")
    for path in ("/api/v1/loans/not-a-loan", "/api/v1/feedback/%10x", "/api/v1/referrals/..."):
        answer = await edge.get(path, headers=patron)
        assert answer.status_code == 422, (path, answer.text)
        assert answer.headers["content-type"].startswith("application/problem+json")
        assert answer.json()["errors"], answer.text


async def test_a_retried_post_with_the_same_idempotency_key_creates_nothing_new(staff):
    key = str(uuid.uuid4())
    body = {"name": "Retry Patron", "email": "retry@example.org"}
    first = await staff.post("/api/v1/patrons", json=body, headers={"Idempotency-Key": key})
    again = await staff.post("/api/v1/patrons", json=body, headers={"Idempotency-Key": key})
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    assert again.headers.get("idempotent-replayed") == "true"
    other = await staff.post("/api/v1/patrons", json={**body, "name": "Someone Else"}, headers={"Idempotency-Key": key})
    assert other.status_code == 422 and other.json()["type"] == "urn:lantern:problem:idempotency-key-reused"


async def test_a_failed_validation_is_replayed_too_and_a_new_key_goes_through(staff):
    key = str(uuid.uuid4())
    bad = await staff.post("/api/v1/patrons", json={"name": "No Contact"}, headers={"Idempotency-Key": key})
    assert bad.status_code == 422
    assert (await staff.post("/api/v1/patrons", json={"name": "No Contact"}, headers={"Idempotency-Key": key})).status_code == 422


async def test_the_patron_summary_says_what_is_missing_when_a_service_is_down(services, staff):
    patron = (await staff.post("/api/v1/patrons", json={"name": "Sum", "email": "sum@example.org"})).json()
    services.stop_service("notifications")
    try:
        answer = await staff.get(f"/api/v1/patrons/{patron['id']}/summary")
    finally:
        services.start_services(("notifications",))
    assert answer.status_code == 200
    summary = answer.json()
    assert summary["patron"]["id"] == patron["id"]
    assert summary["complete"] is False
    assert {m["service"] for m in summary["missing"]} >= {"notifications"}


async def test_the_public_openapi_document_carries_roles_and_problem_responses(edge):
    spec = (await edge.get("/api/v1/openapi.json")).json()
    operation = spec["paths"]["/api/v1/patrons"]["post"]
    assert operation["security"] == [{"bearer": []}]
    assert operation["x-lantern-roles"]["staff"] == "all"
    assert "application/problem+json" in operation["responses"]["422"]["content"]
    assert any(p["name"] == "Idempotency-Key" for p in operation["parameters"])
    assert "/internal/v1/patrons" not in spec["paths"]
