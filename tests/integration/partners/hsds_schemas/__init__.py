"""The HSDS 3.0 schemas (Open Referral, CC BY-SA 4.0) that the read API's responses must validate against."""

import functools
import json
from pathlib import Path
from typing import Any

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from lantern_partners.hsds.schema import SCHEMA_PATH

HERE = Path(__file__).parent
BASE = "https://schemas.openreferral.test/hsds/3.0/"
FILES = {
    "service": "service_with_definitions.json", "service_list": "service_list.json",
    "organization_list": "organization_list.json", "service_at_location_list": "service_at_location_list.json",
    "taxonomy": "taxonomy.json", "taxonomy_term": "taxonomy_term.json", "metadata": "metadata.json",
}


@functools.cache
def _registry() -> Registry:
    resources = [(BASE + file, Resource.from_contents(json.loads((HERE / file).read_text()), DRAFT202012))
                 for file in FILES.values()]
    organization = json.loads(SCHEMA_PATH.read_text())
    resources.append((BASE + "organization.json", Resource.from_contents(organization, DRAFT202012)))
    page = json.loads((HERE / "openapi.json").read_text())["components"]["schemas"]["Page"]
    resources.append((BASE + "page.json", Resource.from_contents(page, DRAFT202012)))
    return Registry().with_resources(resources)


def _validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema, registry=_registry(),
                                           format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def problems(document: Any, schema: str) -> list[str]:
    """Where `document` breaks the named HSDS schema ('service', 'organization', 'taxonomy_term', ...)."""
    file = FILES.get(schema, f"{schema}.json")
    errors = _validator({"$ref": BASE + file}).iter_errors(document)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors]


def page_problems(document: Any, item_schema: str) -> list[str]:
    """Where a list response breaks the HSDS OpenAPI's Page with `contents` of the named item schema."""
    file = FILES.get(item_schema, f"{item_schema}.json")
    schema = {"allOf": [{"$ref": BASE + "page.json"}], "type": "object",
              "required": ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty",
                           "contents"],
              "properties": {"contents": {"type": "array", "items": {"$ref": BASE + file}}}}
    errors = _validator(schema).iter_errors(document)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors]
