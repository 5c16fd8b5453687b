"""Calendar files for a session, a series, public feeds and a patron's personal feed (at a secret, revocable URL)."""

import hashlib
import secrets
from datetime import timedelta
from uuid import UUID

import asyncpg

from lantern_shared.refusals import not_found, present

from ..deps import Deps
from ..domain.calendar import calendar, series_events, session_event
from ..domain.programs import Program, Session
from ..errors import no_such_patron
from ..store import calendar as feeds
from ..store import patrons, programs, series, sessions

FEED_HISTORY = timedelta(days=30)  # feeds keep the last month, so a cancellation just past still shows


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def session_ics(deps: Deps, session_id: UUID, language: str | None) -> bytes:
    async with deps.pool.acquire() as conn:
        session = await sessions.get(conn, session_id)
        if session is None:
            raise not_found("session", session_id)
        program = present(await programs.get(conn, session.program_id), "program", session.program_id)
    return calendar(program.title_in(language), [session_event(session, program, deps.clock(), language)])


async def series_ics(deps: Deps, series_id: UUID, language: str | None) -> bytes:
    async with deps.pool.acquire() as conn:
        found = await series.get(conn, series_id)
        if found is None:
            raise not_found("series", series_id)
        program = present(await programs.get(conn, found.program_id), "program", found.program_id)
        occurrences = await sessions.page(conn, limit=1000, after=None, series_id=series_id)
    return calendar(program.title_in(language), series_events(found, occurrences, program, deps.clock(), language))


async def public_feed(deps: Deps, kind: str | None, branch: str | None, language: str | None) -> bytes:
    async with deps.pool.acquire() as conn:
        ids = await feeds.feed_session_ids(conn, since=deps.clock() - FEED_HISTORY, kind=kind, branch=branch,
                                           language=language)
        listed = await _with_programs(conn, ids)
    name = " · ".join(part for part in ("Library programs", kind, branch, language) if part)
    return calendar(name, [session_event(s, p, deps.clock(), language) for s, p in listed])


async def personal_feed(deps: Deps, token: str) -> bytes:
    async with deps.pool.acquire() as conn:
        patron_id = await feeds.feed_owner(conn, _hash(token))
        if patron_id is None:
            raise not_found("calendar feed", "at this address")
        patron = present(await patrons.get(conn, patron_id), "patron", patron_id)
        ids = await feeds.patron_session_ids(conn, patron_id, deps.clock() - FEED_HISTORY)
        listed = await _with_programs(conn, ids)
    language = patron.preferred_language
    return calendar("My library programs", [session_event(s, p, deps.clock(), language) for s, p in listed])


async def new_personal_feed(deps: Deps, patron_id: UUID) -> str:
    """A fresh secret address for the patron's feed; the previous one stops working."""
    token = secrets.token_urlsafe(32)
    async with deps.uow() as work:
        if await patrons.get(work.conn, patron_id, lock="share") is None:
            raise no_such_patron()
        await feeds.set_feed(work.conn, patron_id, _hash(token))
    return token


async def revoke_personal_feed(deps: Deps, patron_id: UUID) -> None:
    async with deps.uow() as work:
        if not await feeds.revoke_feed(work.conn, patron_id):
            raise not_found("calendar feed", f"of patron {patron_id}")


async def _with_programs(conn: asyncpg.Connection, ids: list[UUID]) -> list[tuple[Session, Program]]:
    found = await sessions.many(conn, ids)
    known: dict[UUID, Program] = {}
    for session in found:
        if session.program_id not in known:
            known[session.program_id] = present(await programs.get(conn, session.program_id), "program",
                                                session.program_id)
    return [(s, known[s.program_id]) for s in found]
