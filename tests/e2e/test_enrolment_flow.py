"""Every service as a real process: a patron enrolled at the edge reaches devices and notifications through Kafka."""

import httpx

from tests.support import eventually


def internal(services, service: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=services.config.url(service), timeout=10,
        headers={"X-Lantern-Internal-Token": services.secrets["internal_token"]},
    )


async def test_a_patron_enrolled_at_the_edge_becomes_a_borrower_and_a_recipient(services, staff):
    edge = staff
    answer = await edge.post("/api/v1/patrons", json={
        "name": "Linh Nguyen", "email": "linh@example.org", "preferred_language": "vi", "consent_to_contact": True,
    })
    assert answer.status_code == 201, answer.text
    patron = answer.json()
    assert patron["preferred_language"] == "vi"

    async with internal(services, "devices") as devices, internal(services, "notifications") as notifications:
        async def borrower():
            found = await devices.get(f"/internal/v1/borrowers/{patron['id']}")
            return found.json() if found.status_code == 200 else None

        async def recipient():
            found = await notifications.get(f"/internal/v1/recipients/{patron['id']}")
            return found.json() if found.status_code == 200 else None

        assert (await eventually(borrower, what="devices' borrower projection"))["status"] == "active"
        seen = await eventually(recipient, what="notifications' recipient projection")
    assert seen["language"] == "vi" and seen["has_email"] and not seen["has_phone"]

    looked_up = await edge.get(f"/api/v1/patrons/{patron['id']}")
    assert looked_up.status_code == 200 and looked_up.json()["name"] == "Linh Nguyen"


async def test_invalid_enrolment_gets_problem_details_naming_each_field(staff):
    answer = await staff.post("/api/v1/patrons", json={"name": "No Contact", "preferred_language": "not a tag!"})
    assert answer.status_code == 422
    assert answer.headers["content-type"].startswith("application/problem+json")
    fields = {e["field"] for e in answer.json()["errors"]}
    assert "preferred_language" in fields


async def test_a_patron_with_no_contact_point_is_refused_with_the_reason(staff):
    answer = await staff.post("/api/v1/patrons", json={"name": "No Contact"})
    assert answer.status_code == 422
    assert "email or phone" in answer.text


async def test_internal_apis_refuse_callers_without_the_edge_credential(services):
    async with httpx.AsyncClient(base_url=services.config.url("registration"), timeout=10) as client:
        answer = await client.post("/internal/v1/patrons", json={"name": "X", "email": "x@example.org"})
    assert answer.status_code == 401
    assert answer.headers["content-type"].startswith("application/problem+json")


async def test_every_service_reports_ready_and_serves_metrics(services):
    async with httpx.AsyncClient(timeout=10) as client:
        for service in ("edge", "registration", "devices", "partners", "notifications"):
            base = services.config.url(service)
            ready = await client.get(f"{base}/health/ready")
            assert ready.status_code == 200, f"{service}: {ready.text}"
            metrics = await client.get(f"{base}/metrics")
            assert "lantern_http_requests_total" in metrics.text
        outbox = (await client.get(f"{services.config.url('registration')}/metrics")).text
        assert "lantern_outbox_backlog" in outbox


async def test_the_edge_serves_its_openapi_document_and_docs(edge):
    spec = await edge.get("/api/v1/openapi.json")
    assert spec.status_code == 200 and "/api/v1/patrons" in spec.json()["paths"]
    assert (await edge.get("/api/docs")).status_code == 200
