"""The HSDS 3.0 organization schema: where a document breaks it, said without the offending values."""

import functools
import json
from pathlib import Path
from typing import Any

import jsonschema

SCHEMA_PATH = Path(__file__).parent / "organization.schema.json"


@functools.cache
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text())
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def schema_problems(document: Any) -> list[str]:
    """Where the document breaks the HSDS 3.0 organization schema, one line per problem.

    The offending values are left out: they may be a person's email or phone, and these reasons end up in
    logs and dead-letter headers.
    """
    errors = sorted(_validator().iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    return [f"{'.'.join(map(str, e.absolute_path)) or 'organization'}: {_say(e)}" for e in errors]


def _say(error: jsonschema.ValidationError) -> str:
    rule, expected = error.validator, error.validator_value
    if rule == "required":
        return error.message  # names the missing property only
    if rule == "enum":
        return f"must be one of {', '.join(map(repr, expected))}"
    if rule == "format":
        return f"must be a valid {expected}"
    if rule == "type":
        return f"must be of type {expected}"
    return f"breaks the schema's {rule!r} rule ({expected!r})"

