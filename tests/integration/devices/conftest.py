"""The devices service in-process on the real broker and database, and the other services' events as they send them.

Kind-wide behaviour ("any available hotspot", hold queues, reservations by kind) looks at every unit of a kind in
the shared test database, so tests of it first take the other units of that kind out of circulation
(`only_these_units`); tests run one at a time within a slot, so this is deterministic.
"""

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from lantern_shared.envelope import new_event
from lantern_shared.clock import Clock
from tests.integration.conftest import running_service
from tests.support import eventually, produce, read_topic

CE_HEADERS = [("content-type", b"application/cloudevents+json")]
PATRONS = "lantern.registration.patrons"
PARTNERS = "lantern.partners.partners"
SESSIONS = "lantern.registration.sessions"
TELEMETRY = "lantern.inbound.device-telemetry"
DEVICES = "lantern.devices.devices"
LOANS = "lantern.devices.loans"
HOLDS = "lantern.devices.holds"
RESERVATIONS = "lantern.devices.reservations"


class Library:
    """What staff, the edge and the other services do to the devices service, in their words."""

    def __init__(self, stack, app, client, unique: str) -> None:
        self.stack = stack
        self.app = app
        self.client = client
        self.unique = unique
        self._tags = 0

    # ---- other services' events ----------------------------------------------------------------------------

    async def send(self, topic: str, type: str, source: str, key: str, data: dict[str, Any]) -> dict:
        event = new_event(type=type, source=source, key=key, data=data)
        await produce(self.stack, topic, [(key.encode(), event.to_bytes(), CE_HEADERS)])
        return json.loads(event.to_bytes())

    async def enrolled_patron(self) -> uuid.UUID:
        patron_id = uuid.uuid4()
        await self.send(PATRONS, "lantern.patron.enrolled", "/lantern/registration", str(patron_id), {
            "patron_id": str(patron_id), "name": "Test Patron", "email": "patron@example.org",
            "preferred_language": "es", "consent_to_contact": True, "consent_to_referral": False,
        })
        await self.borrower_status(patron_id, "active")
        return patron_id

    async def enrolled_patrons(self, n: int) -> list[uuid.UUID]:
        ids = [uuid.uuid4() for _ in range(n)]
        events = [new_event(type="lantern.patron.enrolled", source="/lantern/registration", key=str(i), data={
            "patron_id": str(i), "name": "Test Patron", "preferred_language": "en", "consent_to_contact": False,
            "consent_to_referral": False}).to_bytes() for i in ids]
        await produce(self.stack, PATRONS, [(str(i).encode(), e, CE_HEADERS) for i, e in zip(ids, events)])
        for i in ids:
            await self.borrower_status(i, "active")
        return ids

    async def erase(self, patron_id: uuid.UUID) -> None:
        await self.send(PATRONS, "lantern.patron.erased", "/lantern/registration", str(patron_id),
                        {"patron_id": str(patron_id), "erased_at": datetime.now(UTC).isoformat()})
        await self.borrower_status(patron_id, "erased")

    async def partner(self, status: str = "active") -> uuid.UUID:
        partner_id = uuid.uuid4()
        await self.send(PARTNERS, "lantern.partner.registered", "/lantern/partners", str(partner_id), {
            "partner_id": str(partner_id), "name": "Eastside Digital Futures", "kind": "nonprofit", "status": status,
            "contacts": [{"contact_id": str(uuid.uuid4()), "name": "Kim Lee", "email": "kim@example.org", "language": "en"}],
        })
        await self.borrower_status(partner_id, status)
        return partner_id

    async def lapse(self, partner_id: uuid.UUID) -> None:
        await self.send(PARTNERS, "lantern.partner.lapsed", "/lantern/partners", str(partner_id),
                        {"partner_id": str(partner_id), "name": "Eastside Digital Futures", "reason": "agreement expired"})
        await self.borrower_status(partner_id, "lapsed")

    async def schedule_session(self, starts_at: datetime, hours: float, devices_needed: dict[str, int],
                               session_id: uuid.UUID | None = None, type: str = "lantern.session.scheduled",
                               host: dict | None = None) -> uuid.UUID:
        session_id = session_id or uuid.uuid4()
        await self.send(SESSIONS, type, "/lantern/registration", str(session_id), {
            "session_id": str(session_id), "program_id": str(uuid.uuid4()), "program_kind": "digital_literacy_workshop",
            "title": "Computer basics", "titles": {"en": "Computer basics", "es": "Informática básica"},
            "starts_at": starts_at.isoformat(), "ends_at": (starts_at + timedelta(hours=hours)).isoformat(),
            "timezone": "America/Chicago", "place": {"kind": "branch", "name": "Central Library"},
            "host": host or {"kind": "branch", "branch": "central"}, "capacity": 12, "languages": ["en", "es"],
            "devices_needed": devices_needed,
        })
        return session_id

    async def cancel_session(self, session_id: uuid.UUID, starts_at: datetime) -> None:
        await self.send(SESSIONS, "lantern.session.cancelled", "/lantern/registration", str(session_id), {
            "session_id": str(session_id), "title": "Computer basics", "starts_at": starts_at.isoformat(),
            "reason": "instructor unavailable",
        })

    async def mdm_wiped(self, *, asset_tag: str | None = None, serial: str | None = None) -> dict:
        data = {"wiped_at": datetime.now(UTC).isoformat(), "mdm_id": "intune-42"}
        data |= {"asset_tag": asset_tag} if asset_tag else {"serial": serial}
        return await self.send(TELEMETRY, "lantern.device.wiped", "/mdm/intune", asset_tag or serial or "", data)

    async def applied(self, event: dict) -> None:
        """Wait until the service has taken the event in (its id is in the inbox), whatever it did with it."""
        async def recorded() -> bool:
            async with self.app.state.runtime.pool.acquire() as conn:
                return await conn.fetchval("SELECT EXISTS (SELECT 1 FROM inbox WHERE event_id = $1)", event["id"])

        await eventually(recorded, what=f"{event['type']} to be applied")

    # ---- the internal API ----------------------------------------------------------------------------------

    async def borrower_status(self, borrower_id: uuid.UUID, status: str) -> None:
        async def reached() -> bool:
            answer = await self.client.get(f"/internal/v1/borrowers/{borrower_id}")
            return answer.status_code == 200 and answer.json()["status"] == status

        await eventually(reached, what=f"borrower {borrower_id} to be {status}")

    async def device(self, kind: str = "hotspot", **fields: Any) -> dict:
        self._tags += 1
        tag = f"{kind[:3].upper()}-{self.unique}-{self._tags}"
        body = {"kind": kind, "asset_tag": tag, "serial": f"SN{tag}", "home_branch": "central"} | fields
        answer = await self.client.post("/internal/v1/devices", json=body, headers={"X-Lantern-Actor": "staff:ana"})
        assert answer.status_code == 201, answer.text
        return answer.json()

    async def lend(self, borrower_id: uuid.UUID, **target: Any) -> dict:
        answer = await self.client.post("/internal/v1/loans", json={"borrower_id": str(borrower_id), **target})
        assert answer.status_code == 201, answer.text
        return answer.json()

    async def give_back(self, loan_id: str, condition: str = "good", missing: list[str] | None = None) -> dict:
        answer = await self.client.post(f"/internal/v1/loans/{loan_id}/return",
                                        json={"condition": condition, "missing_accessories": missing or []})
        assert answer.status_code == 200, answer.text
        return answer.json()

    async def state_of(self, device_id: str) -> str:
        return (await self.client.get(f"/internal/v1/devices/{device_id}")).json()["state"]

    async def only_these_units(self, kind: str) -> None:
        """Take every unit of the kind that this test did not add out of circulation, and close its holds."""
        async with self.app.state.runtime.pool.acquire() as conn:
            await conn.execute(
                "UPDATE holds SET status = 'cancelled', closed_at = now() WHERE device_kind = $1 AND status IN ('waiting', 'ready')",
                kind)
            await conn.execute("UPDATE devices SET state = 'retired' WHERE kind = $1 AND state <> 'retired'", kind)

    @property
    def deps(self):
        return self.app.state.deps

    def set_clock(self, now: datetime) -> None:
        self.deps.clock = Stopped(now)

    # ---- what the service published ------------------------------------------------------------------------

    async def published(self, topic: str, key: Any, count: int = 1, type: str | None = None) -> list[dict]:
        """The events on a topic for one key (in order), once at least `count` of them (of that type) are there."""
        wanted = str(key).encode()

        def mine(records) -> list[dict]:
            events = [json.loads(r.value) for r in records if r.key == wanted]
            return [e for e in events if type is None or e["type"] == type]

        records = await read_topic(self.stack, topic, until=lambda rs: len(mine(rs)) >= count)
        return mine(records)

    async def outbox_types(self, key: Any) -> list[str]:
        """Event types committed for a key (published or about to be), in order: for asserting what was NOT sent."""
        async with self.app.state.runtime.pool.acquire() as conn:
            rows = await conn.fetch("SELECT event_type FROM outbox WHERE key = $1 ORDER BY id", str(key))
        return [r["event_type"] for r in rows]


@pytest.fixture(scope="package")
async def devices_service(stack):
    """One in-process devices service for this package's tests (starting one per test costs more than the tests)."""
    async with running_service(stack, "devices", gauges_interval_s=0.5) as (app, client):
        await eventually(lambda: _consuming(app), timeout=60, what="the consumers to join their groups")
        yield app, client


async def _consuming(app) -> bool:
    return (await app.state.runtime.readiness())["kafka"]


@pytest.fixture
async def library(stack, devices_service, unique) -> Library:
    app, client = devices_service
    deps = app.state.deps
    clock, policy = deps.clock, deps.policy
    yield Library(stack, app, client, unique)
    deps.clock, deps.policy = clock, policy  # each test starts on the real clock and the configured policy


class Stopped(Clock):
    """A clock that stays where a test put it (the service's own runs on from a set moment)."""

    def __init__(self, now: datetime) -> None:
        super().__init__()
        self.now = now

    def __call__(self) -> datetime:
        return self.now
