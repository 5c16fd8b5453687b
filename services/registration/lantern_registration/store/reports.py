"""Aggregates for programme reports. Erased patrons still count: their rows stay, de-identified."""

from datetime import datetime
from uuid import UUID

import asyncpg

_HELD = """held AS (SELECT id, capacity, languages, place FROM sessions
                    WHERE program_id = $1 AND status = 'completed' AND starts_at >= $2 AND starts_at < $3)"""


async def program_figures(conn: asyncpg.Connection, program_id: UUID, start: datetime, end: datetime) -> asyncpg.Record:
    return await conn.fetchrow(
        f"""WITH {_HELD}
            SELECT (SELECT count(*) FROM held) AS sessions_held,
                   (SELECT count(*) FROM sessions WHERE program_id = $1 AND status = 'cancelled'
                      AND starts_at >= $2 AND starts_at < $3) AS sessions_cancelled,
                   (SELECT coalesce(sum(capacity), 0) FROM held) AS seats_offered,
                   (SELECT count(*) FROM registrations r JOIN held h ON h.id = r.session_id
                      WHERE r.status = 'confirmed') AS seats_filled,
                   (SELECT count(*) FROM registrations r JOIN held h ON h.id = r.session_id
                      WHERE r.attendance = 'no_show') AS no_shows,
                   (SELECT count(*) FROM attendance a JOIN held h ON h.id = a.session_id) AS attended""",
        program_id, start, end,
    )


async def outcomes(conn: asyncpg.Connection, program_id: UUID, start: datetime, end: datetime) -> asyncpg.Record:
    return await conn.fetchrow(
        """SELECT count(*) AS responses, avg(knowledge)::float AS knowledge, avg(confidence)::float AS confidence,
                  avg(application)::float AS application, avg(awareness)::float AS awareness,
                  count(*) FILTER (WHERE follow_up_applied = 'yes') AS yes,
                  count(*) FILTER (WHERE follow_up_applied = 'partly') AS partly,
                  count(*) FILTER (WHERE follow_up_applied = 'no') AS no
           FROM feedback f JOIN sessions s ON s.id = f.session_id
           WHERE s.program_id = $1 AND s.starts_at >= $2 AND s.starts_at < $3""",
        program_id, start, end,
    )


async def skill_wishes(conn: asyncpg.Connection, program_id: UUID, start: datetime, end: datetime, top: int = 10) -> list[asyncpg.Record]:
    return await conn.fetch(
        """SELECT skill, count(*) AS patrons
           FROM feedback f JOIN sessions s ON s.id = f.session_id, unnest(f.wants_to_learn) AS skill
           WHERE s.program_id = $1 AND s.starts_at >= $2 AND s.starts_at < $3
           GROUP BY skill ORDER BY count(*) DESC, skill LIMIT $4""",
        program_id, start, end, top,
    )


async def turnout_by_language(conn: asyncpg.Connection, program_id: UUID, start: datetime, end: datetime) -> list[asyncpg.Record]:
    return await conn.fetch(
        f"""WITH {_HELD}
            SELECT p.preferred_language AS key, count(*) AS registrants, count(a.patron_id) AS attended
            FROM registrations r JOIN held h ON h.id = r.session_id JOIN patrons p ON p.id = r.patron_id
                 LEFT JOIN attendance a ON a.session_id = r.session_id AND a.patron_id = r.patron_id
            WHERE r.status = 'confirmed'
            GROUP BY p.preferred_language ORDER BY count(*) DESC, p.preferred_language""",
        program_id, start, end,
    )


# Every held session counts once, each occurrence of a series among them; a hybrid session by its in-person format.
_PERIOD = """held AS (
    SELECT s.id, s.languages, s.format, s.hybrid, coalesce(s.age_group, p.age_group) AS age_group, p.audience_tags,
           s.place->>'kind' AS place_kind, s.place->>'name' AS place_name,
           (SELECT count(*) FROM attendance a WHERE a.session_id = s.id) AS attended
    FROM sessions s JOIN programs p ON p.id = s.program_id
    WHERE s.status = 'completed' AND s.starts_at >= $1 AND s.starts_at < $2)"""


async def by_age_group(conn: asyncpg.Connection, start: datetime, end: datetime) -> list[asyncpg.Record]:
    return await conn.fetch(
        f"WITH {_PERIOD} SELECT age_group AS key, count(*) AS sessions_held, coalesce(sum(attended), 0) AS attended "
        "FROM held GROUP BY age_group",
        start, end,
    )


async def virtual(conn: asyncpg.Connection, start: datetime, end: datetime) -> asyncpg.Record:
    return await conn.fetchrow(
        f"WITH {_PERIOD} SELECT count(*) AS sessions_held, coalesce(sum(attended), 0) AS attended "
        "FROM held WHERE format = 'live_virtual'",
        start, end,
    )


async def by_audience_tag(conn: asyncpg.Connection, start: datetime, end: datetime) -> list[asyncpg.Record]:
    return await conn.fetch(
        f"""WITH {_PERIOD} SELECT tag AS key, count(*) AS sessions_held, coalesce(sum(attended), 0) AS attended
            FROM held, unnest(audience_tags) AS tag GROUP BY tag ORDER BY tag""",
        start, end,
    )


async def by_language_of_instruction(conn: asyncpg.Connection, start: datetime, end: datetime) -> list[asyncpg.Record]:
    return await conn.fetch(
        f"""WITH {_PERIOD} SELECT language AS key, count(*) AS sessions_held, coalesce(sum(attended), 0) AS attended
            FROM held, unnest(languages) AS language GROUP BY language ORDER BY language""",
        start, end,
    )


async def by_place(conn: asyncpg.Connection, start: datetime, end: datetime) -> list[asyncpg.Record]:
    """Where the sessions were held: each branch or partner site by its name, every online session as one."""
    return await conn.fetch(
        f"""WITH {_PERIOD} SELECT CASE WHEN place_kind = 'online' THEN 'online' ELSE place_name END AS key,
                                  min(place_kind) AS kind, count(*) AS sessions_held, coalesce(sum(attended), 0) AS attended
            FROM held GROUP BY 1 ORDER BY 1""",
        start, end,
    )


async def by_format_and_age_group(conn: asyncpg.Connection, start: datetime, end: datetime) -> list[asyncpg.Record]:
    return await conn.fetch(
        f"""WITH {_PERIOD} SELECT format, age_group, count(*) AS sessions_held,
                                  coalesce(sum(attended), 0) AS attended, count(*) FILTER (WHERE hybrid) AS hybrid
            FROM held GROUP BY format, age_group""",
        start, end,
    )


async def one_to_one(conn: asyncpg.Connection, start: datetime, end: datetime) -> list[asyncpg.Record]:
    """Appointments of one-to-one help in the period, by kind: booked, and attended (the help given)."""
    return await conn.fetch(
        """SELECT kind, count(*) AS booked, count(*) FILTER (WHERE attendance = 'attended') AS attended
           FROM appointment_slots WHERE status = 'booked' AND starts_at >= $1 AND starts_at < $2
           GROUP BY kind ORDER BY kind""",
        start, end,
    )
