"""The problem details registration answers with: 404s, field errors, and conflicts that give a reason."""

from typing import Any

from lantern_shared.problems import Problem


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
