"""The seat handlers as specifications, on fakes: a unit of work that records what is published, and the seat
tables kept in memory (the store functions the handlers call, replaced for the test)."""

import uuid
from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from prometheus_client import CollectorRegistry

from lantern_registration.deps import Deps
from lantern_registration.domain.participation import Registration
from lantern_registration.domain.programs import Program, Session
from lantern_registration.events import (
    REGISTRATION_CANCELLED, REGISTRATION_CONFIRMED, REGISTRATION_PROMOTED, REGISTRATION_WAITLISTED,
)
from lantern_registration.handlers import seats
from lantern_registration.metrics import OutreachMetrics
from lantern_registration.store import patrons, programs, registrations, sessions
from lantern_shared.clock import Clock
from lantern_shared.refusals import Kind, Refusal
from tests.support import FakeUnitOfWork, metric_value

NOW = datetime(2026, 12, 1, 17, 0, tzinfo=UTC)


class SeatTables:
    """One session's registrations in memory, in arrival order, read and written the way the store does."""

    def __init__(self, session: Session, program: Program, patron_ids: list[UUID]) -> None:
        self.session, self.program, self.patrons = session, program, set(patron_ids)
        self.rows: dict[UUID, dict] = {}  # insertion order is arrival order

    def _waitlist(self) -> list[UUID]:
        return [rid for rid, row in self.rows.items() if row["status"] == "waitlisted"]

    def registration(self, registration_id: UUID) -> Registration:
        row = self.rows[registration_id]
        waiting = self._waitlist()
        position = waiting.index(registration_id) + 1 if registration_id in waiting else None
        return Registration(**row, waitlist_position=position)

    def current(self) -> Session:
        statuses = [row["status"] for row in self.rows.values()]
        return self.session.model_copy(update={"confirmed": statuses.count("confirmed"),
                                               "waitlisted": statuses.count("waitlisted")})

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        async def patron(conn, patron_id, *, lock=None):
            return patron_id if patron_id in self.patrons else None

        async def session_with_program(conn, session_id):
            return (self.current(), self.program) if session_id == self.session.id else None

        async def session(conn, session_id):
            return self.current() if session_id == self.session.id else None

        async def snapshot(conn, session_id):
            return (self.current(), self.program, "v1") if session_id == self.session.id else None

        async def confirm_seat(conn, registration_id, session_id, patron_id, version, event):
            """As the server-side function: confirms only, else says why with nothing written."""
            if patron_id not in self.patrons:
                return "no_patron"
            if session_id != self.session.id:
                return "no_session"
            if self.current().confirmed >= self.session.capacity:
                return "full"
            if await insert_unless_active(conn, registration_id, session_id, patron_id, "confirmed", None) is None:
                return "already_registered"
            return self.registration(registration_id)

        async def program(conn, program_id):
            return self.program if program_id == self.program.id else None

        async def insert_unless_active(conn, registration_id, session_id, patron_id, status, position):
            if any(r["patron_id"] == patron_id and r["status"] != "cancelled" for r in self.rows.values()):
                return None
            self.rows[registration_id] = dict(id=registration_id, session_id=session_id, patron_id=patron_id,
                                              status=status, registered_at=NOW)
            return self.registration(registration_id)

        async def get(conn, registration_id):
            return self.registration(registration_id) if registration_id in self.rows else None

        async def active_for(conn, session_id, patron_id):
            found = [rid for rid, r in self.rows.items() if r["patron_id"] == patron_id and r["status"] != "cancelled"]
            return self.registration(found[0]) if found else None

        async def waitlist(conn, session_id):
            return self._waitlist()

        async def promote(conn, registration_ids):
            for rid in registration_ids:
                self.rows[rid]["status"] = "confirmed"

        async def cancel(conn, registration_id, reason):
            self.rows[registration_id] |= {"status": "cancelled", "cancel_reason": reason, "cancelled_at": NOW}

        monkeypatch.setattr(patrons, "get", patron)
        monkeypatch.setattr(sessions, "lock_with_program", session_with_program)
        monkeypatch.setattr(sessions, "lock", session)
        monkeypatch.setattr(sessions, "get", session)
        monkeypatch.setattr(sessions, "snapshot", snapshot)
        monkeypatch.setattr(registrations, "confirm_seat", confirm_seat)
        monkeypatch.setattr(programs, "get", program)
        monkeypatch.setattr(registrations, "insert_unless_active", insert_unless_active)
        monkeypatch.setattr(registrations, "get", get)
        monkeypatch.setattr(registrations, "active_for", active_for)
        monkeypatch.setattr(registrations, "waitlist", waitlist)
        monkeypatch.setattr(registrations, "promote", promote)
        monkeypatch.setattr(registrations, "cancel", cancel)


def a_session(capacity: int) -> tuple[Session, Program]:
    program = Program(
        id=uuid.uuid4(), kind="digital_literacy_workshop", titles={"en": "Email basics", "vi": "Cơ bản về email"},
        fallback_language="en", languages=["vi", "en"], host={"kind": "branch", "branch": "Central"},
        created_at=NOW, updated_at=NOW,
    )
    starts = NOW + timedelta(days=2)
    session = Session(
        id=uuid.uuid4(), program_id=program.id, starts_at=starts, ends_at=starts + timedelta(hours=2),
        timezone="America/Los_Angeles", place={"kind": "branch", "name": "Room 2"}, capacity=capacity,
        languages=["vi", "en"], status="scheduled", created_at=NOW, updated_at=NOW,
    )
    return session, program


@pytest.fixture
def desk(monkeypatch):
    """A session of `capacity` seats, four enrolled patrons, and Deps whose unit of work is a fake."""

    def build(capacity: int):
        session, program = a_session(capacity)
        people = [uuid.uuid4() for _ in range(4)]
        tables = SeatTables(session, program, people)
        tables.install(monkeypatch)
        work = FakeUnitOfWork()
        clock = Clock()
        clock.set(NOW)
        registry = CollectorRegistry()
        deps = Deps(runtime=None, settings=None, clock=clock, metrics=OutreachMetrics(registry), uow=work.factory())
        return deps, work, tables, session, people, registry

    return build


async def test_seats_are_confirmed_while_they_remain_then_patrons_wait_in_arrival_order(desk):
    deps, work, _, session, (ana, bao, chi, dev), registry = desk(capacity=2)

    first, second = await seats.register(deps, session.id, ana), await seats.register(deps, session.id, bao)
    third, fourth = await seats.register(deps, session.id, chi), await seats.register(deps, session.id, dev)

    assert [first.status, second.status] == ["confirmed", "confirmed"]
    assert (third.status, third.waitlist_position) == ("waitlisted", 1)
    assert (fourth.status, fourth.waitlist_position) == ("waitlisted", 2)
    confirmed = work.published(REGISTRATION_CONFIRMED)
    assert [e.patron_id for e in confirmed] == [ana, bao]
    assert confirmed[0].session_title == "Email basics" and confirmed[0].session_id == session.id
    waitlisted = work.published(REGISTRATION_WAITLISTED)
    assert [(e.patron_id, e.position) for e in waitlisted] == [(chi, 1), (dev, 2)]
    assert [key for _, _, key, _ in work.events] == [str(r.id) for r in (first, second, third, fourth)]
    assert work.committed
    outcomes = {o: metric_value(registry, "lantern_registration_registrations_total",
                                {"program_kind": "digital_literacy_workshop", "outcome": o})
                for o in ("confirmed", "waitlisted")}
    assert outcomes == {"confirmed": 2, "waitlisted": 2}


async def test_a_cancellation_promotes_the_first_waitlisted_patron(desk):
    deps, work, tables, session, (ana, bao, chi, _), _ = desk(capacity=1)
    seat = await seats.register(deps, session.id, ana)
    await seats.register(deps, session.id, bao)
    await seats.register(deps, session.id, chi)

    cancelled = await seats.cancel(deps, seat.id, "patron")

    assert (cancelled.status, cancelled.cancel_reason) == ("cancelled", "patron_cancelled")
    [gone] = work.published(REGISTRATION_CANCELLED)
    assert (gone.patron_id, gone.was, gone.reason) == (ana, "confirmed", "patron_cancelled")
    [promoted] = work.published(REGISTRATION_PROMOTED)
    assert promoted.patron_id == bao
    by_patron = {tables.rows[rid]["patron_id"]: tables.registration(rid) for rid in tables.rows}
    assert by_patron[bao].status == "confirmed"
    assert (by_patron[chi].status, by_patron[chi].waitlist_position) == ("waitlisted", 1)
    assert [c.type for c, *_ in work.events][-2:] == [REGISTRATION_CANCELLED.type, REGISTRATION_PROMOTED.type]


async def test_leaving_the_waitlist_promotes_nobody_and_closes_the_gap(desk):
    deps, work, tables, session, (ana, bao, chi, _), _ = desk(capacity=1)
    await seats.register(deps, session.id, ana)
    waiting = await seats.register(deps, session.id, bao)
    last = await seats.register(deps, session.id, chi)

    left = await seats.cancel(deps, waiting.id, "patron")

    assert left.cancel_reason == "left_waitlist"
    assert work.published(REGISTRATION_PROMOTED) == []
    assert tables.registration(last.id).waitlist_position == 1


async def test_registering_twice_is_refused_with_the_registration_already_held(desk):
    deps, work, _, session, (ana, *_), _ = desk(capacity=1)
    held = await seats.register(deps, session.id, ana)

    with pytest.raises(Refusal) as refused:
        await seats.register(deps, session.id, ana)

    assert (refused.value.kind, refused.value.reason) == (Kind.CONFLICT, "already_registered")
    assert refused.value.extra["registration_id"] == str(held.id)
    assert len(work.events) == 1


async def test_an_unknown_patron_is_a_conflict_naming_the_field(desk):
    deps, work, _, session, _, _ = desk(capacity=1)

    with pytest.raises(Refusal) as refused:
        await seats.register(deps, session.id, uuid.uuid4())

    assert (refused.value.kind, refused.value.reason, refused.value.field) == (Kind.CONFLICT, "no_such_patron", "patron_id")
    assert work.events == []


async def test_once_the_session_has_started_seats_no_longer_change_hands(desk):
    deps, work, tables, session, (ana, bao, chi, _), _ = desk(capacity=1)
    seat = await seats.register(deps, session.id, ana)
    await seats.register(deps, session.id, bao)
    deps.clock.set(session.starts_at + timedelta(minutes=5))

    with pytest.raises(Refusal) as refused:
        await seats.cancel(deps, seat.id, "patron")
    with pytest.raises(Refusal) as too_late:
        await seats.register(deps, session.id, chi)

    assert (refused.value.kind, refused.value.reason) == (Kind.CONFLICT, "session_started")
    assert (too_late.value.kind, too_late.value.reason) == (Kind.CONFLICT, "registration_closed")
    assert work.published(REGISTRATION_PROMOTED) == [] and work.published(REGISTRATION_CANCELLED) == []
    assert tables.registration(seat.id).status == "confirmed"
