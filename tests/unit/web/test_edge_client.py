"""The web app's edge client is generated from the edge's public OpenAPI document, and is current with it."""

import filecmp
import importlib.util
from pathlib import Path

from tests.support import REPO

WEB = REPO / "frontends/web"


def generator():
    spec = importlib.util.spec_from_file_location("generate_edge_client", WEB / "scripts/generate_edge_client.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def differences(left: Path, right: Path) -> list[str]:
    compared = filecmp.dircmp(left, right, ignore=["__pycache__"])
    found = [f"only in {left.name}: {n}" for n in compared.left_only] + [f"new: {n}" for n in compared.right_only]
    found += [str(left / n) for n in compared.diff_files]
    for name in compared.common_dirs:
        found += differences(left / name, right / name)
    return found


def test_the_generated_edge_client_is_current(tmp_path):
    fresh = generator().generate(tmp_path)
    stale = differences(WEB / "lantern_web/edge_api", fresh)
    assert stale == [], ("the edge's public API changed: run `uv run --no-sync python "
                         "frontends/web/scripts/generate_edge_client.py`\n" + "\n".join(stale[:20]))


def test_the_web_app_imports_no_service_package():
    for path in (WEB / "lantern_web").rglob("*.py"):
        text = path.read_text()
        for service in ("lantern_edge", "lantern_registration", "lantern_devices", "lantern_partners",
                        "lantern_notifications", "lantern_shared"):
            assert f"import {service}" not in text and f"from {service}" not in text, f"{path} imports {service}"
