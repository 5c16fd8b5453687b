"""Reservations against a model: for any sequence of sessions, a session gets its units exactly when that many units
are free of every overlapping reservation, and the units it gets are never ones an overlapping session holds."""

import uuid
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lantern_devices.handlers import reservations
from lantern_devices.store import reservations as reserved
from lantern_devices.events import SessionScheduled
from lantern_shared.consumer import EventContext
from lantern_shared.uow import UnitOfWork
from lantern_shared.envelope import new_event

KIND = "chromebook"
DAY = datetime(2031, 6, 2, tzinfo=UTC)

sessions = st.lists(st.tuples(st.integers(0, 10), st.integers(1, 4), st.integers(1, 4)), min_size=1, max_size=6)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(units=st.integers(1, 4), requests=sessions)
async def test_a_session_is_equipped_exactly_when_enough_units_are_free_of_overlapping_sessions(library, units, requests):
    runtime = library.app.state.runtime
    await library.only_these_units(KIND)
    async with runtime.pool.acquire() as conn:
        await conn.execute("DELETE FROM reserved_devices WHERE during && tstzrange($1, $2)", DAY, DAY + timedelta(days=1))
    for _ in range(units):
        await library.device(KIND)
    held: list[tuple[datetime, datetime, set[uuid.UUID]]] = []

    for start_hour, hours, count in requests:
        starts, ends = DAY + timedelta(hours=start_hour), DAY + timedelta(hours=start_hour + hours)
        session = SessionScheduled(session_id=uuid.uuid4(), starts_at=starts, ends_at=ends, devices_needed={KIND: count})
        async with runtime.pool.acquire() as conn, conn.transaction():
            event = new_event(type="lantern.session.scheduled", source="/test", key=str(session.session_id), data={})
            await reservations.session_scheduled(library.deps, UnitOfWork.of_event(EventContext(event, conn, runtime.outbox)),
                                                  session)
            reservation = await reserved.get_reservation(conn, session.session_id)

        taken = set().union(*(ids for s, e, ids in held if s < ends and starts < e))
        free = units - len(taken)
        if count <= free:
            assert reservation.status == "reserved", (start_hour, hours, count, free)
            assert len(reservation.device_ids) == count
            assert not set(reservation.device_ids) & taken, "a unit promised to an overlapping session"
            held.append((starts, ends, set(reservation.device_ids)))
        else:
            assert reservation.status == "failed"
            assert reservation.device_ids == []
            assert reservation.missing == {KIND: count - free}
