"""Consent to SMS: what a recipient agreed to, changing it in their preferences, and taking it from enrolment."""

from uuid import UUID

from lantern_shared.refusals import conflict

from ..deps import Deps
from ..domain.recipients import Recipient
from ..domain.sms import why_not_textable
from ..domain.sms_consent import Consent, ConsentChoice
from ..store import sms_consent
from .recipients import existing


async def current(deps: Deps, recipient_id: UUID) -> tuple[Recipient, Consent | None]:
    async with deps.uow() as work:
        recipient = await existing(work, recipient_id)
        return recipient, await sms_consent.get(work.conn, recipient_id)


async def choose(deps: Deps, recipient_id: UUID, choice: ConsentChoice) -> tuple[Recipient, Consent]:
    """Yes or no to texts at the number on file; a yes needs a number that can receive them. Takes effect for the
    very next text (the dispatcher reads consent when it sends)."""
    async with deps.uow() as work:
        recipient = await existing(work, recipient_id)
        if recipient.phone is None:
            raise conflict("no_phone", "There is no phone number on file to send texts to.", field="opted_in")
        if choice.opted_in and (why := why_not_textable(recipient.phone, deps.settings.phone_region)):
            raise conflict("not_textable", f"The number on file {why}.", field="phone")  # the state, not the input
        consent = Consent(phone=recipient.phone, opted_in=choice.opted_in, source=choice.source,
                          changed_at=deps.clock())
        await sms_consent.record(work.conn, recipient_id, consent)
        return recipient, consent

