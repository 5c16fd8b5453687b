"""Proposed changes to partner records, waiting for review or reviewed."""

import json
from datetime import date, datetime
from uuid import UUID

import asyncpg

from ..domain.proposals import Proposal
from ..domain.records import PartnerRecord

_PROPOSAL = ("SELECT id, organization_id AS partner_id, record, note, state, proposed_by, proposed_at, reviewed_by, "
             "reviewed_at, review_note, assured_on, assurer_email, based_on FROM record_proposals")


def _proposal(row: asyncpg.Record) -> Proposal:
    fields = {k: row[k] for k in row.keys() if k not in ("record", "based_on")}
    record = PartnerRecord.model_validate(json.loads(row["record"]), context={"imported": True})
    return Proposal.model_validate({**fields, "record": record})


async def insert(conn: asyncpg.Connection, proposal: Proposal, based_on: str) -> None:
    await conn.execute(
        """INSERT INTO record_proposals (id, organization_id, record, based_on, note, proposed_by, proposed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)""",
        proposal.id, proposal.partner_id, proposal.record.model_dump_json(), based_on, proposal.note,
        proposal.proposed_by, proposal.proposed_at,
    )


async def get(conn: asyncpg.Connection, proposal_id: UUID, *, for_update: bool = False) -> tuple[Proposal, str] | None:
    row = await conn.fetchrow(f"{_PROPOSAL} WHERE id = $1{' FOR UPDATE' if for_update else ''}", proposal_id)
    return (_proposal(row), row["based_on"]) if row else None


async def review(conn: asyncpg.Connection, proposal_id: UUID, *, state: str, by: str, at: datetime,
                 note: str | None, assured_on: date | None, assurer_email: str | None) -> None:
    await conn.execute(
        """UPDATE record_proposals SET state = $2, reviewed_by = $3, reviewed_at = $4, review_note = $5,
                  assured_on = $6, assurer_email = $7 WHERE id = $1""",
        proposal_id, state, by, at, note, assured_on, assurer_email,
    )


async def listed(conn: asyncpg.Connection, *, partner_id: UUID | None, state: str | None,
                 after: tuple[datetime, UUID] | None, limit: int) -> list[Proposal]:
    rows = await conn.fetch(
        f"""{_PROPOSAL}
            WHERE ($1::uuid IS NULL OR organization_id = $1) AND ($2::text IS NULL OR state = $2)
              AND ($3::timestamptz IS NULL OR (proposed_at, id) > ($3::timestamptz, $4::uuid))
            ORDER BY proposed_at, id LIMIT $5""",
        partner_id, state, after[0] if after else None, after[1] if after else None, limit,
    )
    return [_proposal(r) for r in rows]
