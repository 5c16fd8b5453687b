"""Migrations apply once and refuse edited history; each service's role reaches only its own database."""

import asyncpg
import pytest

from lantern_devstack.stack import KEYS_DATABASE, SERVICES, SERVICES_WITH_DATABASE
from lantern_shared.migrations import MigrationError, MigrationSource, migrate


async def test_running_migrations_again_changes_nothing(stack):
    async def schema(service: str) -> list[tuple]:
        conn = await asyncpg.connect(stack.dsn(service))
        try:
            rows = await conn.fetch(
                "SELECT table_name, column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = 'public' ORDER BY 1, 2"
            )
            return [tuple(r) for r in rows]
        finally:
            await conn.close()

    before = {s: await schema(s) for s in SERVICES_WITH_DATABASE}
    applied = await stack.migrate_all()
    assert applied == {s: [] for s in (*SERVICES_WITH_DATABASE, KEYS_DATABASE)}
    assert {s: await schema(s) for s in SERVICES_WITH_DATABASE} == before
    assert all(("outbox", "event_id", "text") in before[s] for s in SERVICES)
    assert ("idempotency_keys", "key", "text") in before["edge"]


@pytest.fixture
async def scratch_db(stack, unique):
    name = f"scratch_{unique}"
    stack.postgres.ensure_service_database(name, "scratch-password")
    conn = await asyncpg.connect(f"postgresql://{name}:scratch-password@127.0.0.1:{stack.config.postgres_port}/{name}")
    yield conn
    await conn.close()
    stack.postgres.drop_service_database(name)


async def test_an_edited_migration_that_was_applied_is_refused(scratch_db, tmp_path):
    (tmp_path / "0001_first.sql").write_text("CREATE TABLE first (id int);")
    source = MigrationSource("scratch", tmp_path)
    assert await migrate(scratch_db, [source]) == ["scratch/0001_first"]
    (tmp_path / "0001_first.sql").write_text("CREATE TABLE first (id bigint);")
    with pytest.raises(MigrationError, match="changed after it was applied"):
        await migrate(scratch_db, [source])


async def test_a_failing_migration_leaves_nothing_half_applied(scratch_db, tmp_path):
    (tmp_path / "0001_broken.sql").write_text("CREATE TABLE half (id int); SELECT * FROM no_such_table;")
    with pytest.raises(asyncpg.UndefinedTableError):
        await migrate(scratch_db, [MigrationSource("scratch", tmp_path)])
    assert await scratch_db.fetchval("SELECT to_regclass('half')") is None
    assert await scratch_db.fetchval("SELECT count(*) FROM schema_migrations") == 0


@pytest.mark.parametrize("intruder,target", [("registration", "devices"), ("devices", "notifications"), ("notifications", "registration"), ("partners", "registration")])
async def test_a_service_role_cannot_reach_another_services_database(stack, intruder, target):
    password = stack.secrets[f"{intruder}_db_password"]
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        await asyncpg.connect(f"postgresql://{intruder}:{password}@127.0.0.1:{stack.config.postgres_port}/{target}")
