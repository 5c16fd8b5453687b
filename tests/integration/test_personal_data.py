"""Every column that looks personal, in every service's real migrated schema, is declared: where personal data lives,
how erasure treats it, or why it is not about patrons. A new table with personal data cannot be forgotten."""

import asyncpg
import pytest

from lantern_devstack.stack import SERVICES_WITH_DATABASE
from lantern_shared.personal import looks_personal


def declared(service: str):
    return __import__(f"lantern_{service}.privacy", fromlist=["PERSONAL_DATA"]).PERSONAL_DATA


async def columns(stack, service: str) -> dict[str, set[str]]:
    conn = await asyncpg.connect(stack.dsn(service))
    try:
        rows = await conn.fetch("SELECT table_name, column_name FROM information_schema.columns "
                                "WHERE table_schema = 'public'")
    finally:
        await conn.close()
    tables: dict[str, set[str]] = {}
    for row in rows:
        tables.setdefault(row["table_name"], set()).add(row["column_name"])
    return tables


@pytest.mark.parametrize("service", SERVICES_WITH_DATABASE)
async def test_every_personal_looking_column_is_declared(stack, service):
    personal = declared(service)
    schema = await columns(stack, service)
    forgotten = sorted(f"{table}.{column}" for table, cols in schema.items() for column in cols
                       if looks_personal(column) and not personal.covers(table, column))
    assert forgotten == [], f"declare these in lantern_{service}/privacy.py (personal, or not and why)"


@pytest.mark.parametrize("service", SERVICES_WITH_DATABASE)
async def test_every_declaration_names_columns_that_exist(stack, service):
    personal = declared(service)
    schema = await columns(stack, service)
    named = [(t.table, c) for t in personal.tables for c in t.columns] + \
        [(n.table, c) for n in personal.not_personal for c in n.columns]
    named += [(t.table, t.retention.column) for t in personal.tables if t.retention]
    for t in personal.tables:
        if t.patron_column is not None:
            cols = (t.patron_column,) if isinstance(t.patron_column, str) else t.patron_column
            named += [(t.table, c) for c in cols]
    assert [f"{t}.{c}" for t, c in named if c not in schema.get(t, set())] == []


def test_the_pattern_catches_a_new_table_of_contact_details():
    """What the coverage test would catch: a made-up table someone adds next month."""
    assert all(looks_personal(c) for c in ("guardian_name", "email", "mobile_phone", "home_address", "patron_id",
                                           "library_card_number", "message_body"))
    assert not any(looks_personal(c) for c in ("id", "created_at", "status", "capacity"))
