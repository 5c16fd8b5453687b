"""Mail leaves as soon as it is due, over a few reused SMTP connections, and a dropped connection loses or doubles
nothing: real broker, database and SMTP server."""

import uuid

from tests.integration.notifications.conftest import (
    DISPATCH_POLL_S, PATRONS, REGISTRATIONS, deliveries, in_days, mail_to, patron_enrolled, recipient_known,
    registration, send, settled,
)
from tests.support import eventually


async def _patron(stack, client, address: str) -> uuid.UUID:
    patron_id = uuid.uuid4()
    await send(stack, PATRONS, patron_enrolled(patron_id, language="en", email=address, name="Ray Chen"))
    await recipient_known(client, patron_id, awake=True)
    return patron_id


def _confirmed(patron_id: uuid.UUID) -> tuple[str, bytes]:
    return registration("confirmed", registration_id=uuid.uuid4(), patron_id=patron_id, starts_at=in_days(9))


async def test_a_confirmation_is_mailed_as_soon_as_it_is_planned_not_at_the_next_poll(stack, app, client, inbox, unique):
    # The dispatcher's safety-net poll is an hour apart here; mail_to gives up after 30 s.
    assert app.state.dispatcher.s.dispatch_interval_s == DISPATCH_POLL_S >= 600
    address = f"prompt-{unique}@example.org"
    patron_id = await _patron(stack, client, address)

    await send(stack, REGISTRATIONS, _confirmed(patron_id))

    [mail] = await mail_to(inbox, address)
    assert mail["Subject"] == "You're registered: Basic computer skills"


async def test_a_burst_of_mail_shares_a_few_smtp_connections(stack, app, client, inbox, unique):
    address = f"burst-{unique}@example.org"
    patron_id = await _patron(stack, client, address)

    await send(stack, REGISTRATIONS, *(_confirmed(patron_id) for _ in range(12)))

    mails = await mail_to(inbox, address, count=12)
    assert len(mails) == 12
    connections = {inbox.connections[m["Message-ID"]] for m in mails}
    assert len(connections) <= app.state.dispatcher.s.smtp_connections < 12


async def test_an_smtp_server_that_ends_idle_connections_costs_no_failed_attempt(stack, app, client, inbox, unique):
    before, after = f"warm-{unique}@example.org", f"ended-{unique}@example.org"
    await send(stack, REGISTRATIONS, _confirmed(await _patron(stack, client, before)))
    await mail_to(inbox, before)  # the connection it went on stays open
    patron_id = await _patron(stack, client, after)
    inbox.end_used_connections = True
    try:
        await send(stack, REGISTRATIONS, _confirmed(patron_id))

        [mail] = await mail_to(inbox, after)
    finally:
        inbox.end_used_connections = False

    assert inbox.ended >= 1  # a reused connection was refused, and the message went on a fresh one
    [logged] = await settled(client, recipient_id=patron_id, channel="email", message="registration_confirmed")
    assert (logged["status"], logged["attempts"], logged["reason"]) == ("sent", 1, None)
    assert len(inbox.to(after)) == 1


async def test_an_smtp_server_restart_loses_and_doubles_nothing(stack, app, client, inbox, smtp_server, unique):
    before, after = f"before-{unique}@example.org", f"after-{unique}@example.org"
    await send(stack, REGISTRATIONS, _confirmed(await _patron(stack, client, before)))
    await mail_to(inbox, before)
    patron_id = await _patron(stack, client, after)

    smtp_server.restart()  # every connection the service holds is closed under it
    await send(stack, REGISTRATIONS, _confirmed(patron_id))

    [mail] = await mail_to(inbox, after)
    [logged] = await settled(client, recipient_id=patron_id, channel="email", message="registration_confirmed")
    assert (logged["status"], logged["attempts"]) == ("sent", 1)
    assert len(inbox.to(before)) == 1 and len(inbox.to(after)) == 1


async def test_a_confirmation_planned_before_the_patron_is_known_waits_for_their_contact_details(
        stack, client, inbox, unique):
    patron_id, address = uuid.uuid4(), f"late-{unique}@example.org"
    await send(stack, REGISTRATIONS, _confirmed(patron_id))  # the registration overtakes the enrolment

    async def waiting():
        rows = await deliveries(client, recipient_id=patron_id, message="registration_confirmed")
        return rows if rows and rows[0]["reason"] == "recipient_unknown" else None

    [held] = await eventually(waiting, what="the confirmation to wait for its recipient")
    assert held["status"] == "scheduled"
    await send(stack, PATRONS, patron_enrolled(patron_id, language="en", email=address, name="Ray Chen"))

    [mail] = await mail_to(inbox, address)
    assert mail["Subject"] == "You're registered: Basic computer skills"
