"""Digests and quiet hours against the real broker, database and SMTP server: three devices due soon make one
message; what quiet hours held is released once, together, when they end; a recall is never held."""

import asyncio
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from lantern_notifications.delivery.dispatcher import Dispatcher
from lantern_notifications.store import queue
from tests.integration.notifications.conftest import (
    LOANS, PATRONS, REGISTRATIONS, deliveries, in_days, loan, mail_to, patron_enrolled, recipient_known,
    registration, send, settled,
)
from tests.support import eventually


@pytest.fixture
def clock(app):
    """The service's clock (deps.clock), put back afterwards: the rest of the folder runs on real time."""
    yield app.state.deps.clock
    app.state.deps.clock.reset()


@pytest.fixture
def gathering(app):
    """A digestible message planned for now waits `gather` for the rest of its burst, for one test."""
    deps = app.state.deps
    before = deps.digests

    def wait(gather: timedelta) -> None:
        deps.digests = replace(before, gather=gather)

    yield wait
    deps.digests = before


async def two_dispatchers_at_once(app) -> None:
    """A round of the service's dispatcher and of a second instance, concurrently, at the service clock's now."""
    second = Dispatcher(app.state.deps, sender=app.state.dispatcher.sender)
    pool = app.state.runtime.pool
    await asyncio.gather(app.state.dispatcher.send_due(pool), second.send_due(pool))


async def test_three_devices_due_soon_for_one_patron_become_one_message(stack, app, client, inbox, unique, clock, gathering):
    patron_id = uuid.uuid4()
    address = f"three-devices-{unique}@example.org"
    await send(stack, PATRONS, patron_enrolled(patron_id, language="en", email=address, name="Dana Reyes"))
    await recipient_known(client, patron_id, awake=True)
    gathering(timedelta(minutes=10))
    borrower = {"kind": "patron", "id": str(patron_id)}
    tags = [f"HS-{unique}-1", f"LT-{unique}-2", f"CB-{unique}-3"]

    # The devices service's sweep finds three loans due soon and publishes three events, a moment apart.
    await send(stack, LOANS, *(loan("due_soon", loan_id=uuid.uuid4(), borrower=borrower, due_at=in_days(2).isoformat(),
                                    asset_tag=tag) for tag in tags))

    async def planned():
        rows = await deliveries(client, recipient_id=patron_id, message="loan_due_soon")
        return rows if len(rows) == 6 else None  # three loans, by email and in the app

    waiting = await eventually(planned, what="the three due-soon notices to be planned")
    assert {r["status"] for r in waiting} == {"scheduled"} and inbox.to(address) == []

    clock.advance(timedelta(minutes=11))
    await two_dispatchers_at_once(app)

    [mail] = await mail_to(inbox, address)
    assert mail["Subject"] == "3 devices you borrowed are due soon"
    text = mail.get_body(("plain",)).get_content()
    assert all(tag in text for tag in tags) and text.count("Dana Reyes") == 1
    rows = await settled(client, recipient_id=patron_id, message="loan_due_soon")
    assert [r["status"] for r in rows] == ["sent"] * 6, "each loan's notice is logged as sent, once"
    app_inbox = (await client.get(f"/internal/v1/recipients/{patron_id}/inbox")).json()["items"]
    assert [(m["message"], m["subject"]) for m in app_inbox] == [("digest_loan_due_soon", mail["Subject"])]

    await two_dispatchers_at_once(app)
    assert len(inbox.to(address)) == 1, "sent once"


async def test_a_dispatcher_holding_part_of_a_burst_keeps_the_rest_from_a_second_one(
    stack, app, client, unique, gathering
):
    """The race behind a split digest, made deterministic: while one dispatcher's claim of a person's channel is
    open, a second dispatcher claims nothing on that channel (not only the rows the first has locked)."""
    patron_id = uuid.uuid4()
    await send(stack, PATRONS, patron_enrolled(patron_id, language="en", email=f"burst-{unique}@example.org"))
    await recipient_known(client, patron_id, awake=True)
    gathering(timedelta(minutes=10))
    borrower = {"kind": "patron", "id": str(patron_id)}
    await send(stack, LOANS, *(loan("due_soon", loan_id=uuid.uuid4(), borrower=borrower, due_at=in_days(2).isoformat(),
                                    asset_tag=f"BR-{unique}-{n}") for n in range(3)))

    async def planned():
        rows = await deliveries(client, recipient_id=patron_id, message="loan_due_soon")
        return rows if len(rows) == 6 else None

    await eventually(planned, what="the burst to be planned")
    at = datetime.now(UTC) + timedelta(minutes=11)
    pool = app.state.runtime.pool
    try:
        async with pool.acquire() as first, pool.acquire() as second:
            async with first.transaction():
                lead = None
                for _ in range(1000):  # one row at a time, in due order, until the first holds one of this burst
                    [taken] = await queue.claim_due(first, at, limit=1, lease_s=60)
                    if taken.recipient_id == patron_id:
                        lead = taken
                        break
                assert lead is not None
                async with second.transaction():
                    others = [d for d in await queue.claim_due(second, at, limit=50, lease_s=60)
                              if d.recipient_id == patron_id]
                    assert lead.channel not in {d.channel for d in others}, "the second took part of the first's burst"
                    raise _Undo
    except _Undo:
        pass  # both claims rolled back
    finally:
        async with pool.acquire() as conn:
            await conn.execute("DELETE FROM deliveries WHERE recipient_id = $1", patron_id)


class _Undo(Exception):
    pass


async def test_what_quiet_hours_hold_is_released_once_as_one_message_when_they_end_and_a_recall_is_not_held(
    stack, app, client, inbox, unique, clock
):
    patron_id = uuid.uuid4()
    address = f"night-shift-{unique}@example.org"
    await send(stack, PATRONS, patron_enrolled(patron_id, language="es", email=address, name="Ana Pérez"))
    await recipient_known(client, patron_id)
    now = datetime.now(UTC)
    quiet = {"start": (now - timedelta(hours=1)).strftime("%H:%M"), "end": (now + timedelta(hours=3)).strftime("%H:%M")}
    chosen = await client.put(f"/internal/v1/recipients/{patron_id}/preferences",
                              json={"quiet_hours": quiet, "timezone": "UTC", "channels": ["email"]})
    assert chosen.status_code == 200, chosen.text
    borrower = {"kind": "patron", "id": str(patron_id)}
    due = in_days(2).isoformat()

    await send(stack, LOANS,
               loan("due_soon", loan_id=uuid.uuid4(), borrower=borrower, due_at=due, asset_tag=f"HS-{unique}"),
               loan("overdue", loan_id=uuid.uuid4(), borrower=borrower, due_at=in_days(-3).isoformat(),
                    days_overdue=3, device_kind="laptop", asset_tag=f"LT-{unique}"),
               loan("recall_requested", loan_id=uuid.uuid4(), borrower=borrower, due_at=due, reason="maintenance",
                    device_kind="chromebook", asset_tag=f"CB-{unique}"))

    [recall] = await mail_to(inbox, address)
    assert recall["Subject"] == f"Solicitud de devolución: Chromebook, etiqueta CB-{unique}", "critical: at any hour"

    async def held():
        rows = [r for r in await deliveries(client, recipient_id=patron_id) if r["message"] != "loan_recall"]
        return rows if len(rows) == 2 and all(r["reason"] == "quiet_hours" for r in rows) else None

    waiting = await eventually(held, what="the due-soon and overdue notices to wait for the end of quiet hours")
    [quiet_end] = {datetime.fromisoformat(r["send_after"]) for r in waiting}
    assert quiet_end.strftime("%H:%M") == quiet["end"] and now < quiet_end <= now + timedelta(hours=3)

    clock.set(quiet_end - timedelta(minutes=1))
    await two_dispatchers_at_once(app)
    assert len(inbox.to(address)) == 1, "still quiet"

    clock.set(quiet_end + timedelta(seconds=1))
    await two_dispatchers_at_once(app)

    [_, away] = await mail_to(inbox, address, count=2)
    assert away["Subject"] == "Mientras no estaba: 2 mensajes de la biblioteca"
    text = away.get_body(("plain",)).get_content()
    assert f"HS-{unique}" in text and f"LT-{unique}" in text
    rows = await settled(client, recipient_id=patron_id)
    assert sorted((r["message"], r["status"]) for r in rows) == [
        ("loan_due_soon", "sent"), ("loan_overdue", "sent"), ("loan_recall", "sent")]

    clock.advance(timedelta(hours=1))
    await two_dispatchers_at_once(app)
    assert len(inbox.to(address)) == 2, "released once"


async def test_two_sessions_tomorrow_bring_one_reminder_when_the_first_falls_due(stack, app, client, inbox, unique, clock):
    patron_id = uuid.uuid4()
    address = f"two-sessions-{unique}@example.org"
    await send(stack, PATRONS, patron_enrolled(patron_id, language="en", email=address, name="Sam Ortiz"))
    await recipient_known(client, patron_id, awake=True)
    now = datetime.now(UTC)
    morning, afternoon = now + timedelta(hours=30), now + timedelta(hours=34)

    await send(stack, REGISTRATIONS,
               registration("confirmed", registration_id=uuid.uuid4(), patron_id=patron_id, starts_at=morning,
                            title=f"Email basics {unique}"),
               registration("confirmed", registration_id=uuid.uuid4(), patron_id=patron_id, starts_at=afternoon,
                            title=f"Job search online {unique}"))
    await mail_to(inbox, address, count=2)  # the two confirmations, at once

    async def planned():
        rows = await deliveries(client, recipient_id=patron_id, message="session_reminder", channel="email")
        return rows if len(rows) == 2 else None

    reminders = await eventually(planned, what="the two day-before reminders to be planned")
    first = min(datetime.fromisoformat(r["send_after"]) for r in reminders)

    clock.set(first + timedelta(seconds=1))
    await two_dispatchers_at_once(app)

    [*_, reminder] = await mail_to(inbox, address, count=3)
    assert reminder["Subject"] == "Reminder: 2 sessions coming up"
    text = reminder.get_body(("plain",)).get_content()
    assert f"Email basics {unique}" in text and f"Job search online {unique}" in text
    assert len(inbox.to(address)) == 3
    assert {r["status"] for r in await settled(client, recipient_id=patron_id, message="session_reminder",
                                               channel="email")} == {"sent"}
