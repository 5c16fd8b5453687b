"""Patrons sign in with their library card and PIN: the ILS says yes over SIP2, the edge hands out its own tokens.

The first sign-in of a card enrols the patron in Lantern (name, email, phone, language from the ILS) through the
registration service's internal API, and links the card to that patron by a keyed hash of its number: Lantern never
keeps a card number. Wrong PINs count per card and per client address, and lock both for a while; an unknown card
and a wrong PIN get the same answer in about the same time. Card numbers and PINs appear in no log or error.
"""

import asyncio
import datetime as dt
import hashlib
import hmac
import json
import logging
import secrets
import time
import uuid
from dataclasses import dataclass

import asyncpg

from lantern_shared.clock import Clock
from lantern_shared.refusals import conflict, forbidden

from . import signin_store as store
from .settings import EdgeSettings
from .sip2 import PatronInformation, Sip2Client, Sip2Error
from .tokens import PatronKeys
from .upstream import Upstreams

log = logging.getLogger(__name__)


class WrongCredentials(Exception):
    """The card is unknown or the PIN is wrong (the caller is never told which)."""


class LockedOut(Exception):
    def __init__(self, retry_after_s: int) -> None:
        super().__init__("locked")
        self.retry_after_s = retry_after_s


class CatalogueUnreachable(Exception):
    """The ILS did not answer (down, too slow, or garbled)."""


class EnrolmentFailed(Exception):
    """The registration service could not enrol the patron."""


@dataclass(frozen=True)
class Session:
    patron_id: uuid.UUID
    access_token: str
    refresh_token: str
    expires_in: int
    enrolled: bool  # this sign-in enrolled the patron in Lantern


@dataclass
class PatronSignIn:
    settings: EdgeSettings
    pool: "asyncpg.Pool | None"
    ils: Sip2Client | None
    keys: PatronKeys
    upstreams: Upstreams
    clock: Clock

    def card_hash(self, card: str) -> bytes:
        key = self.settings.card_hash_key.get_secret_value().encode() if self.settings.card_hash_key else b""
        return hmac.new(key, card.strip().upper().encode(), hashlib.sha256).digest()


def _token_hash(token: str) -> bytes:
    return hashlib.sha256(token.encode()).digest()


async def sign_in(deps: PatronSignIn, card: str, pin: str, address: str) -> Session:
    if deps.ils is None:
        raise CatalogueUnreachable()
    started = time.monotonic()
    settings, now = deps.settings, deps.clock()
    card_hash = deps.card_hash(card)
    card_subject, address_subject = f"card:{card_hash.hex()}", f"address:{address}"
    async with deps.pool.acquire() as conn:  # type: ignore[union-attr]
        until = await store.locked_until(conn, [card_subject, address_subject], now)
    if until is not None:
        await _pad(started, settings.signin_min_answer_s)
        raise LockedOut(max(1, int((until - now).total_seconds())))
    try:
        patron = await deps.ils.patron(card.strip(), pin, now)
    except Sip2Error as exc:
        log.warning("the ILS could not be asked", extra={"reason": str(exc)})
        raise CatalogueUnreachable() from None
    if not (patron.valid_patron and patron.valid_password):
        async with deps.pool.acquire() as conn, conn.transaction():  # type: ignore[union-attr]
            for subject, limit in ((card_subject, settings.signin_max_failures),
                                   (address_subject, settings.signin_address_max_failures)):
                await store.count_failure(conn, subject, now, window_s=settings.signin_failure_window_s,
                                          limit=limit, lockout_s=settings.signin_lockout_s)
        await _pad(started, settings.signin_min_answer_s)
        raise WrongCredentials()
    if patron.blocked:
        raise forbidden("card_blocked", "Your library card is blocked: please speak to the library staff.")
    if patron.expires_on is not None and patron.expires_on < now.date():
        raise forbidden("card_expired", "Your library card has expired: the library can renew it.")
    async with deps.pool.acquire() as conn:  # type: ignore[union-attr]
        await store.clear_failures(conn, card_subject)
        async with conn.transaction():
            await store.lock_card(conn, card_hash)
            patron_id = await store.patron_for_card(conn, card_hash)
            if patron_id is not None and not await _still_enrolled(deps.upstreams, patron_id):
                patron_id = None  # erased from Lantern since: this sign-in enrols them afresh
            enrolled = patron_id is None
            if patron_id is None:
                patron_id = await _enrol(deps.upstreams, patron)
                await store.link_card(conn, card_hash, patron_id)
        session = await _issue(deps, conn, patron_id, now, enrolled)
    log.info("a patron signed in with a library card", extra={"patron_id": str(patron_id), "enrolled": enrolled})
    return session


async def refresh(deps: PatronSignIn, refresh_token: str) -> Session:
    now = deps.clock()
    async with deps.pool.acquire() as conn:  # type: ignore[union-attr]
        async with conn.transaction():
            found = await store.refresh_token(conn, _token_hash(refresh_token))
            if found is not None and found.revoked_at is None and found.expires_at > now:
                await store.revoke_refresh_token(conn, _token_hash(refresh_token), now)
                return await _issue(deps, conn, found.patron_id, now, False)
            if found is not None and found.revoked_at is not None:
                # A spent refresh token presented again was copied: end every session of this patron.
                await store.revoke_all_refresh_tokens(conn, found.patron_id, now)
                log.warning("a spent patron refresh token was presented again",
                            extra={"patron_id": str(found.patron_id)})
    raise WrongCredentials()


async def sign_out(deps: PatronSignIn, refresh_token: str) -> None:
    async with deps.pool.acquire() as conn:  # type: ignore[union-attr]
        await store.revoke_refresh_token(conn, _token_hash(refresh_token), deps.clock())


async def _issue(deps: PatronSignIn, conn: asyncpg.Connection, patron_id: uuid.UUID, now: dt.datetime,
                 enrolled: bool) -> Session:
    token = secrets.token_urlsafe(32)
    await store.add_refresh_token(conn, _token_hash(token), patron_id,
                                  now + dt.timedelta(seconds=deps.settings.patron_refresh_ttl_s))
    return Session(patron_id, deps.keys.issue(patron_id, now=now.timestamp()), token, deps.keys.ttl_s, enrolled)


async def _still_enrolled(upstreams: Upstreams, patron_id: uuid.UUID) -> bool:
    answer = await upstreams.request("registration", "GET", f"/internal/v1/patrons/{patron_id}")
    if answer.status_code >= 500:
        raise EnrolmentFailed(f"registration answered {answer.status_code}")
    return answer.status_code != 404


async def _enrol(upstreams: Upstreams, patron: PatronInformation) -> uuid.UUID:
    """Enrol from what the ILS knows; what registration refuses (an odd phone format, say) is left out, not fatal."""
    if not patron.email and not patron.phone:
        # Registration needs a way to reach every patron it enrols (its rule, not ours to bend here).
        raise conflict("contact_point_needed", "The library has neither an email address nor a phone number for "
                       "this card; please ask the library to add one, then sign in again.")
    details = {"name": patron.name or "Library patron", "email": patron.email, "phone": patron.phone,
               "preferred_language": patron.language or "en", "consent_to_contact": False}
    for attempt in (details, {**details, "preferred_language": "en"},
                    *([{**details, "phone": None}] if patron.email and patron.phone else []),
                    *([{**details, "email": None}] if patron.email and patron.phone else [])):
        answer = await upstreams.request("registration", "POST", "/internal/v1/patrons",
                                         body=json.dumps({k: v for k, v in attempt.items() if v is not None}).encode(),
                                         actor="edge:patron-sign-in")
        if answer.status_code == 201:
            return uuid.UUID(answer.json()["id"])
        if answer.status_code != 422:
            break
    raise EnrolmentFailed(f"registration answered {answer.status_code}")


async def _pad(started: float, at_least_s: float) -> None:
    """Refusals take at least `at_least_s`: how long the ILS took does not tell a known card from an unknown one."""
    left = at_least_s - (time.monotonic() - started)
    if left > 0:
        await asyncio.sleep(left + secrets.randbelow(50) / 1000)
