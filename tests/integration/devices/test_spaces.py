"""Spaces on the real database and broker: no double booking under concurrent requests, padding, opening hours and
closures on the branch's clock, the approval step, sessions that use a booking, and the hours-loaned report."""

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import asyncpg
import pytest

from tests.support import eventually

from .conftest import SESSIONS

BOOKINGS = "lantern.devices.space-bookings"
CHICAGO = ZoneInfo("America/Chicago")
STAFF = {"X-Lantern-Actor": "staff:ana"}
WEEKDAYS = [{"weekday": d, "opens": "09:00", "closes": "18:00"} for d in range(1, 6)]  # closed at weekends


def partner_actor(partner_id) -> dict:
    return {"X-Lantern-Actor": f"partner:{partner_id}"}


def local(day: str, hh_mm: str) -> datetime:
    """A moment on the branch's clock (Chicago), as an aware datetime."""
    return datetime.fromisoformat(f"{day}T{hh_mm}").replace(tzinfo=CHICAGO)


class Spaces:
    def __init__(self, library) -> None:
        self.library = library
        self.client = library.client

    async def branch(self, hours=None, timezone: str = "America/Chicago") -> str:
        code = f"b-{self.library.unique}-{uuid.uuid4().hex[:4]}"
        answer = await self.client.put(f"/internal/v1/branches/{code}", json={
            "name": f"Branch {code}", "timezone": timezone, "hours": WEEKDAYS if hours is None else hours})
        assert answer.status_code == 200, answer.text
        return code

    async def space(self, branch: str, **fields) -> dict:
        body = {"branch": branch, "name": f"Room {uuid.uuid4().hex[:6]}", "kind": "computer_lab", "capacity": 20,
                "equipment": ["projector", "laptops"]} | fields
        answer = await self.client.post("/internal/v1/spaces", json=body)
        assert answer.status_code == 201, answer.text
        return answer.json()

    async def book(self, space: dict, starts_at: datetime, ends_at: datetime, *, partner_id=None, by: dict = STAFF,
                   **fields):
        body = {"space_id": space["id"], "title": "Resume basics", "starts_at": starts_at.isoformat(),
                "ends_at": ends_at.isoformat(), **fields}
        if partner_id is not None:
            body |= {"partner_id": str(partner_id), "purpose": "partner_training"}
        return await self.client.post("/internal/v1/space-bookings", json=body, headers=by)

    async def decide(self, booking_id: str, decision: str, reason: str | None = None):
        body = {"decision": decision} | ({"reason": reason} if reason else {})
        return await self.client.post(f"/internal/v1/space-bookings/{booking_id}/decision", json=body, headers=STAFF)

    async def live(self, space: dict) -> list[tuple[datetime, datetime]]:
        async with self.library.app.state.runtime.pool.acquire() as conn:
            rows = await conn.fetch("""SELECT lower(held) AS f, upper(held) AS u FROM space_bookings
                                       WHERE space_id = $1 AND status IN ('requested', 'approved') ORDER BY 1""",
                                    uuid.UUID(space["id"]))
        return [(r["f"], r["u"]) for r in rows]


@pytest.fixture
def spaces(library) -> Spaces:
    return Spaces(library)


async def test_partners_racing_for_the_same_room_and_time_get_exactly_one_booking(library, spaces):
    partners = [await library.partner() for _ in range(3)]
    room = await spaces.space(await spaces.branch(), setup_minutes=10, teardown_minutes=10)
    starts, ends = local("2027-03-09", "13:00"), local("2027-03-09", "15:00")

    answers = await asyncio.gather(*[
        spaces.book(room, starts, ends, partner_id=p, by=partner_actor(p)) for _ in range(10) for p in partners])

    won = [a for a in answers if a.status_code == 201]
    lost = [a for a in answers if a.status_code != 201]
    assert len(won) == 1, [a.text for a in won]
    assert {(a.status_code, a.json()["reason"]) for a in lost} == {(409, "space_taken")}
    assert len(await spaces.live(room)) == 1
    winner = won[0].json()
    [event] = await library.published(BOOKINGS, winner["id"])
    assert event["type"] == "lantern.space_booking.approved"  # this room needs no approval
    assert event["data"]["partner_id"] == winner["partner_id"]


async def test_concurrent_requests_at_staggered_times_never_leave_two_overlapping_bookings(library, spaces):
    partners = [await library.partner() for _ in range(2)]
    room = await spaces.space(await spaces.branch(), setup_minutes=15, teardown_minutes=15)
    day = "2027-03-10"
    # Two-hour classes starting every 30 minutes from 9:30 to 14:30: many overlap, some could sit side by side.
    windows = [(local(day, "09:30") + timedelta(minutes=30 * i), local(day, "11:30") + timedelta(minutes=30 * i))
               for i in range(11)]

    answers = await asyncio.gather(*[
        spaces.book(room, s, e, partner_id=p, by=partner_actor(p)) for s, e in windows for p in partners])

    assert {a.status_code for a in answers} <= {201, 409}
    held = await spaces.live(room)
    assert len(held) == sum(a.status_code == 201 for a in answers) >= 1
    for (_, first_until), (second_from, _) in zip(held, held[1:]):
        assert first_until <= second_from, "two live bookings overlap"


async def test_the_database_itself_refuses_overlapping_live_bookings_whatever_the_service_checks(library, spaces):
    room = await spaces.space(await spaces.branch())
    insert = """INSERT INTO space_bookings (id, space_id, purpose, title, starts_at, ends_at, setup_minutes,
                    teardown_minutes, held, status, requested_by)
                VALUES ($1, $2, 'session', 'x', $3, $4, 0, 0, tstzrange($3, $4), $5, 'test')"""
    starts = local("2027-03-22", "10:00")
    async with library.app.state.runtime.pool.acquire() as conn:
        await conn.execute(insert, uuid.uuid4(), uuid.UUID(room["id"]), starts, starts + timedelta(hours=2), "requested")
        with pytest.raises(asyncpg.ExclusionViolationError):
            await conn.execute(insert, uuid.uuid4(), uuid.UUID(room["id"]), starts + timedelta(hours=1),
                               starts + timedelta(hours=3), "approved")
        # Declined and cancelled bookings hold nothing.
        await conn.execute(insert, uuid.uuid4(), uuid.UUID(room["id"]), starts, starts + timedelta(hours=2), "declined")


async def test_setup_and_teardown_padding_make_back_to_back_bookings_conflict(spaces):
    room = await spaces.space(await spaces.branch(), setup_minutes=15, teardown_minutes=15)
    bare = await spaces.space((await spaces.branch()))
    day = "2027-03-11"
    first = await spaces.book(room, local(day, "10:00"), local(day, "11:00"))
    assert first.status_code == 201, first.text
    assert datetime.fromisoformat(first.json()["held_from"]) == local(day, "09:45")
    assert datetime.fromisoformat(first.json()["held_until"]) == local(day, "11:15")

    right_after = await spaces.book(room, local(day, "11:00"), local(day, "12:00"), setup_minutes=0)
    right_before = await spaces.book(room, local(day, "09:15"), local(day, "10:00"), teardown_minutes=0)
    after_teardown = await spaces.book(room, local(day, "11:15"), local(day, "12:00"), setup_minutes=0)

    assert (right_after.status_code, right_after.json()["reason"]) == (409, "space_taken")
    assert (right_before.status_code, right_before.json()["reason"]) == (409, "space_taken")
    assert after_teardown.status_code == 201, after_teardown.text
    # Without padding, a class may start the minute the previous one ends.
    assert (await spaces.book(bare, local(day, "10:00"), local(day, "11:00"))).status_code == 201
    assert (await spaces.book(bare, local(day, "11:00"), local(day, "12:00"))).status_code == 201


async def test_opening_hours_are_read_on_the_branchs_clock_and_closures_refuse_with_their_reason(spaces):
    branch = await spaces.branch()
    room = await spaces.space(branch, teardown_minutes=15)

    # 19:00-20:00 UTC is 13:00-14:00 in Chicago: open (it would not be, read in UTC).
    midday = await spaces.book(room, datetime(2027, 3, 12, 19, tzinfo=UTC), datetime(2027, 3, 12, 20, tzinfo=UTC))
    # 02:00-03:00 UTC on the 13th is 20:00-21:00 on Friday the 12th in Chicago: closed by then.
    evening = await spaces.book(room, datetime(2027, 3, 13, 2, tzinfo=UTC), datetime(2027, 3, 13, 3, tzinfo=UTC))
    # Ends at closing time, but the teardown runs past it.
    late = await spaces.book(room, local("2027-03-12", "17:00"), local("2027-03-12", "18:00"))
    weekend = await spaces.book(room, local("2027-03-13", "10:00"), local("2027-03-13", "11:00"))

    assert midday.status_code == 201, midday.text
    for refused in (evening, late, weekend):
        problem = refused.json()
        assert (refused.status_code, problem["reason"]) == (422, "outside_opening_hours"), refused.text
        assert problem["errors"][0]["field"] == "starts_at"
    assert "18:00" in late.json()["errors"][0]["message"] and "18:15" in late.json()["errors"][0]["message"]

    closure = await spaces.client.post(f"/internal/v1/branches/{branch}/closures", json={
        "starts_on": "2027-03-15", "ends_on": "2027-03-16", "reason": "Carpet replacement"})
    assert closure.status_code == 201, closure.text
    closed = await spaces.book(room, local("2027-03-16", "10:00"), local("2027-03-16", "11:00"))
    assert (closed.status_code, closed.json()["reason"]) == (409, "branch_closed")
    assert "Carpet replacement" in closed.json()["detail"]
    listed = (await spaces.client.get(f"/internal/v1/branches/{branch}/closures")).json()
    assert [c["reason"] for c in listed] == ["Carpet replacement"]
    await spaces.client.delete(f"/internal/v1/branches/{branch}/closures/{closure.json()['id']}")
    reopened = await spaces.book(room, local("2027-03-16", "10:00"), local("2027-03-16", "11:00"))
    assert reopened.status_code == 201, reopened.text


async def test_a_request_waits_for_approval_holds_its_time_and_a_decline_frees_it(library, spaces):
    first, second = await library.partner(), await library.partner()
    room = await spaces.space(await spaces.branch(), kind="makerspace", requires_approval=True)
    starts, ends = local("2027-03-17", "14:00"), local("2027-03-17", "16:00")

    asked = await spaces.book(room, starts, ends, partner_id=first, by=partner_actor(first))
    assert asked.status_code == 201 and asked.json()["status"] == "requested", asked.text
    blocked = await spaces.book(room, starts, ends, partner_id=second, by=partner_actor(second))
    assert (blocked.status_code, blocked.json()["reason"]) == (409, "space_taken"), "a pending request holds its time"

    no_reason = await spaces.decide(asked.json()["id"], "declined")
    assert (no_reason.status_code, no_reason.json()["errors"][0]["field"]) == (422, "reason")
    declined = await spaces.decide(asked.json()["id"], "declined", "The makerspace is closed for maintenance")
    assert declined.json()["status"] == "declined" and declined.json()["decided_by"] == "staff:ana"
    again = await spaces.decide(asked.json()["id"], "approved")
    assert (again.status_code, again.json()["reason"]) == (409, "already_decided")

    retried = await spaces.book(room, starts, ends, partner_id=second, by=partner_actor(second))
    assert retried.status_code == 201 and retried.json()["status"] == "requested", retried.text
    approved = await spaces.decide(retried.json()["id"], "approved")
    assert approved.json()["status"] == "approved"

    first_events = await library.published(BOOKINGS, asked.json()["id"], count=2)
    second_events = await library.published(BOOKINGS, retried.json()["id"], count=2)
    assert [e["type"] for e in first_events] == ["lantern.space_booking.requested", "lantern.space_booking.declined"]
    assert first_events[1]["data"]["reason"] == "The makerspace is closed for maintenance"
    assert [e["type"] for e in second_events] == ["lantern.space_booking.requested", "lantern.space_booking.approved"]
    # Staff book what they approve themselves: no waiting.
    staff_own = await spaces.book(room, local("2027-03-17", "10:00"), local("2027-03-17", "11:00"))
    assert staff_own.json()["status"] == "approved"


async def test_a_partner_books_only_for_its_own_classes_and_only_in_good_standing(library, spaces):
    active, lapsed = await library.partner(), await library.partner()
    await library.lapse(lapsed)
    room = await spaces.space(await spaces.branch(), capacity=8)
    starts, ends = local("2027-03-18", "10:00"), local("2027-03-18", "11:00")

    session = await spaces.book(room, starts, ends, by=partner_actor(active), purpose="session")
    standing = await spaces.book(room, starts, ends, partner_id=lapsed, by=partner_actor(lapsed))
    crowded = await spaces.book(room, starts, ends, partner_id=active, by=partner_actor(active), attendees=12)
    past = await spaces.book(room, datetime(2020, 1, 7, 16, tzinfo=UTC), datetime(2020, 1, 7, 17, tzinfo=UTC),
                             partner_id=active, by=partner_actor(active))

    assert (session.status_code, session.json()["reason"]) == (403, "partners_book_trainings")
    assert (standing.status_code, standing.json()["reason"]) == (409, "partner_not_in_good_standing")
    assert (crowded.status_code, crowded.json()["errors"][0]["field"]) == (422, "attendees")
    assert (past.status_code, past.json()["reason"]) == (422, "in_the_past")


async def test_a_session_naming_its_booking_takes_it_and_gives_it_back_when_cancelled(library, spaces):
    room = await spaces.space(await spaces.branch())
    starts, ends = local("2027-03-19", "10:00"), local("2027-03-19", "12:00")
    booking = (await spaces.book(room, starts, ends, purpose="session")).json()
    session_id = uuid.uuid4()
    await library.send(SESSIONS, "lantern.session.scheduled", "/lantern/registration", str(session_id), {
        "session_id": str(session_id), "starts_at": starts.isoformat(), "ends_at": ends.isoformat(),
        "booking_id": booking["id"], "devices_needed": {}})

    async def linked():
        found = (await spaces.client.get(f"/internal/v1/space-bookings/{booking['id']}")).json()
        return found if found["session_id"] == str(session_id) else None

    await eventually(linked, what="devices to tie the booking to its session")
    await library.cancel_session(session_id, starts)
    events = await library.published(BOOKINGS, booking["id"], count=2)
    assert events[1]["type"] == "lantern.space_booking.cancelled"
    assert events[1]["data"]["session_id"] == str(session_id)
    assert await spaces.live(room) == []


async def test_the_hours_loaned_report_matches_a_hand_count(library, spaces):
    a, b = await library.partner(), await library.partner()
    all_day = [{"weekday": d, "opens": "07:00", "closes": "23:59"} for d in range(1, 8)]
    room = await spaces.space(await spaces.branch(hours=all_day), setup_minutes=30, teardown_minutes=30)
    other = await spaces.space(await spaces.branch(hours=all_day), requires_approval=True)

    async def booked(space, day, start, end, partner, **kw):
        answer = await spaces.book(space, local(day, start), local(day, end), partner_id=partner, **kw)
        assert answer.status_code == 201, answer.text
        return answer.json()

    await booked(room, "2027-04-05", "10:00", "12:00", a)  # A, April: 2 h (the padding is not loaned time)
    await booked(room, "2027-04-12", "10:00", "11:30", a)  # A, April: 1.5 h
    await booked(room, "2027-04-30", "21:30", "23:00", a)  # A, April on the branch's clock (May in UTC): 1.5 h
    await booked(room, "2027-05-03", "13:00", "16:00", a)  # A, May: 3 h
    await booked(room, "2027-04-06", "09:00", "11:15", b)  # B, April: 2.25 h
    pending = await booked(other, "2027-04-07", "09:00", "10:00", b, by=partner_actor(b))  # declined: not loaned
    await spaces.decide(pending["id"], "declined", "Double-booked by mistake")
    asked = await booked(other, "2027-04-08", "09:00", "10:00", b, by=partner_actor(b))  # still waiting: not loaned
    cancelled = await booked(room, "2027-04-20", "10:00", "12:00", b)  # cancelled: not loaned
    await spaces.client.post(f"/internal/v1/space-bookings/{cancelled['id']}/cancellation", json={}, headers=STAFF)
    await spaces.book(room, local("2027-04-21", "10:00"), local("2027-04-21", "12:00"), purpose="session")  # library's own
    assert asked["status"] == "requested"

    answer = await spaces.client.get("/internal/v1/reports/space-loans",
                                     params={"from": "2027-04-01T00:00:00-05:00", "to": "2027-06-01T00:00:00-05:00"})
    assert answer.status_code == 200, answer.text
    mine = {(r["partner_id"], r["month"]): (r["bookings"], r["hours"]) for r in answer.json()["rows"]
            if r["partner_id"] in {str(a), str(b)}}
    assert mine == {(str(a), "2027-04"): (3, 5.0), (str(a), "2027-05"): (1, 3.0), (str(b), "2027-04"): (1, 2.25)}
    only_b = await spaces.client.get("/internal/v1/reports/space-loans", params={
        "from": "2027-04-01T00:00:00-05:00", "to": "2027-06-01T00:00:00-05:00", "partner_id": str(b)})
    assert only_b.json()["total_hours"] == 2.25
