"""Snapshots of each service's internal OpenAPI document, committed beside the edge that composes them.

`uv run python -m lantern_devstack.apis write` regenerates services/edge/lantern_edge/upstream_apis/*.json.
"""

import importlib
import json
import sys
from pathlib import Path
from typing import Any

from .stack import SERVICES

SNAPSHOTS = Path(__file__).resolve().parents[3] / "services" / "edge" / "lantern_edge" / "upstream_apis"
_PLACEHOLDER_ENV = {"db_password": "unused", "internal_token": "unused"}


def internal_api(service: str) -> dict[str, Any]:
    """The service's own OpenAPI document, limited to its internal API (built without starting anything)."""
    settings_module = importlib.import_module(f"lantern_{service}.settings")
    settings_class = next(v for k, v in vars(settings_module).items()
                          if k.endswith("Settings") and k not in {"ServiceSettings", "DatabaseSettings", "HttpSettings"})
    app = importlib.import_module(f"lantern_{service}.app").create_app(settings_class(**_PLACEHOLDER_ENV))
    document = app.openapi()
    document["paths"] = {p: v for p, v in document.get("paths", {}).items() if p.startswith("/internal/v1/")}
    document.pop("servers", None)
    return document


def _canonical(node: Any) -> Any:
    """Enums in a stable order: Python's typing caches a Literal by its set of values, so which order a schema shows
    depends on which equal Literal was made first in the process (the web app's generated client has its own)."""
    if isinstance(node, dict):
        return {k: (sorted(v, key=str) if k == "enum" and isinstance(v, list) else _canonical(v)) for k, v in node.items()}
    if isinstance(node, list):
        return [_canonical(v) for v in node]
    return node


def render(service: str) -> str:
    return json.dumps(_canonical(internal_api(service)), indent=2, sort_keys=True) + "\n"


def write() -> None:
    SNAPSHOTS.mkdir(exist_ok=True)
    for service in SERVICES:
        (SNAPSHOTS / f"{service}.json").write_text(render(service))
        print(SNAPSHOTS / f"{service}.json")


if __name__ == "__main__":
    if sys.argv[1:] != ["write"]:
        sys.exit("usage: python -m lantern_devstack.apis write")
    write()
