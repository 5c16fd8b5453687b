"""Event contracts as JSON Schema files in the repo, and the checks that catch a change breaking a consumer.

`python -m lantern_shared.schemas write` regenerates `services/<service>/contracts/<type>.v<N>.json`
from each service's `events.PUBLISHED`; tests compare what the code says with what is committed.
"""

import importlib
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .contracts import EventContract

SERVICES = ("registration", "devices", "partners", "notifications")


def contracts_folder(service: str) -> Path:
    module = importlib.import_module(f"lantern_{service}")
    assert module.__file__ is not None, f"lantern_{service} is a package on disk"
    return Path(module.__file__).resolve().parents[1] / "contracts"


def published(service: str) -> list[EventContract[Any]]:
    return list(getattr(importlib.import_module(f"lantern_{service}.events"), "PUBLISHED", []))


def file_name(contract: EventContract[Any]) -> str:
    return f"{contract.type}.v{contract.version}.json"


def render(contract: EventContract[Any]) -> str:
    return json.dumps(contract.json_schema(), indent=2, sort_keys=True) + "\n"


def write(service: str) -> list[Path]:
    folder = contracts_folder(service)
    folder.mkdir(exist_ok=True)
    written = []
    for contract in published(service):
        path = folder / file_name(contract)
        path.write_text(render(contract))
        written.append(path)
    return written


def load_committed(service: str) -> dict[str, dict[str, Any]]:
    """Committed schemas by event type (the newest version of each)."""
    found: dict[str, tuple[int, dict[str, Any]]] = {}
    folder = contracts_folder(service)
    for path in sorted(folder.glob("*.json")) if folder.exists() else ():
        event_type, version = path.name.removesuffix(".json").rsplit(".v", 1)
        if event_type not in found or int(version) > found[event_type][0]:
            found[event_type] = (int(version), json.loads(path.read_text()))
    return {t: schema for t, (_, schema) in found.items()}


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = root.get("$defs", {}).get(name, {})
    return schema


def _types(schema: dict[str, Any], root: dict[str, Any]) -> set[str]:
    schema = _resolve(schema, root)
    if "anyOf" in schema:
        return set().union(*(_types(s, root) for s in schema["anyOf"]))
    if "enum" in schema:
        return {f"enum:{v}" for v in schema["enum"]}
    if "const" in schema:
        return {f"enum:{schema['const']}"}
    kind = schema.get("type", "any")
    if kind == "string" and "format" in schema:
        return {f"string:{schema['format']}"}
    return {kind} if isinstance(kind, str) else set(kind)


def breaking_changes(old: dict[str, Any], new: dict[str, Any], *, path: str = "", old_root=None, new_root=None) -> list[str]:
    """What a reader written against `old` would trip over in data shaped by `new`."""
    old_root, new_root = old_root or old, new_root or new
    old, new = _resolve(old, old_root), _resolve(new, new_root)
    problems = []
    old_props, new_props = old.get("properties", {}), new.get("properties", {})
    old_required = set(old.get("required", []))
    for name, old_field in old_props.items():
        where = f"{path}{name}"
        if name not in new_props:
            problems.append(f"{where}: removed")
            continue
        if name in old_required and name not in set(new.get("required", [])):
            problems.append(f"{where}: no longer always present")
        old_types, new_types = _types(old_field, old_root), _types(new_props[name], new_root)
        if not new_types <= old_types and "any" not in old_types:
            problems.append(f"{where}: type changed from {sorted(old_types)} to {sorted(new_types)}")
        sub_old, sub_new = _resolve(old_field, old_root), _resolve(new_props[name], new_root)
        if sub_old.get("properties") and sub_new.get("properties"):
            problems += breaking_changes(sub_old, sub_new, path=f"{where}.", old_root=old_root, new_root=new_root)
    return problems


def reader_incompatibilities(reader: type[BaseModel], producer_schema: dict[str, Any]) -> list[str]:
    """Fields a consumer's own copy requires that the producer does not always send, or sends with another type."""
    reader_schema = reader.model_json_schema(mode="validation")
    problems = []
    producer_props = producer_schema.get("properties", {})
    producer_required = set(producer_schema.get("required", []))
    for name in reader_schema.get("required", []):
        if name not in producer_props:
            problems.append(f"{name}: required by the reader, never sent")
        elif name not in producer_required:
            problems.append(f"{name}: required by the reader, not always sent")
    for name, field in reader_schema.get("properties", {}).items():
        if name in producer_props:
            sent = _types(producer_props[name], producer_schema)
            accepted = _types(field, reader_schema)
            if "any" not in accepted and not all(_reads(kind, accepted) for kind in sent):
                problems.append(f"{name}: sent as {sorted(sent)}, read as {sorted(accepted)}")
    return problems


def _reads(sent: str, accepted: set[str]) -> bool:
    """Whether a reader accepting `accepted` can take a value of kind `sent` (a plain str reads enums and formats)."""
    if sent in accepted or sent == "null":
        return True
    if sent.startswith(("enum:", "string:")) and "string" in accepted:
        return True
    return sent == "integer" and "number" in accepted


def main() -> None:
    """`write` regenerates every service's contracts; `write registration devices` only those named."""
    if not sys.argv[1:] or sys.argv[1] != "write" or not set(sys.argv[2:]) <= set(SERVICES):
        print(f"usage: python -m lantern_shared.schemas write [{' | '.join(SERVICES)} ...]", file=sys.stderr)
        sys.exit(2)
    for service in sys.argv[2:] or SERVICES:
        for path in write(service):
            print(path)


if __name__ == "__main__":
    main()
