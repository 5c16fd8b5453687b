"""A run of confirmations handled together (the consumer's batch handler) plans exactly what each would alone."""

import uuid
from datetime import datetime

from lantern_shared.consumer import EventContext
from lantern_shared.envelope import parse_event
from tests.integration.notifications.conftest import (
    PATRONS, deliveries, in_days, mail_to, mobile, patron_enrolled, recipient_known, registration, send,
    session_scheduled,
)

CONFIRMED = "lantern.registration.confirmed"


def _route(app):
    [messages] = [s for s in app.state.runtime.subscriptions if s.name == "messages"]
    return messages.routes[CONFIRMED]


async def _apply(app, events: list[tuple[str, bytes]], *, together: bool) -> list[str]:
    """The events in one transaction, through the route's batch handler or its own handler one by one."""
    runtime, route = app.state.runtime, _route(app)
    parsed = [parse_event(value) for _, value in events]
    async with runtime.pool.acquire() as conn, conn.transaction():
        contexts = [(route.model.model_validate(p.data), EventContext(p, conn, runtime.outbox)) for p in parsed]
        if together:
            await route.batch(contexts)
        else:
            for data, ctx in contexts:
                await route.handler(data, ctx)
    return [p.id for p in parsed]


def _planned(rows: list[dict]) -> list[tuple]:
    return sorted((r["message"], r["channel"], r["language"]) for r in rows)


def _times(rows: list[dict]) -> list[float]:
    return [datetime.fromisoformat(r["send_after"]).timestamp() for r in sorted(rows, key=lambda r: (r["message"], r["channel"]))]


async def test_a_run_of_confirmations_plans_for_each_what_its_own_handler_would(stack, app, client, inbox, unique):
    assert _route(app).batch is not None, "confirmations have a batch handler"
    session_id = uuid.uuid4()
    starts_at = in_days(3)
    await send(stack, "lantern.registration.sessions", session_scheduled(
        session_id, starts_at=starts_at, titles={"en": "Basic computer skills", "es": "Computación básica",
                                                 "vi": "Kỹ năng máy tính cơ bản"}))
    people = {  # patron -> (language, email, phone, sms opt-in)
        uuid.uuid4(): ("es", f"ana-{unique}@example.org", None, False),
        uuid.uuid4(): ("vi", f"linh-{unique}@example.org", None, False),
        uuid.uuid4(): ("ru", None, mobile(unique, "71"), True),
        uuid.uuid4(): ("zh-Hans", f"wei-{unique}@example.org", mobile(unique, "72"), False),
    }
    for patron_id, (language, address, phone, opted_in) in people.items():
        await send(stack, PATRONS, patron_enrolled(patron_id, language=language, email=address, phone=phone,
                                                   sms_opt_in=opted_in))
    for patron_id in people:
        await recipient_known(client, patron_id, awake=True)
    stranger = uuid.uuid4()  # never enrolled: planned all the same, and suppressed as "no contact" when due
    everyone = [*people, stranger]

    def confirmations() -> list[tuple[str, bytes]]:
        return [registration("confirmed", registration_id=uuid.uuid4(), patron_id=p, starts_at=starts_at,
                             session_id=str(session_id)) for p in everyone]

    together = await _apply(app, confirmations(), together=True)
    alone = await _apply(app, confirmations(), together=False)

    for patron_id, run_id, own_id in zip(everyone, together, alone, strict=True):
        from_run = await deliveries(client, recipient_id=patron_id, cause_event_id=run_id)
        from_own = await deliveries(client, recipient_id=patron_id, cause_event_id=own_id)
        assert from_run, f"nothing planned for {patron_id} in the run"
        assert _planned(from_run) == _planned(from_own)
        # Due at the same moments (those due now were planned a few milliseconds apart).
        assert all(abs(a - b) < 30 for a, b in zip(_times(from_run), _times(from_own), strict=True))
        assert {r["message"] for r in from_run} >= {"registration_confirmed", "session_reminder", "feedback_request"}
    # The confirmation itself reaches each reader in their language, with the title given in it.
    for address, title in ((f"ana-{unique}@example.org", "Computación básica"),
                           (f"linh-{unique}@example.org", "Kỹ năng máy tính cơ bản")):
        mails = await mail_to(inbox, address, count=2)  # the run's confirmation and the one handled alone
        assert len(mails) == 2 and all(title in m["Subject"] for m in mails)
    ru = await deliveries(client, recipient_id=list(people)[2], cause_event_id=together[2])
    assert "sms" in {r["channel"] for r in ru} and "email" not in {r["channel"] for r in ru}
    assert {r["language"] for r in ru} == {"ru"}
