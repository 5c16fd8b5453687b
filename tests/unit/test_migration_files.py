"""Every service's migration folder is well formed (named NNNN_name.sql, no number used twice)."""

import importlib

import pytest

from lantern_shared.migrations import sources_for


@pytest.mark.parametrize("service", ["registration", "devices", "partners", "notifications"])
def test_migration_folders_are_well_formed(service):
    folder = importlib.import_module(f"lantern_{service}.app").MIGRATIONS
    sources = sources_for(service, folder)
    assert [m.version for m in sources[0].migrations()][0] == 1
    assert sources[1].migrations(), f"{service} has no migrations"
