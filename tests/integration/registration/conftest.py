"""The registration service running in-process against the test stack's real Kafka and PostgreSQL."""

import contextlib
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from lantern_devstack.stack import Stack
from lantern_shared.envelope import new_event
from tests.integration.conftest import running_service
from tests.support import eventually, produce, read_topic


@dataclass
class Desk:
    """A staff member's desk: the internal API, plus what other services and kiosks would send on Kafka."""

    app: FastAPI
    api: httpx.AsyncClient
    stack: Stack

    @property
    def deps(self):
        return self.app.state.deps

    @contextlib.contextmanager
    def at(self, moment: datetime) -> Iterator[None]:
        """The service's clock shows `moment` (and runs on from it) inside the block, real time again after it."""
        self.deps.clock.set(moment)
        try:
            yield
        finally:
            self.deps.clock.reset()

    async def ok(self, method: str, path: str, status: int = 200, **kwargs: Any) -> dict:
        answer = await self.api.request(method, path, **kwargs)
        assert answer.status_code == status, f"{method} {path}: {answer.status_code} {answer.text}"
        return answer.json() if answer.content else {}

    async def enroll(self, name: str = "Ana Pérez", **details: Any) -> dict:
        body = {"name": name, "email": f"{uuid.uuid4().hex[:8]}@example.org", "preferred_language": "es"} | details
        return await self.ok("POST", "/internal/v1/patrons", 201, json=body)

    async def program(self, **details: Any) -> dict:
        body = {
            "kind": "digital_literacy_workshop",
            "titles": {"en": "Email basics", "es": "Correo electrónico básico"},
            "fallback_language": "en", "age_group": "adults", "audience_tags": ["seniors"], "languages": ["en", "es"],
            "host": {"kind": "branch", "branch": "Central"},
        } | details
        return await self.ok("POST", "/internal/v1/programs", 201, json=body)

    async def session(self, program: dict | None = None, *, capacity: int = 10, starts_in: timedelta = timedelta(hours=1),
                      **details: Any) -> dict:
        program = program or await self.program()
        starts = datetime.now(UTC) + starts_in
        body = {
            "program_id": program["id"], "starts_at": starts.isoformat(), "ends_at": (starts + timedelta(hours=2)).isoformat(),
            "timezone": "America/Chicago", "place": {"kind": "branch", "name": "Central, room 2"}, "capacity": capacity,
        } | details
        return await self.ok("POST", "/internal/v1/sessions", 201, json=body)

    async def register(self, session: dict, patron: dict, status: int = 201) -> dict:
        return await self.ok("POST", f"/internal/v1/sessions/{session['id']}/registrations", status,
                             json={"patron_id": patron["id"]})

    async def send(self, topic: str, type: str, data: dict, *, key: str, source: str = "/lantern/test",
                   binary: bool = False) -> str:
        """Publish a CloudEvent the way another service or a kiosk would."""
        event = new_event(type=type, source=source, data=data, key=key, dataschema=f"urn:lantern:schema:{type}:v1")
        if binary:
            headers = [(f"ce_{k}", str(v).encode()) for k, v in event.model_dump(mode="json", exclude={"data"},
                                                                                 exclude_none=True).items()]
            await produce(self.stack, topic, [(key.encode(), json.dumps(data).encode(),
                                               headers + [("content-type", b"application/json")])])
        else:
            await produce(self.stack, topic, [(key.encode(), event.to_bytes(), [])])
        return event.id

    async def published(self, topic: str, *, key: str, count: int = 1, type: str | None = None) -> list[dict]:
        """The CloudEvents this service published under `key` (waits until `count` of them are there)."""
        def mine(records) -> list[dict]:
            events = [json.loads(r.value) for r in records if r.key == key.encode()]
            return [e for e in events if type is None or e["type"] == type]

        records = await read_topic(self.stack, topic, until=lambda rs: len(mine(rs)) >= count)
        return mine(records)

    async def eventually_get(self, path: str, check, what: str) -> dict:
        async def probe():
            answer = await self.api.get(path)
            body = answer.json()
            return body if answer.status_code == 200 and check(body) else None

        return await eventually(probe, what=what)


@pytest.fixture
async def desk(stack):
    async with running_service(
        stack, "registration", db_pool_max=40, session_completion_interval_s=3600, seat_gauges_interval_s=3600,
    ) as (app, client):
        async def consuming() -> bool:
            return (await app.state.runtime.readiness())["kafka"]

        await eventually(consuming, timeout=60, what="the consumers to join their groups")
        yield Desk(app, client, stack)
