"""Notifications' use cases for arriving events: keep the recipients projection, and plan who hears what, when.

Nothing is sent here: each handler runs inside its event's inbox transaction and only records deliveries
(one per cause event × recipient × channel × message); the dispatcher sends them.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from lantern_shared.consumer import EventContext

from . import store
from .domain import (
    MESSAGES, SESSION_FOLLOW_UPS, Category, Channel, HeldPlace, PlannedDelivery, Recipient, choose_channels,
    reminder_time, title_in,
)
from .events import (
    AgreementEnded, AgreementSigned, Borrower, BroadcastRequested, DeviceServiceRequested, HoldReady, IncentiveEarned,
    LoanDueSoon, LoanEvent, LoanOverdue, LoanRecallRequested, LoanRenewed, LoanReturned, LoanStarted, PartnerLapsed,
    PartnerRegistered, PatronEnrolled, PatronErased, ReferralCreated, RegistrationCancelled, RegistrationConfirmed,
    RegistrationEvent, RegistrationPromoted, RegistrationWaitlisted, SessionEquipmentChanged, SessionScheduled, SessionUpdated,
)

STAFF_NAMESPACE = uuid.UUID("5b0f6c1e-7a43-4b8e-9a57-3c1d2f0e8a11")


@dataclass(frozen=True)
class Rules:
    """The library's scheduling rules and defaults that the handlers apply."""

    library_timezone: str = "America/Los_Angeles"
    default_language: str = "en"
    staff_email: str | None = None
    reminder_lead: timedelta = timedelta(hours=24)
    feedback_delay: timedelta = timedelta(hours=2)
    survey_delay: timedelta = timedelta(days=28)


def staff_recipient_id(email: str) -> UUID:
    return uuid.uuid5(STAFF_NAMESPACE, email.lower())


class Handlers:
    def __init__(self, rules: Rules, clock: Callable[[], datetime] | None = None) -> None:
        self.rules = rules
        self.clock = clock or (lambda: datetime.now(UTC))

    # ---- recipients ------------------------------------------------------------------------------------------
    async def patron_enrolled(self, event: PatronEnrolled, ctx: EventContext) -> None:
        await store.upsert_recipient(ctx.conn, _patron_recipient(event))

    patron_updated = patron_enrolled

    async def patrons_enrolled(self, events: list[tuple[PatronEnrolled, EventContext]]) -> None:
        """`patron_enrolled` for a run of events, in one round trip (catching up on a backlog of patrons)."""
        await store.upsert_recipients(events[0][1].conn, [_patron_recipient(event) for event, _ in events])

    patrons_updated = patrons_enrolled

    async def patron_erased(self, event: PatronErased, ctx: EventContext) -> None:
        await store.erase_patron(ctx.conn, event.patron_id)

    async def partner_registered(self, event: PartnerRegistered, ctx: EventContext) -> None:
        await store.upsert_partner(ctx.conn, event.partner_id, event.name)
        for contact in event.contacts:
            await store.upsert_recipient(ctx.conn, Recipient(
                id=contact.contact_id, kind="partner_contact", name=contact.name, email=contact.email,
                phone=contact.phone, language=contact.language, consent_to_contact=True, partner_id=event.partner_id,
            ))
        await store.remove_partner_contacts_except(ctx.conn, event.partner_id, [c.contact_id for c in event.contacts])

    partner_updated = partner_registered

    async def partner_lapsed(self, event: PartnerLapsed, ctx: EventContext) -> None:
        await store.upsert_partner(ctx.conn, event.partner_id, event.name)
        for contact in await store.partner_contacts(ctx.conn, event.partner_id):
            await self._notify(ctx, contact.id, "partner_lapsed", {"partner_name": event.name})

    # ---- registrations ---------------------------------------------------------------------------------------
    async def registration_confirmed(self, event: RegistrationConfirmed, ctx: EventContext) -> None:
        held = await self._hold(ctx, event, "confirmed")
        await self._registration(ctx, held, "registration_confirmed", follow_ups=True)

    async def registration_promoted(self, event: RegistrationPromoted, ctx: EventContext) -> None:
        held = await self._hold(ctx, event, "confirmed")
        await self._registration(ctx, held, "registration_promoted", follow_ups=True)

    async def registration_waitlisted(self, event: RegistrationWaitlisted, ctx: EventContext) -> None:
        held = await self._hold(ctx, event, "waitlisted")
        await self._registration(ctx, held, "registration_waitlisted", position=event.position)

    async def registration_cancelled(self, event: RegistrationCancelled, ctx: EventContext) -> None:
        held = await self._hold(ctx, event, "cancelled")
        await store.cancel_group(ctx.conn, _group(held), reason=f"registration_{event.reason}")
        await self._registration(ctx, held, "registration_cancelled", reason=event.reason)

    async def session_scheduled(self, event: SessionScheduled, ctx: EventContext) -> None:
        await store.record_session_titles(ctx.conn, event.session_id, event.titles)

    async def session_updated(self, event: SessionUpdated, ctx: EventContext) -> None:
        """A session moved or changed place: its registrants hear of it and its follow-ups move with it."""
        await store.record_session_titles(ctx.conn, event.session_id, event.titles)
        for held in await store.places_in_session(ctx.conn, event.session_id):
            moved = (held.starts_at, held.ends_at) != (event.starts_at, event.ends_at)
            relocated = held.place_name != event.place.name
            now_held = held.model_copy(update={
                "session_title": event.title, "starts_at": event.starts_at, "ends_at": event.ends_at,
                "timezone": event.timezone, "place_name": event.place.name,
            })
            await store.record_registration(ctx.conn, now_held)
            if not (moved or relocated):
                continue
            if held.status == "confirmed":
                await store.cancel_group(ctx.conn, _group(held), "session_changed", messages=SESSION_FOLLOW_UPS)
                await self._session_follow_ups(ctx, now_held)
            await self._registration(ctx, now_held, "session_changed", moved=moved, relocated=relocated,
                                     waitlisted=held.status == "waitlisted", previous_starts_at=held.starts_at,
                                     previous_place_name=held.place_name)

    async def _hold(self, ctx: EventContext, event: RegistrationEvent, status: str) -> HeldPlace:
        held = HeldPlace(
            id=event.registration_id, session_id=event.session_id, patron_id=event.patron_id, status=status,
            session_title=event.session_title, starts_at=event.starts_at, ends_at=event.ends_at,
            timezone=event.timezone, place_name=event.place_name,
        )
        await store.record_registration(ctx.conn, held)
        return held

    async def _registration(
        self, ctx: EventContext, held: HeldPlace, message: str, *, follow_ups: bool = False, **extra: Any
    ) -> None:
        data = await _session_data(ctx, held)
        plans = [Plan(message, data | extra), *(self._follow_ups(held, data) if follow_ups else [])]
        await self._notify_all(ctx, held.patron_id, plans, timezone=held.timezone, group_key=_group(held),
                               about=held.patron_id)

    async def _session_follow_ups(self, ctx: EventContext, held: HeldPlace) -> None:
        await self._notify_all(ctx, held.patron_id, self._follow_ups(held, await _session_data(ctx, held)),
                               timezone=held.timezone, group_key=_group(held), about=held.patron_id)

    def _follow_ups(self, held: HeldPlace, data: dict[str, Any]) -> list["Plan"]:
        """The reminder the day before, the feedback request after, the survey weeks later; cancelled with the registration."""
        now = self.clock()
        follow_ups = {
            "session_reminder": reminder_time(now=now, starts_at=held.starts_at, lead=self.rules.reminder_lead),
            "feedback_request": held.ends_at + self.rules.feedback_delay,
            "follow_up_survey": held.ends_at + self.rules.survey_delay,
        }
        expiry = {"session_reminder": held.starts_at}  # a reminder after the start is no reminder
        return [
            Plan(message, data, send_after=send_after, expires_at=expiry.get(message))
            for message, send_after in follow_ups.items()
            if send_after is not None and send_after >= now - timedelta(days=1)
        ]

    # ---- sessions, attendance --------------------------------------------------------------------------------
    async def equipment_changed(self, event: SessionEquipmentChanged, ctx: EventContext) -> None:
        if event.equipment_status != "shortfall" or not self.rules.staff_email:
            return
        staff_id = staff_recipient_id(self.rules.staff_email)
        await store.upsert_recipient(ctx.conn, Recipient(
            id=staff_id, kind="staff", name="Outreach team", email=self.rules.staff_email, phone=None,
            language=self.rules.default_language, consent_to_contact=True,
        ))
        await self._notify(ctx, staff_id, "equipment_shortfall", {
            "session_title": event.title, "starts_at": event.starts_at, "missing": event.missing,
        })

    async def incentive_earned(self, event: IncentiveEarned, ctx: EventContext) -> None:
        await self._notify(ctx, event.patron_id, "incentive_earned",
                           {"milestone": event.milestone, "points_total": event.points_total}, about=event.patron_id)

    # ---- loans and holds -------------------------------------------------------------------------------------
    async def loan_started(self, event: LoanStarted, ctx: EventContext) -> None:
        await self._loan(ctx, event, "loan_started", due_at=event.due_at)

    async def loan_renewed(self, event: LoanRenewed, ctx: EventContext) -> None:
        # A due-soon or overdue notice still waiting speaks of the old date.
        await store.cancel_group(ctx.conn, f"loan:{event.loan_id}", "loan_renewed",
                                 messages=("loan_due_soon", "loan_overdue"))
        await self._loan(ctx, event, "loan_renewed", due_at=event.due_at)

    async def loan_due_soon(self, event: LoanDueSoon, ctx: EventContext) -> None:
        await self._loan(ctx, event, "loan_due_soon", due_at=event.due_at, expires_at=event.due_at)

    async def loan_overdue(self, event: LoanOverdue, ctx: EventContext) -> None:
        await self._loan(ctx, event, "loan_overdue", due_at=event.due_at, days_overdue=event.days_overdue)

    async def loan_recall_requested(self, event: LoanRecallRequested, ctx: EventContext) -> None:
        await self._loan(ctx, event, "loan_recall", due_at=event.due_at, reason=event.reason)

    async def loan_returned(self, event: LoanReturned, ctx: EventContext) -> None:
        # Reminders still waiting (a due-soon notice held by quiet hours, a retry) are moot once it is back.
        await store.cancel_group(ctx.conn, f"loan:{event.loan_id}", reason="device_returned")
        await self._loan(ctx, event, "loan_returned", returned_at=event.returned_at)
        await store.forget_loan(ctx.conn, event.loan_id)

    async def device_deactivation_requested(self, event: DeviceServiceRequested, ctx: EventContext) -> None:
        await self._device_service(ctx, event, "device_deactivated")

    async def device_reactivation_requested(self, event: DeviceServiceRequested, ctx: EventContext) -> None:
        await self._device_service(ctx, event, "device_reactivated")

    async def _device_service(self, ctx: EventContext, event: DeviceServiceRequested, message: str) -> None:
        held = await store.loan_borrower(ctx.conn, event.loan_id)
        if held is None:  # returned already, or a loan from before this service listened: nobody to tell
            return
        borrower = Borrower(kind=held[0], id=held[1])
        data = {"device_kind": event.kind, "asset_tag": event.asset_tag}
        for recipient_id in await self._borrowers(ctx, borrower):
            await self._notify(ctx, recipient_id, message, data, group_key=f"loan:{event.loan_id}",
                               about=_patron(borrower))

    async def _loan(
        self, ctx: EventContext, event: LoanEvent, message: str, *, expires_at: datetime | None = None, **extra: Any
    ) -> None:
        await store.record_loan(ctx.conn, event.loan_id, borrower_kind=event.borrower.kind,
                                borrower_id=event.borrower.id, device_kind=event.device_kind, asset_tag=event.asset_tag)
        data = {"device_kind": event.device_kind, "asset_tag": event.asset_tag, **extra}
        for recipient_id in await self._borrowers(ctx, event.borrower):
            await self._notify(ctx, recipient_id, message, data, group_key=f"loan:{event.loan_id}",
                               expires_at=expires_at, about=_patron(event.borrower))

    async def hold_ready(self, event: HoldReady, ctx: EventContext) -> None:
        data = {"device_kind": event.device_kind, "pickup_branch": event.pickup_branch, "ready_until": event.ready_until}
        for recipient_id in await self._borrowers(ctx, event.borrower):
            await self._notify(ctx, recipient_id, "hold_ready", data, group_key=f"hold:{event.hold_id}",
                               about=_patron(event.borrower))

    async def _borrowers(self, ctx: EventContext, borrower: Borrower) -> list[UUID]:
        if borrower.kind == "partner":
            return [c.id for c in await store.partner_contacts(ctx.conn, borrower.id)]
        return [borrower.id]

    # ---- partners --------------------------------------------------------------------------------------------
    async def agreement_signed(self, event: AgreementSigned, ctx: EventContext) -> None:
        await self._to_partner(ctx, event.partner_id, "agreement_signed",
                               {"kind": event.kind, "starts_on": event.starts_on, "ends_on": event.ends_on})

    async def agreement_ended(self, event: AgreementEnded, ctx: EventContext) -> None:
        await self._to_partner(ctx, event.partner_id, "agreement_ended", {"kind": event.kind, "ended_on": event.ended_on})

    async def _to_partner(self, ctx: EventContext, partner_id: UUID, message: str, data: dict[str, Any]) -> None:
        name = await store.partner_name(ctx.conn, partner_id) or ""
        for contact in await store.partner_contacts(ctx.conn, partner_id):
            await self._notify(ctx, contact.id, message, data | {"partner_name": name})

    async def referral_created(self, event: ReferralCreated, ctx: EventContext) -> None:
        """The patron gets the partner's contact details; the partner contact gets only what the patron shared."""
        contact = await store.get_recipient(ctx.conn, event.contact_id) if event.contact_id else None
        partner_name = await store.partner_name(ctx.conn, event.partner_id) or ""
        common = {"service_name": event.service_name, "need": event.need, "partner_name": partner_name}
        await self._notify(ctx, event.patron_id, "referral_to_patron", common | {
            "contact_name": contact.name if contact else None,
            "contact_email": contact.email if contact else None,
            "contact_phone": contact.phone if contact else None,
        }, about=event.patron_id)
        if event.contact_id is not None:  # an unknown contact is logged as not reachable, not skipped silently
            shared = event.shared_with_partner
            await self._notify(ctx, event.contact_id, "referral_to_partner", common | {
                "first_name": shared.first_name, "patron_email": shared.email, "patron_phone": shared.phone,
            }, about=event.patron_id)

    async def broadcast_requested(self, event: BroadcastRequested, ctx: EventContext) -> None:
        category = Category.PROGRAMME_NEWS if event.category == "programme_news" else Category.BROADCASTS
        data = {"subject": event.subject, "body": event.body, "fallback_language": event.fallback_language}
        for recipient_id in event.contact_ids:
            await self._notify(ctx, recipient_id, "broadcast", data, category=category)

    # ---- planning --------------------------------------------------------------------------------------------
    async def _notify(
        self, ctx: EventContext, recipient_id: UUID, message: str, data: dict[str, Any], *,
        send_after: datetime | None = None, expires_at: datetime | None = None, **common: Any,
    ) -> None:
        await self._notify_all(ctx, recipient_id, [Plan(message, data, send_after, expires_at)], **common)

    async def _notify_all(
        self, ctx: EventContext, recipient_id: UUID, plans: list["Plan"], *, timezone: str | None = None,
        group_key: str | None = None, about: UUID | None = None, category: Category | None = None,
    ) -> None:
        """Plan messages to one recipient: who they are and what they chose is read once, the rows written at once."""
        if not plans:
            return
        recipient = await store.get_recipient(ctx.conn, recipient_id)
        if recipient is None:
            # Recorded all the same: the dispatcher suppresses it as "no contact", visibly, in the log and metrics.
            channels, language = [Channel.EMAIL], self.rules.default_language
        else:
            preferences = await store.get_preferences(ctx.conn, recipient_id)
            # Nobody reachable the way they chose: one row on the channel they wanted, suppressed when dispatched.
            channels = choose_channels(recipient, preferences) or [(preferences.channels or [Channel.EMAIL])[0]]
            language = recipient.language
        cause_time = ctx.event.time or self.clock()
        await store.plan_all(ctx.conn, [
            PlannedDelivery(
                id=uuid.uuid4(), cause_event_id=ctx.event.id, cause_type=ctx.event.type, cause_time=cause_time,
                recipient_id=recipient_id, about_patron_id=about, message=plan.message,
                category=category or MESSAGES[plan.message], channel=channel, language=language,
                timezone=timezone or self.rules.library_timezone, send_after=plan.send_after or self.clock(),
                expires_at=plan.expires_at, group_key=group_key, render_data=_in_language(plan.data, language),
            )
            for plan in plans for channel in channels
        ])


@dataclass(frozen=True)
class Plan:
    """One message to plan for a recipient: what, from which data, and when (None: now)."""

    message: str
    data: dict[str, Any]
    send_after: datetime | None = None
    expires_at: datetime | None = None


def _in_language(data: dict[str, Any], language: str) -> dict[str, Any]:
    if "session_titles" not in data:
        return data
    # The session's title in the reader's language, when it was given in it.
    return {k: v for k, v in data.items() if k != "session_titles"} | {
        "session_title": title_in(data["session_titles"], language, data["session_title"])}


def _group(held: HeldPlace) -> str:
    return f"registration:{held.id}"


async def _session_data(ctx: EventContext, held: HeldPlace) -> dict[str, Any]:
    return {"session_title": held.session_title, "session_titles": await store.session_titles(ctx.conn, held.session_id),
            "starts_at": held.starts_at, "ends_at": held.ends_at, "place_name": held.place_name}


def _patron(borrower: Borrower) -> UUID | None:
    return borrower.id if borrower.kind == "patron" else None


def _patron_recipient(event: PatronEnrolled) -> Recipient:
    return Recipient(
        id=event.patron_id, kind="patron", name=event.name, email=event.email, phone=event.phone,
        language=event.preferred_language, consent_to_contact=event.consent_to_contact,
    )
