"""Where a service keeps personal data, declared once: what erasure does to each table, what a patron's export
(right of access) reads from it, and how long the retention schedule keeps it.

Each service lists its tables in `lantern_<service>/privacy.py` (`PERSONAL_DATA`). tests/integration/test_personal_data.py
reads every service's real, migrated schema and fails when a column that looks personal (`looks_personal`) is in no
declaration, so a new table with personal data cannot be forgotten.
"""

import datetime as dt
import decimal
import json
import logging
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

import asyncpg

from .clock import Clock

log = logging.getLogger(__name__)

# A column name that names or describes a person, or points at one. Broad on purpose: what matches and is not
# personal is declared `NotPersonal` with the reason.
_PERSONAL = re.compile(
    r"(patron|borrower|recipient|name|email|phone|card|address|body|payload|comment|liked|better|accessib|contact"
    r"|need|note|principal|subject|reason|_by$)"
)


def looks_personal(column: str) -> bool:
    return bool(_PERSONAL.search(column))


@dataclass(frozen=True)
class Retention:
    """`kind` names the schedule's entry (RETENTION_DEFAULTS); rows whose `column` is older than the kept time go.
    `action` is `delete`, or the SET list of an UPDATE that strips the detail and keeps the counts."""

    kind: str
    column: str
    action: str = "delete"
    where: str = "true"  # only rows that are finished (e.g. returned loans)


@dataclass(frozen=True)
class PersonalTable:
    table: str
    columns: tuple[str, ...]  # the columns holding personal data or pointing at a patron
    erasure: str  # what erasure does here, in a sentence (docs/privacy.md lists them)
    # exported per patron: the rows where this column (or any of these) is the patron; None when not per patron
    patron_column: str | tuple[str, ...] | None = None
    retention: Retention | None = None


@dataclass(frozen=True)
class NotPersonal:
    """Columns whose names look personal but are not about patrons (why says so)."""

    table: str
    columns: tuple[str, ...]
    why: str


@dataclass(frozen=True)
class PersonalData:
    service: str
    tables: tuple[PersonalTable, ...]
    not_personal: tuple[NotPersonal, ...] = ()
    ignored_tables: frozenset[str] = field(default_factory=lambda: frozenset({"schema_migrations"}))

    def covers(self, table: str, column: str) -> bool:
        if table in self.ignored_tables:
            return True
        return any(t.table == table and column in t.columns for t in self.tables) or \
            any(n.table == table and column in n.columns for n in self.not_personal)


# The shared backbone tables every Kafka service has (lantern_shared/migrations/0001).
BACKBONE = (
    PersonalTable("outbox", ("payload", "key"),
                  "personal fields are sealed with the patron's data key before they are written (lantern_shared.sealing); "
                  "erasure destroys the key, so sent and unsent rows alike are unreadable",
                  retention=Retention("outbox_sent", "sent_at", where="sent_at IS NOT NULL")),
)
BACKBONE_NOT_PERSONAL = (
    NotPersonal("inbox", ("consumer",), "the consuming subscription's name; the inbox keeps event ids only"),
)

# Library practice (ALA guidelines on patron records): keep usage detail only as long as the service needs it.
RETENTION_DEFAULTS: dict[str, int] = {
    "attendance_detail": 365,  # who attended which session; counts stay for the annual Public Libraries Survey
    "feedback": 365,  # free-text answers; ratings stay for the programme's report
    "referral_outcomes": 365,  # the link between a patron and a closed referral
    "delivery_log": 90,  # who was sent what, on which channel, and the message bodies
    "inbox_messages": 180,  # in-app messages, read or not
    "idempotency_records": 1,  # replays of first responses
    "loan_history": 30,  # loans are anonymised at return; what is left of a returned loan's borrower link
    "hold_history": 30,  # fulfilled or cancelled holds
    "outbox_sent": 1,  # sent events (their personal fields sealed)
}


def retention_days(overrides: dict[str, int]) -> dict[str, int]:
    unknown = set(overrides) - set(RETENTION_DEFAULTS)
    if unknown:
        raise ValueError(f"unknown retention kinds: {sorted(unknown)} (known: {sorted(RETENTION_DEFAULTS)})")
    return RETENTION_DEFAULTS | overrides


async def apply_retention(pool: asyncpg.Pool, personal: PersonalData, clock: Clock,
                          days: dict[str, int]) -> dict[str, int]:
    """Remove (or strip) what the schedule no longer keeps, by the service's clock. Returns rows touched per table."""
    now = clock()
    touched: dict[str, int] = {}
    async with pool.acquire() as conn:
        for table in personal.tables:
            rule = table.retention
            if rule is None:
                continue
            cutoff = now - dt.timedelta(days=days[rule.kind])
            condition = f"{rule.column} < $1 AND ({rule.where})"
            if rule.action == "delete":
                status = await conn.execute(f"DELETE FROM {table.table} WHERE {condition}", cutoff)  # noqa: S608 - names from the declaration, not input
            else:
                status = await conn.execute(f"UPDATE {table.table} SET {rule.action} WHERE {condition}", cutoff)  # noqa: S608 - names from the declaration, not input
            touched[table.table] = int(status.split()[-1])
    if any(touched.values()):
        log.info("retention applied", extra={"service": personal.service, "rows": touched})
    return touched


async def export_patron(pool: asyncpg.Pool, personal: PersonalData, patron_id: uuid.UUID) -> dict[str, Any]:
    """Every row this service holds about the patron, table by table (right of access)."""
    tables: dict[str, list[dict[str, Any]]] = {}
    async with pool.acquire() as conn:
        for table in personal.tables:
            if table.patron_column is None:
                continue
            columns = (table.patron_column,) if isinstance(table.patron_column, str) else table.patron_column
            matches = " OR ".join(f"{column} = $1" for column in columns)
            rows = await conn.fetch(f"SELECT * FROM {table.table} WHERE {matches}", patron_id)  # noqa: S608 - names from the declaration
            tables[table.table] = [{k: _jsonable(v) for k, v in row.items()} for row in rows]
    return {"service": personal.service, "tables": tables}


def _jsonable(value: Any) -> Any:
    if isinstance(value, (uuid.UUID, decimal.Decimal)):
        return str(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, str) and value[:1] in "{[":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value
