"""The problem details registration answers with: 404s, field errors, and conflicts that give a reason."""

import contextlib
from collections.abc import Iterator
from typing import Any

from pydantic import ValidationError

from lantern_shared.problems import Problem, field_errors


def not_found(what: str, ident: object) -> Problem:
    return Problem(404, "Not found", f"No {what} {ident}.", type="urn:lantern:problem:not_found")


def invalid(field: str, message: str) -> Problem:
    return Problem(
        422, "Invalid request", f"These fields are invalid: {field}", type="urn:lantern:problem:validation",
        errors=[{"field": field, "message": message}],
    )


def conflict(reason: str, detail: str, **extra: Any) -> Problem:
    """409 with a machine-readable `reason` the edge and frontends can branch on."""
    return Problem(409, "Conflict", detail, type=f"urn:lantern:problem:{reason}", reason=reason, **extra)


@contextlib.contextmanager
def field_errors_as_problem() -> Iterator[None]:
    """A change merged into the current state is validated as a whole; its errors name the fields like any other."""
    try:
        yield
    except ValidationError as exc:
        errors = field_errors(list(exc.errors()))
        raise Problem(422, "Invalid request", f"These fields are invalid: {', '.join(e['field'] for e in errors)}",
                      type="urn:lantern:problem:validation", errors=errors) from exc
