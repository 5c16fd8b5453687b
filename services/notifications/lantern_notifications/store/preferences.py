"""Recipients' preferences."""

from collections.abc import Mapping
from datetime import time
from typing import Any
from uuid import UUID

import asyncpg

from ..domain.preferences import Preferences, QuietHours


async def get_preferences(conn: asyncpg.Connection, recipient_id: UUID) -> Preferences:
    row = await conn.fetchrow("SELECT * FROM preferences WHERE recipient_id = $1", recipient_id)
    return Preferences() if row is None else from_row(row)


async def preferences_of(conn: asyncpg.Connection, recipient_ids: list[UUID]) -> dict[UUID, Preferences]:
    """Each recipient's preferences; the defaults for one who never chose."""
    rows = await conn.fetch("SELECT * FROM preferences WHERE recipient_id = ANY($1::uuid[])", recipient_ids)
    chosen = {r["recipient_id"]: from_row(r) for r in rows}
    return {i: chosen.get(i) or Preferences() for i in recipient_ids}


def from_row(row: Mapping[str, Any]) -> Preferences:
    quiet = QuietHours(start=row["quiet_start"], end=row["quiet_end"]) if row["quiet_start"] is not None else None
    return Preferences(
        channels=row["channels"], opted_out=row["opted_out"], quiet_hours=quiet,
        quiet_hours_enabled=row["quiet_hours_enabled"], timezone=row["timezone"],
    )


async def put_preferences(conn: asyncpg.Connection, recipient_id: UUID, preferences: Preferences) -> None:
    quiet_start: time | None = preferences.quiet_hours.start if preferences.quiet_hours else None
    quiet_end: time | None = preferences.quiet_hours.end if preferences.quiet_hours else None
    await conn.execute(
        """INSERT INTO preferences (recipient_id, channels, opted_out, quiet_start, quiet_end, quiet_hours_enabled, timezone)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (recipient_id) DO UPDATE SET channels = EXCLUDED.channels, opted_out = EXCLUDED.opted_out,
               quiet_start = EXCLUDED.quiet_start, quiet_end = EXCLUDED.quiet_end,
               quiet_hours_enabled = EXCLUDED.quiet_hours_enabled, timezone = EXCLUDED.timezone, updated_at = now()""",
        recipient_id,
        None if preferences.channels is None else [str(c) for c in preferences.channels],
        [str(c) for c in preferences.opted_out], quiet_start, quiet_end, preferences.quiet_hours_enabled,
        preferences.timezone,
    )
