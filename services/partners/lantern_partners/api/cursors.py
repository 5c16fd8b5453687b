"""Cursors of lists not ordered by (time, id), read back into their parts' types like lantern_shared's `keyset`."""

from collections.abc import Callable
from typing import Any
from uuid import UUID

from lantern_shared.pagination import PageRequest
from lantern_shared.refusals import invalid


def typed_keyset(page: PageRequest, *parsers: Callable[[Any], Any]) -> tuple | None:
    """The cursor's sort key, each part read back by its parser; a cursor this API did not issue is refused."""
    if page.after is None:
        return None
    try:
        if len(page.after) != len(parsers):
            raise ValueError("wrong length")
        return tuple(parse(value) for parse, value in zip(parsers, page.after, strict=True))
    except (TypeError, ValueError) as exc:
        raise invalid("cursor", "cursor is not one this API issued") from exc


def _exactly(kind: type) -> Callable[[Any], Any]:
    def parse(value: Any) -> Any:
        if type(value) is not kind:
            raise TypeError(f"expected {kind.__name__}")
        return value

    return parse


NAME_AND_ID = (str, UUID)
RANK_KEY = (_exactly(int), _exactly(int), float, _exactly(int), lambda v: str(UUID(v)))
