"""The reservation saga answering real session events: units reserved per window, shortfalls reported, releases."""

import uuid
from datetime import UTC, datetime, timedelta

import asyncpg
import pytest

from lantern_devices.handlers import reservations
from tests.support import header, read_topic

from .conftest import RESERVATIONS, SESSIONS


def next_month_at(hour: int) -> datetime:
    day = datetime.now(UTC).date() + timedelta(days=30)
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


async def answer(library, session_id, count=1) -> dict:
    return (await library.published(RESERVATIONS, session_id, count=count))[count - 1]


async def test_overlapping_sessions_never_share_a_laptop_and_a_shortfall_says_what_is_missing(library):
    await library.only_these_units("laptop")
    laptops = [await library.device("laptop") for _ in range(3)]
    morning = await library.schedule_session(next_month_at(9), 3, {"laptop": 2})
    reserved = await answer(library, morning)

    overlapping = await library.schedule_session(next_month_at(11), 2, {"laptop": 2, "projector": 1})
    short = await answer(library, overlapping)
    afternoon = await library.schedule_session(next_month_at(12), 2, {"laptop": 3})  # starts as the morning ends
    later = await answer(library, afternoon)

    assert reserved["type"] == "lantern.devices.reserved"
    assert reserved["data"]["reserved"] == {"laptop": 2}
    assert len(reserved["data"]["device_ids"]) == 2
    assert set(reserved["data"]["device_ids"]) <= {d["id"] for d in laptops}
    assert short["type"] == "lantern.devices.reservation_failed"
    assert short["data"] == {"session_id": str(overlapping), "requested": {"laptop": 2, "projector": 1},
                             "missing": {"laptop": 1, "projector": 1}}
    assert later["type"] == "lantern.devices.reserved", "back-to-back windows do not overlap"
    assert sorted(later["data"]["device_ids"]) == sorted(d["id"] for d in laptops)
    shown = (await library.client.get(f"/internal/v1/reservations/{overlapping}")).json()
    assert shown["status"] == "failed" and shown["device_ids"] == []


async def test_a_cancelled_session_releases_its_units_and_a_retried_session_then_gets_them(library):
    await library.only_these_units("tablet")
    tablets = [await library.device("tablet") for _ in range(2)]
    first = await library.schedule_session(next_month_at(14), 2, {"tablet": 2})
    held = await answer(library, first)
    second_starts = next_month_at(15)
    second = await library.schedule_session(second_starts, 2, {"tablet": 1})
    assert (await answer(library, second))["type"] == "lantern.devices.reservation_failed"

    await library.cancel_session(first, next_month_at(14))
    released = await answer(library, first, count=2)
    assert released["type"] == "lantern.devices.released"
    assert sorted(released["data"]["device_ids"]) == sorted(held["data"]["device_ids"])

    await library.schedule_session(second_starts, 2, {"tablet": 1}, session_id=second, type="lantern.session.updated")
    retried = await answer(library, second, count=2)
    assert retried["type"] == "lantern.devices.reserved"
    assert retried["data"]["device_ids"][0] in {t["id"] for t in tablets}


async def test_a_session_moved_to_a_free_window_keeps_what_it_can_and_an_unchanged_update_is_not_answered_again(library):
    await library.only_these_units("chromebook")
    [await library.device("chromebook") for _ in range(2)]
    session = await library.schedule_session(next_month_at(9), 1, {"chromebook": 2})
    first = await answer(library, session)

    await library.schedule_session(next_month_at(9), 1, {"chromebook": 2}, session_id=session, type="lantern.session.updated")
    await library.schedule_session(next_month_at(16), 1, {"chromebook": 2}, session_id=session, type="lantern.session.updated")
    moved = await answer(library, session, count=2)

    assert moved["type"] == "lantern.devices.reserved"
    assert sorted(moved["data"]["device_ids"]) == sorted(first["data"]["device_ids"])
    assert (await library.outbox_types(session)).count("lantern.devices.reserved") == 2
    shown = (await library.client.get(f"/internal/v1/reservations/{session}")).json()
    assert datetime.fromisoformat(shown["starts_at"]) == next_month_at(16)


async def test_a_unit_reserved_for_a_session_is_not_lent_across_it(library):
    await library.only_these_units("hotspot")
    reserved_one, free_one = await library.device("hotspot"), await library.device("hotspot")
    soon = datetime.now(UTC) + timedelta(days=2)
    session = await library.schedule_session(soon, 2, {"hotspot": 1})
    held = (await answer(library, session))["data"]["device_ids"][0]
    patrons = await library.enrolled_patrons(2)

    loan = await library.lend(patrons[0], kind="hotspot")
    assert loan["device_id"] == ({reserved_one["id"], free_one["id"]} - {held}).pop()
    across = await library.client.post("/internal/v1/loans", json={"borrower_id": str(patrons[1]), "device_id": held})
    assert across.status_code == 409 and across.json()["reason"] == "reserved_for_session"


async def test_the_database_itself_refuses_overlapping_windows_for_one_device(library):
    laptop = await library.device("laptop")
    ids = [uuid.uuid4(), uuid.uuid4()]
    async with library.app.state.runtime.pool.acquire() as conn:
        for reservation_id in ids:
            await conn.execute(
                """INSERT INTO reservations (id, purpose, starts_at, ends_at, requested, status)
                   VALUES ($1, 'partner_training', $2, $3, '{}', 'reserved')""",
                reservation_id, next_month_at(9), next_month_at(12))
        await conn.execute("INSERT INTO reserved_devices VALUES ($1, $2, tstzrange($3, $4))",
                           ids[0], uuid.UUID(laptop["id"]), next_month_at(9), next_month_at(12))
        with pytest.raises(asyncpg.ExclusionViolationError):
            await conn.execute("INSERT INTO reserved_devices VALUES ($1, $2, tstzrange($3, $4))",
                               ids[1], uuid.UUID(laptop["id"]), next_month_at(11), next_month_at(13))


async def test_a_partner_training_reserves_units_through_the_api_and_is_refused_with_the_shortfall(library):
    await library.only_these_units("training_kit")
    await library.device("training_kit")
    partner = await library.partner()
    window = {"starts_at": next_month_at(9).isoformat(), "ends_at": next_month_at(17).isoformat()}

    made = await library.client.post("/internal/v1/reservations",
                                     json={"partner_id": str(partner), "devices": {"training_kit": 1}, **window})
    assert made.status_code == 201 and made.json()["status"] == "reserved"
    refused = await library.client.post("/internal/v1/reservations",
                                        json={"partner_id": str(partner), "devices": {"training_kit": 1}, **window})
    assert refused.status_code == 409 and refused.json()["missing"] == {"training_kit": 1}

    released = await library.client.delete(f"/internal/v1/reservations/{made.json()['id']}")
    assert released.json()["status"] == "released" and released.json()["device_ids"] == []


async def test_a_session_ending_before_it_starts_goes_to_the_dead_letter_topic_and_the_next_one_is_answered(library):
    broken = uuid.uuid4()
    await library.send(SESSIONS, "lantern.session.scheduled", "/lantern/registration", str(broken), {
        "session_id": str(broken), "starts_at": next_month_at(12).isoformat(), "ends_at": next_month_at(10).isoformat(),
        "devices_needed": {"laptop": 1}})
    good = await library.schedule_session(next_month_at(20), 1, {"projector": 2})

    assert (await answer(library, good))["type"] == "lantern.devices.reservation_failed"
    key = str(broken).encode()
    dead = await read_topic(library.stack, "lantern.devices.dlq", until=lambda rs: any(r.key == key for r in rs))
    record = next(r for r in dead if r.key == key)
    assert "ends_at must be after starts_at" in header(record, "dlq-reason")
    assert header(record, "dlq-consumer") == "devices.sessions"


async def test_a_session_hosted_by_a_partner_shows_the_partner_its_reservation(library):
    partner = uuid.uuid4()
    session = await library.schedule_session(next_month_at(18), 2, {"projector": 1},
                                             host={"kind": "partner", "partner_id": str(partner)})
    await answer(library, session)

    listed = (await library.client.get("/internal/v1/reservations", params={"partner_id": str(partner)})).json()

    assert [r["id"] for r in listed["items"]] == [str(session)]


async def test_a_reserved_laptop_that_is_lost_is_replaced_and_when_none_is_left_the_session_hears_it_is_short(library):
    await library.only_these_units("laptop")
    spare_first, spare_second = await library.device("laptop"), await library.device("laptop")
    session = await library.schedule_session(next_month_at(10), 2, {"laptop": 1})
    first = (await answer(library, session))["data"]["device_ids"][0]

    await library.client.post(f"/internal/v1/devices/{first}/state", json={"to_state": "lost", "reason": "stolen from van"})
    await reservations.recheck_reservations(library.deps, datetime.now(UTC))

    replaced = await answer(library, session, count=2)
    assert replaced["type"] == "lantern.devices.reserved"
    second = replaced["data"]["device_ids"][0]
    assert second != first and second in {spare_first["id"], spare_second["id"]}

    await library.client.post(f"/internal/v1/devices/{second}/state", json={"to_state": "in_maintenance", "reason": "won't boot"})
    await reservations.recheck_reservations(library.deps, datetime.now(UTC))
    await reservations.recheck_reservations(library.deps, datetime.now(UTC))

    short = await answer(library, session, count=3)
    assert short["type"] == "lantern.devices.reservation_failed"
    assert short["data"]["missing"] == {"laptop": 1}
    assert (await library.outbox_types(session)).count("lantern.devices.reservation_failed") == 1
