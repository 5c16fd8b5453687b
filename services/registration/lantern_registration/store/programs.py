"""Programs, and the partner organizations that can host them (a projection of partner events)."""

import json
from datetime import datetime
from uuid import UUID

import asyncpg

from ..domain.programs import Program, ProgramDetails
from ..domain.rules import RegistrationRules

_FIELDS = (
    "id", "kind", "titles::text", "descriptions::text", "fallback_language", "age_group", "audience_tags", "languages",
    "host_kind", "host_branch", "host_partner_id", "mentee_id", "mentor_id", "created_at", "updated_at",
    "registration_unit", "registration_mode", "staff_only_instructions::text", "opens_days_before",
    "closes_hours_before", "no_show_limit", "no_show_pause_days",
)
_COLUMNS = ", ".join(_FIELDS)
PREFIX = "program__"


def columns_of(alias: str) -> str:
    """The program's columns read through a join (`alias` is the programs table), each named with PREFIX."""
    return ", ".join(f"{alias}.{field} AS {PREFIX}{field.split('::')[0]}" for field in _FIELDS)


def from_prefixed(row: asyncpg.Record) -> Program:
    return _program({key.removeprefix(PREFIX): value for key, value in row.items() if key.startswith(PREFIX)})


def _program(row: asyncpg.Record | dict) -> Program:
    r = dict(row)
    mentorship = {"mentee_id": r["mentee_id"], "mentor_id": r["mentor_id"]} if r["mentee_id"] else None
    return Program(
        id=r["id"], kind=r["kind"], titles=json.loads(r["titles"]), descriptions=json.loads(r["descriptions"]),
        fallback_language=r["fallback_language"], age_group=r["age_group"], audience_tags=r["audience_tags"],
        languages=r["languages"], host={"kind": r["host_kind"], "branch": r["host_branch"], "partner_id": r["host_partner_id"]},
        mentorship=mentorship, created_at=r["created_at"], updated_at=r["updated_at"], registration=_rules(r),
    )


def _rules(r: dict) -> RegistrationRules:
    policy = ({"consecutive": r["no_show_limit"], "pause_days": r["no_show_pause_days"]}
              if r["no_show_limit"] is not None else None)
    return RegistrationRules(
        unit=r["registration_unit"], mode=r["registration_mode"],
        staff_only_instructions=json.loads(r["staff_only_instructions"]), opens_days_before=r["opens_days_before"],
        closes_hours_before=r["closes_hours_before"], no_show_policy=policy,
    )


def _values(details: ProgramDetails) -> tuple:
    m = details.mentorship
    rules = details.registration
    policy = rules.no_show_policy
    return (
        details.kind, json.dumps(details.titles), json.dumps(details.descriptions), details.fallback_language,
        details.age_group, details.audience_tags, details.languages, details.host.kind, details.host.branch,
        details.host.partner_id, m.mentee_id if m else None, m.mentor_id if m else None,
        rules.unit, rules.mode, json.dumps(rules.staff_only_instructions), rules.opens_days_before,
        rules.closes_hours_before, policy.consecutive if policy else None, policy.pause_days if policy else None,
    )


async def insert(conn: asyncpg.Connection, program_id: UUID, details: ProgramDetails) -> Program:
    row = await conn.fetchrow(
        f"""INSERT INTO programs (id, kind, titles, descriptions, fallback_language, age_group, audience_tags, languages,
                                  host_kind, host_branch, host_partner_id, mentee_id, mentor_id, registration_unit,
                                  registration_mode, staff_only_instructions, opens_days_before, closes_hours_before,
                                  no_show_limit, no_show_pause_days)
            VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb, $17,
                    $18, $19, $20) RETURNING {_COLUMNS}""",
        program_id, *_values(details),
    )
    return _program(row)


async def update(conn: asyncpg.Connection, program_id: UUID, details: ProgramDetails) -> Program:
    row = await conn.fetchrow(
        f"""UPDATE programs SET kind = $2, titles = $3::jsonb, descriptions = $4::jsonb, fallback_language = $5,
                age_group = $6, audience_tags = $7, languages = $8, host_kind = $9, host_branch = $10,
                host_partner_id = $11, mentee_id = $12, mentor_id = $13, registration_unit = $14,
                registration_mode = $15, staff_only_instructions = $16::jsonb, opens_days_before = $17,
                closes_hours_before = $18, no_show_limit = $19, no_show_pause_days = $20, updated_at = now()
            WHERE id = $1 RETURNING {_COLUMNS}""",
        program_id, *_values(details),
    )
    return _program(row)


async def get(conn: asyncpg.Connection, program_id: UUID) -> Program | None:
    row = await conn.fetchrow(f"SELECT {_COLUMNS} FROM programs WHERE id = $1", program_id)
    return _program(row) if row else None


async def page(
    conn: asyncpg.Connection, *, limit: int, after: tuple[datetime, UUID] | None, kind: str | None = None,
    age_group: str | None = None, language: str | None = None, partner_id: UUID | None = None,
    audience_tag: str | None = None,
) -> list[Program]:
    rows = await conn.fetch(
        f"""SELECT {_COLUMNS} FROM programs
            WHERE ($1::text IS NULL OR kind = $1)
              AND ($2::text IS NULL OR age_group = $2)
              AND ($3::text IS NULL OR $3 = ANY (languages))
              AND ($4::uuid IS NULL OR host_partner_id = $4)
              AND ($5::text IS NULL OR $5 = ANY (audience_tags))
              AND ($6::timestamptz IS NULL OR (created_at, id) > ($6, $7::uuid))
            ORDER BY created_at, id LIMIT $8""",
        kind, age_group, language, partner_id, audience_tag, *(after or (None, None)), limit + 1,
    )
    return [_program(r) for r in rows]


# ---- hosts -------------------------------------------------------------------------------------------------

async def host_status(conn: asyncpg.Connection, partner_id: UUID) -> str | None:
    return await conn.fetchval("SELECT status FROM hosts WHERE partner_id = $1", partner_id)


async def upsert_host(conn: asyncpg.Connection, partner_id: UUID, name: str, status: str | None) -> None:
    """A status of None keeps the one known (an event that only renames)."""
    await conn.execute(
        """INSERT INTO hosts (partner_id, name, status) VALUES ($1, $2, coalesce($3, 'prospect'))
           ON CONFLICT (partner_id) DO UPDATE
           SET name = excluded.name, status = coalesce($3, hosts.status), updated_at = now()""",
        partner_id, name, status,
    )


async def hosts(conn: asyncpg.Connection) -> list[dict]:
    rows = await conn.fetch("SELECT partner_id, name, status, updated_at FROM hosts ORDER BY name, partner_id")
    return [dict(r) for r in rows]
