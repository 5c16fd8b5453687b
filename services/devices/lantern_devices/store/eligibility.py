"""The programme's rules per kind of device, as staff last set them."""

import asyncpg

from ..domain.devices import DeviceKind
from ..domain.eligibility import ProgrammeRules


async def get_rules(conn: asyncpg.Connection, kind: DeviceKind) -> ProgrammeRules | None:
    rules = await conn.fetchval("SELECT rules FROM programme_rules WHERE device_kind = $1", kind)
    return ProgrammeRules.model_validate_json(rules) if rules else None


async def put_rules(conn: asyncpg.Connection, kind: DeviceKind, rules: ProgrammeRules, actor: str) -> ProgrammeRules:
    await conn.execute(
        """INSERT INTO programme_rules (device_kind, rules, updated_by) VALUES ($1, $2, $3)
           ON CONFLICT (device_kind) DO UPDATE SET rules = excluded.rules, updated_by = excluded.updated_by,
                                                   updated_at = now()""",
        kind, rules.model_dump_json(), actor,
    )
    return rules
