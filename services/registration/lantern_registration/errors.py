"""Registration's own refusals, over lantern_shared.refusals."""

import contextlib
from collections.abc import Iterator

from pydantic import ValidationError

from lantern_shared.refusals import Refusal, conflict, invalid


def no_such_patron(field: str = "patron_id") -> Refusal:
    # A well-formed id that names nobody enrolled is a conflict with what exists, not a malformed request (422).
    return conflict("no_such_patron", "No enrolled patron has this id.", field=field)


@contextlib.contextmanager
def merged_fields_checked() -> Iterator[None]:
    """A change merged into the current state is validated as a whole; its error names the field like any other.
    A refusal names one field: the merge of an already valid change fails on one rule at a time in practice."""
    try:
        yield
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(part) for part in error.get("loc", ())) or "body"
        raise invalid(field, error.get("msg", "invalid")) from exc
