"""The public OpenAPI document: the services' own request and response schemas, under /api/v1, with roles.

The edge does not import the services. Their internal OpenAPI documents are snapshots committed in
`upstream_apis/` (regenerate with `uv run python -m lantern_devstack.apis write`; a test checks they are current).
"""

import copy
import json
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from lantern_shared.http import ACTOR_HEADER, INTERNAL_TOKEN_HEADER

from .links import add_links
from .policy import EDGE_ROUTES, RULES, Rule

SNAPSHOTS = Path(__file__).parent / "upstream_apis"
PROBLEM = {"$ref": "#/components/schemas/Problem"}
PROBLEM_SCHEMA = {
    "type": "object",
    "description": "RFC 9457 problem details",
    "properties": {
        "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
        "detail": {"type": "string"}, "instance": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object", "properties": {
            "field": {"type": "string"}, "message": {"type": "string"}}}},
    },
    "required": ["type", "title", "status"],
}
_ERRORS = {
    "400": "Malformed request (the body is not JSON)",
    "401": "Missing, invalid or expired bearer token",
    "403": "The caller's role may not do this, or it belongs to someone else",
    "404": "Not found", "409": "Conflict (the detail says why)", "422": "Invalid request (each field named)",
    "503": "The owning service is unavailable",
}


# Headers the edge itself sends to a service; callers never send them, so the public document does not show them.
_EDGE_SET_HEADERS = {INTERNAL_TOKEN_HEADER.lower(), ACTOR_HEADER.lower()}


def load_snapshots() -> dict[str, dict[str, Any]]:
    return {p.stem: json.loads(p.read_text()) for p in sorted(SNAPSHOTS.glob("*.json"))}


# Pydantic describes a naive `time` as JSON Schema's "time", which requires a UTC offset; Lantern's times of day
# (opening hours, quiet hours) are local wall-clock times, so the public document says what is really sent.
LOCAL_TIME = {"type": "string", "pattern": r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?$",
              "description": "Local wall-clock time, HH:MM[:SS]"}


def _local_times(node: Any) -> Any:
    """Also closes maps keyed by a pattern (titles by language tag): a key outside the pattern is refused, so the
    document says so instead of letting any other key through."""
    if isinstance(node, dict):
        if node.get("type") == "string" and node.get("format") == "time":
            return {**{k: v for k, v in node.items() if k != "format"}, **LOCAL_TIME}
        if "patternProperties" in node and "properties" not in node and "additionalProperties" not in node:
            node = {**node, "additionalProperties": False}
        return {k: _local_times(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_local_times(v) for v in node]
    return node


def _rename_refs(node: Any, renames: dict[str, str]) -> Any:
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str) and v.rsplit("/", 1)[-1] in renames:
                out[k] = f"#/components/schemas/{renames[v.rsplit('/', 1)[-1]]}"
            else:
                out[k] = _rename_refs(v, renames)
        return out
    if isinstance(node, list):
        return [_rename_refs(v, renames) for v in node]
    return node


def _operation(rule: Rule, source: dict[str, Any] | None) -> dict[str, Any]:
    operation: dict[str, Any] = copy.deepcopy(source) if source else {"responses": {"200": {"description": "OK"}}}
    operation.pop("operationId", None)
    operation["operationId"] = f"{rule.method.lower()}{rule.path.replace('/', '_').replace('{', '').replace('}', '')}"
    operation["summary"] = rule.summary or operation.get("summary", "")
    operation["tags"] = [rule.path.strip("/").split("/")[0]]
    operation["security"] = [] if rule.signed_by or rule.public else [{"bearer": []}]
    operation["x-lantern-roles"] = {role.value: rule.access(role) for role in rule.roles}
    if rule.signed_by:
        operation["x-lantern-signed-by"] = rule.signed_by
    operation["parameters"] = [p for p in operation.get("parameters", [])
                                if (p.get("in") != "path" or f"{{{p['name']}}}" in rule.path)
                                and not (p.get("in") == "header" and p["name"].lower() in _EDGE_SET_HEADERS)]
    responses = operation.setdefault("responses", {})
    for status, description in _ERRORS.items():
        responses.setdefault(status, {"description": description,
                                      "content": {"application/problem+json": {"schema": PROBLEM}}})
    if "requestBody" in operation:
        responses.setdefault("415", {"description": "The body is not sent as application/json",
                                     "content": {"application/problem+json": {"schema": PROBLEM}}})
    for status in list(responses):
        if status == "422":
            responses[status] = {"description": _ERRORS["422"], "content": {"application/problem+json": {"schema": PROBLEM}}}
    if rule.method == "POST":
        params = operation.setdefault("parameters", [])
        params.append({"name": "Idempotency-Key", "in": "header", "required": False, "schema": {"type": "string", "maxLength": 255},
                       "description": "Retrying with the same key returns the first response and creates nothing new"})
    return operation


def build_openapi(app: FastAPI) -> dict[str, Any]:
    document = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    paths: dict[str, Any] = {p: v for p, v in document.get("paths", {}).items() if not p.startswith("/api/v1/") or
                             p.startswith("/api/v1/auth/") or any(p == f"/api/v1{r.path}" for r in EDGE_ROUTES)}
    schemas: dict[str, Any] = dict(document.get("components", {}).get("schemas", {}))
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    snapshots = load_snapshots()
    renames_by_service: dict[str, dict[str, str]] = {}
    for service, snapshot in snapshots.items():
        renames: dict[str, str] = {}
        for name, schema in snapshot.get("components", {}).get("schemas", {}).items():
            if name in {"HTTPValidationError", "ValidationError"}:
                continue
            target = name if name not in schemas or schemas[name] == schema else f"{service}_{name}"
            renames[name] = target
        for name, target in renames.items():
            schemas[target] = _rename_refs(snapshot["components"]["schemas"][name], renames)
        renames_by_service[service] = renames
    for rule in RULES:
        snapshot = snapshots.get(rule.service, {})
        source = snapshot.get("paths", {}).get(rule.internal_path, {}).get(rule.method.lower())
        source = _rename_refs(source, renames_by_service.get(rule.service, {})) if source else None
        paths.setdefault(f"/api/v1{rule.path}", {})[rule.method.lower()] = _operation(rule, source)
    for rule in EDGE_ROUTES:
        existing = paths.get(f"/api/v1{rule.path}", {}).get(rule.method.lower())
        if existing is not None:
            paths[f"/api/v1{rule.path}"][rule.method.lower()] = _operation(rule, existing)
    schemas["Problem"] = PROBLEM_SCHEMA
    add_links(paths, schemas)
    document["paths"] = _local_times(paths)
    document["components"] = {
        "schemas": _local_times(schemas),
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}},
    }
    return document
