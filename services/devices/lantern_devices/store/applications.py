"""Applications to the long-loan programme: the waiting list in priority order, and the programme's counts."""

from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from ..domain.applications import Application, ApplicationStatus
from ..domain.devices import DeviceKind
from . import filters

_APPLICATION = ("id, patron_id, device_kind, need, internet_at_home, household_size, preferred_language, postcode, "
                "referring_partner_id, partner_may_be_told, submitted_by, priority, status, applied_at, served_at, "
                "closed_at, loan_id, created_at")
# The waiting list's order (domain.applications.waiting_order), as SQL; the partial index follows it.
WAITING_ORDER = "priority DESC, applied_at, id"


def _application(row: asyncpg.Record | None) -> Application | None:
    return Application.model_validate(dict(row)) if row else None


async def insert_application(conn: asyncpg.Connection, application: Application) -> Application:
    a = application
    return _application(await conn.fetchrow(  # type: ignore[return-value]  # the row was just written, so it is there
        f"""INSERT INTO applications (id, patron_id, device_kind, need, internet_at_home, household_size,
                   preferred_language, postcode, referring_partner_id, partner_may_be_told, submitted_by, priority,
                   status, applied_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING {_APPLICATION}""",
        a.id, a.patron_id, a.device_kind, a.need, a.internet_at_home, a.household_size, a.preferred_language,
        a.postcode, a.referring_partner_id, a.partner_may_be_told, a.submitted_by, a.priority, a.status, a.applied_at,
    ))


async def get_application(conn: asyncpg.Connection, application_id: UUID, *, for_update: bool = False) -> Application | None:
    lock = " FOR UPDATE" if for_update else ""
    return _application(await conn.fetchrow(f"SELECT {_APPLICATION} FROM applications WHERE id = $1{lock}",
                                            application_id))


async def next_waiting(conn: asyncpg.Connection, kind: DeviceKind) -> Application | None:
    """The head of the waiting list among patrons who may borrow now (a blocked patron keeps their place)."""
    return _application(await conn.fetchrow(
        f"""SELECT {_APPLICATION} FROM applications a
            WHERE device_kind = $1 AND status = 'waiting'
              AND EXISTS (SELECT 1 FROM borrowers b WHERE b.id = a.patron_id AND b.status = 'active')
            ORDER BY {WAITING_ORDER} LIMIT 1 FOR UPDATE OF a SKIP LOCKED""",
        kind,
    ))


async def waiting_list(conn: asyncpg.Connection, kind: DeviceKind, limit: int) -> list[Application]:
    rows = await conn.fetch(
        f"SELECT {_APPLICATION} FROM applications WHERE device_kind = $1 AND status = 'waiting' "
        f"ORDER BY {WAITING_ORDER} LIMIT $2", kind, limit)
    return [_application(r) for r in rows]  # type: ignore[misc]  # every row fetched maps to an object


async def position(conn: asyncpg.Connection, application_id: UUID) -> int:
    """Place on the waiting list: how many waiting applications come before it, plus one."""
    return await conn.fetchval(
        """SELECT count(*) FROM applications w, applications a
           WHERE a.id = $1 AND w.device_kind = a.device_kind AND w.status = 'waiting'
             AND (w.priority > a.priority
                  OR (w.priority = a.priority AND (w.applied_at, w.id) <= (a.applied_at, a.id)))""",
        application_id,
    )


async def set_status(conn: asyncpg.Connection, application_id: UUID, status: ApplicationStatus, now: datetime, *,
                     loan_id: UUID | None = None) -> Application:
    closes = status not in (ApplicationStatus.WAITING, ApplicationStatus.OFFERED)
    return _application(await conn.fetchrow(  # type: ignore[return-value]  # the row was just written, so it is there
        f"""UPDATE applications SET status = $2, closed_at = CASE WHEN $3 THEN $4::timestamptz END,
                   served_at = CASE WHEN $2 = 'served' THEN $4::timestamptz ELSE served_at END,
                   loan_id = coalesce($5, loan_id)
            WHERE id = $1 RETURNING {_APPLICATION}""",
        application_id, status, closes, now, loan_id,
    ))


async def open_applications_of(conn: asyncpg.Connection, patron_id: UUID, *, for_update: bool = False) -> list[Application]:
    lock = " FOR UPDATE" if for_update else ""
    rows = await conn.fetch(
        f"SELECT {_APPLICATION} FROM applications WHERE patron_id = $1 AND status IN ('waiting', 'offered'){lock}",
        patron_id)
    return [_application(r) for r in rows]  # type: ignore[misc]  # every row fetched maps to an object


async def unlink_patron(conn: asyncpg.Connection, patron_id: UUID) -> None:
    """Erasure: the applications stay for the programme's counts, without the person (or what they told us)."""
    await conn.execute(
        "UPDATE applications SET patron_id = NULL, postcode = NULL, need = 'other' WHERE patron_id = $1", patron_id)


async def list_applications(conn: asyncpg.Connection, *, patron_id: UUID | None, referring_partner_id: UUID | None,
                            kind: DeviceKind | None, status: ApplicationStatus | None, after: list[Any] | None,
                            limit: int) -> list[Application]:
    where = filters.Filter()
    if patron_id:
        where.add("patron_id = {}", patron_id)
    if referring_partner_id:
        where.add("referring_partner_id = {}", referring_partner_id)
    if kind:
        where.add("device_kind = {}", kind)
    if status:
        where.add("status = {}", status)
    where.after(after)
    rows = await conn.fetch(
        f"SELECT {_APPLICATION} FROM applications {where.sql()} ORDER BY created_at, id {where.limit(limit)}", *where.args)
    return [_application(r) for r in rows]  # type: ignore[misc]  # every row fetched maps to an object


# What a report may group by: fixed expressions, never text from a request.
DIMENSIONS = {
    "area": "coalesce(postcode, 'unknown')",
    "language": "preferred_language",
    "referral_source": "coalesce(referring_partner_id::text, 'self')",
}


async def report(conn: asyncpg.Connection, dimension: str, kind: DeviceKind | None, since: datetime | None,
                 until: datetime | None) -> list[asyncpg.Record]:
    """Applications, offers, loans and waits, grouped by one of DIMENSIONS, for applications made in [since, until)."""
    return await conn.fetch(
        f"""WITH a AS (
                SELECT a.*,
                       (SELECT count(*) FROM application_offers o WHERE o.application_id = a.id) AS offers,
                       (SELECT count(*) FROM application_offers o
                         WHERE o.application_id = a.id AND o.status = 'lapsed') AS lapsed_offers
                FROM applications a
                WHERE ($1::text IS NULL OR device_kind = $1)
                  AND applied_at >= coalesce($2::timestamptz, '-infinity')
                  AND applied_at < coalesce($3::timestamptz, 'infinity'))
            SELECT {DIMENSIONS[dimension]} AS key, count(*) AS applications,
                   count(*) FILTER (WHERE status = 'waiting') AS waiting,
                   coalesce(sum(offers), 0)::int AS offers, coalesce(sum(lapsed_offers), 0)::int AS lapsed_offers,
                   count(loan_id) AS loans,
                   round((avg(extract(epoch FROM served_at - applied_at)) FILTER (WHERE served_at IS NOT NULL)
                          / 86400)::numeric, 1)::float AS average_wait_days
            FROM a GROUP BY 1 ORDER BY 1""",
        kind, since, until,
    )
