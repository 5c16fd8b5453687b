"""Migrations runner: numbered plain-SQL files, each applied once in its own transaction, recorded with a checksum."""

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import asyncpg

SHARED_MIGRATIONS = Path(__file__).parent / "migrations"
_FILE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
_LOCK_KEY = 7_231_004  # any constant: serialises concurrent runners against one database


class MigrationError(RuntimeError):
    pass


@dataclass(frozen=True)
class Migration:
    scope: str
    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode()).hexdigest()


@dataclass(frozen=True)
class MigrationSource:
    """A folder of migrations; `scope` keeps the shared library's numbering apart from a service's."""

    scope: str
    folder: Path

    def migrations(self) -> list[Migration]:
        found = []
        for path in sorted(self.folder.glob("*.sql")):
            match = _FILE.match(path.name)
            if not match:
                raise MigrationError(f"{path}: migration files are named NNNN_name.sql")
            found.append(Migration(self.scope, int(match[1]), match[2], path.read_text()))
        versions = [m.version for m in found]
        if len(set(versions)) != len(versions):
            raise MigrationError(f"{self.folder}: two migrations share a number")
        return found


def sources_for(service: str, folder: Path, *, backbone: bool = True) -> list[MigrationSource]:
    """A service's migrations, after the shared outbox and inbox tables unless it has no events (the edge)."""
    own = MigrationSource(service, folder)
    return [MigrationSource("shared", SHARED_MIGRATIONS), own] if backbone else [own]


async def migrate(conn: asyncpg.Connection, sources: list[MigrationSource]) -> list[str]:
    """Apply what has not been applied; refuse if an applied file has changed. Returns what it applied."""
    await conn.execute(
        """CREATE TABLE IF NOT EXISTS schema_migrations (
               scope text NOT NULL, version int NOT NULL, name text NOT NULL, checksum text NOT NULL,
               applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (scope, version))"""
    )
    await conn.execute("SELECT pg_advisory_lock($1)", _LOCK_KEY)
    try:
        rows = await conn.fetch("SELECT scope, version, name, checksum FROM schema_migrations")
        applied = {(r["scope"], r["version"]): r for r in rows}
        done: list[str] = []
        for source in sources:
            for migration in source.migrations():
                label = f"{migration.scope}/{migration.version:04d}_{migration.name}"
                previous = applied.get((migration.scope, migration.version))
                if previous is not None:
                    if previous["checksum"] != migration.checksum:
                        raise MigrationError(f"{label} was changed after it was applied; add a new migration instead")
                    continue
                async with conn.transaction():
                    await conn.execute(migration.sql)
                    await conn.execute(
                        "INSERT INTO schema_migrations (scope, version, name, checksum) VALUES ($1, $2, $3, $4)",
                        migration.scope, migration.version, migration.name, migration.checksum,
                    )
                done.append(label)
        return done
    finally:
        await conn.execute("SELECT pg_advisory_unlock($1)", _LOCK_KEY)
