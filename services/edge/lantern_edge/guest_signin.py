"""Guests without a library card sign in with a one-time code the notifications service emails to them.

A code is six digits, lives `guest_code_ttl_s` (10 minutes), works once, and is kept only as a keyed hash beside a
keyed hash of the email: the edge never stores an address. Asking for a code always gets the same answer, whether
or not the address is known; wrong codes count per email and per client address and lock both for a while, exactly
as wrong PINs do, and an unknown address and a wrong code get the same answer in about the same time. The first
sign-in of an email enrols a guest patron through registration; later ones find the link.
"""

import datetime as dt
import hmac
import json
import logging
import secrets
import time
import uuid

from lantern_shared.problems import Problem

from . import guest_store
from . import signin_store as store
from .patron_signin import EnrolmentFailed, LockedOut, PatronSignIn, Session, WrongCredentials, issue, pad, still_enrolled

log = logging.getLogger(__name__)


class WrongCode(WrongCredentials):
    """No live code for this email, or not this one (the caller is never told which)."""


class CodeNotSent(Exception):
    """The notifications service could not send the code just now."""


def _email_hash(deps: PatronSignIn, email: str) -> bytes:
    return deps.keyed_hash(b"email:" + email.strip().lower().encode())


def _code_hash(deps: PatronSignIn, email_hash: bytes, code: str) -> bytes:
    return deps.keyed_hash(email_hash + code.strip().encode())


def _subjects(email_hash: bytes, address: str) -> tuple[str, str]:
    return f"email:{email_hash.hex()}", f"address:{address}"


async def send_code(deps: PatronSignIn, email: str, language: str, address: str) -> None:
    """Email a new code, unless the address or the email is locked, or a live code went out moments ago. The
    caller answers the same in every case but one: notifications could not send it (CodeNotSent)."""
    settings, now = deps.settings, deps.clock()
    email_hash = _email_hash(deps, email)
    email_subject, address_subject = _subjects(email_hash, address)
    code = f"{secrets.randbelow(1_000_000):06d}"
    async with deps.pool.acquire() as conn, conn.transaction():  # type: ignore[union-attr]  # the pool exists once the app has started
        if await store.locked_until(conn, [email_subject, address_subject, f"codes:{address_subject}"], now):
            return
        # Every request counts against the client address, so no one mails the world from one address.
        await store.count_failure(conn, f"codes:{address_subject}", now, window_s=settings.signin_failure_window_s,
                                  limit=settings.signin_address_max_failures, lockout_s=settings.signin_lockout_s)
        earlier = await guest_store.code(conn, email_hash)
        if earlier is not None and earlier.live(now) and \
                earlier.sent_at > now - dt.timedelta(seconds=settings.guest_code_resend_s):
            return
        await guest_store.put_code(conn, email_hash, _code_hash(deps, email_hash, code), now,
                                   now + dt.timedelta(seconds=settings.guest_code_ttl_s))
        # Sent inside the transaction: a code that could not be sent is not kept either.
        body = {"email": email.strip(), "language": language, "code": code,
                "valid_minutes": max(1, settings.guest_code_ttl_s // 60)}
        try:
            answer = await deps.upstreams.request("notifications", "POST", "/internal/v1/sign-in-codes",
                                                  body=json.dumps(body).encode(), actor="edge:guest-sign-in")
        except Problem:
            answer = None
        if answer is None or answer.status_code != 202:
            log.warning("notifications could not send a sign-in code",
                        extra={"status": answer.status_code if answer else None})
            raise CodeNotSent()
    log.info("a guest sign-in code was sent")


async def sign_in(deps: PatronSignIn, email: str, code: str, address: str, *, name: str | None,
                  language: str) -> Session:
    started = time.monotonic()
    settings, now = deps.settings, deps.clock()
    email_hash = _email_hash(deps, email)
    email_subject, address_subject = _subjects(email_hash, address)
    async with deps.pool.acquire() as conn:  # type: ignore[union-attr]  # the pool exists once the app has started
        until = await store.locked_until(conn, [email_subject, address_subject], now)
        if until is not None:
            await pad(started, settings.signin_min_answer_s)
            raise LockedOut(max(1, int((until - now).total_seconds())))
        async with conn.transaction():
            found = await guest_store.code(conn, email_hash)
            right = found is not None and found.live(now) and \
                hmac.compare_digest(found.code_hash, _code_hash(deps, email_hash, code))
            if right:
                await guest_store.lock_email(conn, email_hash)
                patron_id = await guest_store.patron_for_email(conn, email_hash)
                if patron_id is not None and not await still_enrolled(deps.upstreams, patron_id):
                    patron_id = None  # erased from Lantern since: enrolled afresh
                enrolled = patron_id is None
                if patron_id is None:
                    patron_id = await _enrol_guest(deps, email, name, language)
                    await guest_store.link_email(conn, email_hash, patron_id)
                await guest_store.spend_code(conn, email_hash, now)
                session = await issue(deps, conn, patron_id, now, enrolled)
        if not right:
            async with conn.transaction():
                for subject, limit in ((email_subject, settings.signin_max_failures),
                                       (address_subject, settings.signin_address_max_failures)):
                    await store.count_failure(conn, subject, now, window_s=settings.signin_failure_window_s,
                                              limit=limit, lockout_s=settings.signin_lockout_s)
            await pad(started, settings.signin_min_answer_s)
            raise WrongCode()
        await store.clear_failures(conn, email_subject)
    log.info("a guest signed in with an emailed code", extra={"patron_id": str(patron_id), "enrolled": enrolled})
    return session


async def _enrol_guest(deps: PatronSignIn, email: str, name: str | None, language: str) -> uuid.UUID:
    details = {"name": name or "Guest", "email": email.strip(), "preferred_language": language,
               "consent_to_contact": False, "guest": True}
    answer = await deps.upstreams.request("registration", "POST", "/internal/v1/patrons",
                                          body=json.dumps(details).encode(), actor="edge:guest-sign-in")
    if answer.status_code != 201:
        raise EnrolmentFailed(f"registration answered {answer.status_code}")
    return uuid.UUID(answer.json()["id"])


async def purge(deps: PatronSignIn) -> None:
    async with deps.pool.acquire() as conn:  # type: ignore[union-attr]  # the pool exists once the app has started
        await guest_store.purge_codes(conn, deps.clock() - dt.timedelta(days=1))
