"""Regenerates lantern_web/edge_api (the typed edge client) from the edge's public OpenAPI document.

Run: `uv run --no-sync python frontends/web/scripts/generate_edge_client.py` after the edge's public API changed.
This script (not the web app) imports the edge to build its document: the app itself never imports a service.
"""

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from fastapi import FastAPI

WEB = Path(__file__).resolve().parents[1]
TARGET = WEB / "lantern_web" / "edge_api"
DOCUMENT = WEB / "edge-openapi.json"
CONFIG = WEB / "scripts" / "openapi-client.yaml"


def public_document() -> dict:
    from lantern_edge.composed import composed_router
    from lantern_edge.openapi import build_openapi
    from lantern_edge.routes import forwarding_router
    from lantern_edge.signin import router as signin_router

    app = FastAPI(title="Lantern API", version="0.1.0")
    app.include_router(signin_router)
    app.include_router(composed_router())
    app.include_router(forwarding_router())
    document = build_openapi(app)
    # Two services may each have a schema titled "Host" or "Need": name every model by its (unique) component key.
    for key, schema in document["components"]["schemas"].items():
        schema["title"] = key
    return _open_pattern_maps(document)


def _open_pattern_maps(node: Any) -> Any:
    """Maps keyed by a pattern (titles by language tag) become plain maps of their values' schema: the generator
    drops `patternProperties`, which would lose every title. The edge still checks the keys."""
    if isinstance(node, dict):
        if "patternProperties" in node and "properties" not in node:
            values = next(iter(node["patternProperties"].values()), {})
            node = {**{k: v for k, v in node.items() if k != "patternProperties"}, "additionalProperties": values}
        return {k: _open_pattern_maps(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_open_pattern_maps(v) for v in node]
    return node


def generate(into: Path) -> Path:
    """Writes the document and the generated package under `into`; returns the package folder."""
    document = into / "edge-openapi.json"
    document.write_text(json.dumps(public_document(), indent=2, sort_keys=True) + "\n")
    run = subprocess.run([sys.executable, "-m", "openapi_python_client", "generate", "--path", str(document),
                    "--meta", "none", "--config", str(CONFIG), "--output-path", str(into / "edge_api"),
                          "--overwrite"], check=False, capture_output=True, text=True)
    if run.returncode != 0 or "Warning" in run.stdout:
        raise SystemExit(f"openapi-python-client could not generate the whole client:\n{run.stdout}\n{run.stderr}")
    return into / "edge_api"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        package = generate(Path(tmp))
        shutil.rmtree(TARGET, ignore_errors=True)
        shutil.copytree(package, TARGET)
        shutil.copy(Path(tmp) / "edge-openapi.json", DOCUMENT)
    print(TARGET)


if __name__ == "__main__":
    main()
