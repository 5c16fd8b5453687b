"""OpenAPI links in the public document: what a create answers with feeds the operations on what it created.

A POST that creates (`/programs`, `/sessions/{session_id}/registrations`) answers with the new resource's `id`; every
operation under `/programs/{program_id}` (or `/registrations/{registration_id}`) takes that id. Stateful fuzzing
follows these links, so it reaches real records instead of guessed ids that only ever answer 404.
"""

import re
from typing import Any

_PARAM = re.compile(r"^\{(\w+)\}$")


def _answers_with_id(response: dict[str, Any], schemas: dict[str, Any]) -> bool:
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    ref = schema.get("$ref", "")
    if ref:
        schema = schemas.get(ref.rsplit("/", 1)[-1], {})
    return "id" in schema.get("properties", {})


def add_links(paths: dict[str, Any], schemas: dict[str, Any]) -> None:
    """Link each create's 2xx answer to the operations on `/<collection>/{id param}...` it created a member of."""
    operations = [(path, method, op) for path, item in paths.items() for method, op in item.items()
                  if isinstance(op, dict) and "operationId" in op]
    for path, method, create in operations:
        if method != "post" or path.endswith("}"):
            continue
        collection = path.rstrip("/").rsplit("/", 1)[-1]
        targets = []
        for other, other_method, op in operations:
            parts = other.split("/")
            if other_method == "delete" and not _PARAM.match(parts[-1]) and any(_PARAM.match(p) for p in parts):
                # DELETE of a record's one-of sub-resource (`/patrons/{id}/calendar-feed`, `/borrowers/{id}/block`):
                # it exists only once made, not because its parent was just created
                continue
            for i in range(len(parts) - 1):
                found = _PARAM.match(parts[i + 1])
                if parts[i] == collection and found and "/".join(parts[:i]).count("{") == 0:
                    targets.append((op["operationId"], found.group(1)))
                    break
        for status, response in create.get("responses", {}).items():
            if not targets or not status.startswith("2") or not _answers_with_id(response, schemas):
                continue
            response["links"] = {f"{target}_by_{param}": {
                "operationId": target, "parameters": {param: "$response.body#/id"},
                "description": f"The {param} this call created"} for target, param in targets}
