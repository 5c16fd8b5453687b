"""The edge's Idempotency-Key when the outcome of a write is unknown: the request reached the service and no answer
came back. A retry under the same key must not apply it a second time."""

import asyncio
import uuid

import pytest
from aiohttp import web

from tests.integration.conftest import running_service


@pytest.fixture
async def slow_registration():
    """A stand-in for the registration service that takes every enrolment and answers too late."""
    received: list[bytes] = []

    async def enroll(request: web.Request) -> web.Response:
        received.append(await request.read())
        await asyncio.sleep(2)
        return web.json_response({"id": str(uuid.uuid4())}, status=201)

    app = web.Application()
    app.router.add_post("/internal/v1/patrons", enroll)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}", received
    await runner.cleanup()


async def test_a_write_whose_outcome_is_unknown_is_replayed_not_sent_again(stack, slow_registration):
    url, received = slow_registration
    async with running_service(stack, "edge", registration_url=url, upstream_timeout_s=0.5) as (_, edge):
        headers = {"Authorization": f"Bearer {stack.token('staff', 'desk-1')}", "Idempotency-Key": str(uuid.uuid4())}
        body = {"name": "Ana Lopez", "email": "ana.lopez@example.org"}

        first = await edge.post("/api/v1/patrons", json=body, headers=headers)
        assert first.status_code == 504, first.text
        assert "may or may not have taken effect" in first.json()["detail"]
        again = await edge.post("/api/v1/patrons", json=body, headers=headers)

    assert again.status_code == 504 and again.headers.get("Idempotent-Replayed") == "true", again.text
    assert len(received) == 1, "the retry under the same key reached the service again"


async def test_a_write_that_never_reached_the_service_may_be_retried_under_the_same_key(stack):
    closed_port = "http://127.0.0.1:9"  # discard port: nothing listens, the connection is refused
    async with running_service(stack, "edge", registration_url=closed_port) as (_, edge):
        headers = {"Authorization": f"Bearer {stack.token('staff', 'desk-1')}", "Idempotency-Key": str(uuid.uuid4())}
        body = {"name": "Ana Lopez", "email": "ana.lopez@example.org"}
        first = await edge.post("/api/v1/patrons", json=body, headers=headers)
        again = await edge.post("/api/v1/patrons", json=body, headers=headers)
    assert first.status_code == again.status_code == 503
    assert "Idempotent-Replayed" not in again.headers, "a request that was never sent must stay retryable"
