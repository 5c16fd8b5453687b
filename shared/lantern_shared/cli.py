"""Command line of every service: `serve` runs it, `migrate` applies its migrations."""

import argparse
import asyncio
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import asyncpg
import uvicorn
from fastapi import FastAPI

from . import tracing
from .logging import configure_logging
from .migrations import MigrationError, MigrationSource, migrate, sources_for
from .sealing import KEYS_DATABASE, KEYS_MIGRATIONS, KEYS_OWNER
from .settings import DatabaseSettings, HttpSettings, ServiceSettings


S = TypeVar("S", bound=HttpSettings)


def service_main(
    settings_class: type[S],
    create_app: Callable[[S], FastAPI],
    migrations_folder: Path | None,
    *,
    backbone: bool = True,
) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["serve", "migrate"])
    args = parser.parse_args()
    settings = settings_class()
    configure_logging(settings.service_name, settings.log_level)
    log = logging.getLogger(f"lantern.{settings.service_name}")
    if args.command == "migrate":
        if migrations_folder is None:
            log.info("no database: nothing to migrate")
            return
        try:
            assert isinstance(settings, DatabaseSettings), "a process with migrations owns a database"
            applied = asyncio.run(_migrate(settings, migrations_folder, backbone))
        except MigrationError as exc:
            log.error("migration refused: %s", exc)
            sys.exit(2)
        log.info("migrations applied", extra={"applied": applied})
        return
    tracing.configure(settings.service_name, settings.otlp_endpoint)
    uvicorn.run(
        create_app(settings), host=settings.http_host, port=settings.http_port,
        log_config=None, access_log=False, timeout_graceful_shutdown=10,
    )


async def _migrate(settings: DatabaseSettings, folder: Path, backbone: bool) -> list[str]:
    conn = await asyncpg.connect(settings.dsn)
    try:
        applied = await migrate(conn, sources_for(settings.service_name, folder, backbone=backbone))
    finally:
        await conn.close()
    # The data-key store is migrated by the one service that owns the keys' lifecycle (it destroys them).
    if isinstance(settings, ServiceSettings) and settings.keys_dsn and settings.service_name == KEYS_OWNER:
        conn = await asyncpg.connect(settings.keys_dsn.get_secret_value())
        try:
            applied += await migrate(conn, [MigrationSource(KEYS_DATABASE, KEYS_MIGRATIONS)])
        finally:
            await conn.close()
    return applied
