"""What every part of the internal API shares: its dependencies, who acts, problem details, cursors."""

import contextlib
from collections.abc import Callable, Iterator
from typing import Any
from uuid import UUID

from fastapi import Header, Request

from lantern_shared.pagination import PageRequest
from lantern_shared.problems import Problem

from .. import handlers, hsds
from ..domain import RuleBroken


CONFLICT = "urn:lantern:problem:conflict"
ACTOR_HEADER = "X-Lantern-Actor"


async def actor(x_lantern_actor: str = Header("unspecified", alias=ACTOR_HEADER, max_length=200)) -> str:
    """Who acts, as the edge forwards it (e.g. `staff:<id>`), kept with status changes, agreements and referrals."""
    return x_lantern_actor


@contextlib.contextmanager
def answers() -> Iterator[None]:
    """Domain refusals become problem details: 404 for what is not there, 409 naming the rule, 422 for bad HSDS."""
    try:
        yield
    except handlers.NotFound as exc:
        raise Problem(404, "Not found", str(exc)) from exc
    except RuleBroken as exc:
        raise Problem(409, "Conflict", exc.detail, type=CONFLICT, reason=exc.reason) from exc
    except handlers.RecordConflict as exc:
        raise Problem(409, "Conflict", "; ".join(exc.problems), type=CONFLICT, reason="ids belong to another organization",
                      problems=exc.problems) from exc
    except hsds.HsdsRejected as exc:
        raise Problem(422, "Invalid HSDS organization", "; ".join(exc.problems),
                      type="urn:lantern:problem:validation", problems=exc.problems) from exc


def keyset(page: PageRequest, *parsers: Callable[[Any], Any]) -> tuple | None:
    """The cursor's sort key, each part read back into its type; a cursor this API did not issue is a 422."""
    if page.after is None:
        return None
    try:
        if len(page.after) != len(parsers):
            raise ValueError("wrong length")
        return tuple(parse(value) for parse, value in zip(parsers, page.after, strict=True))
    except (TypeError, ValueError) as exc:
        raise Problem(422, "Invalid request", "cursor is not one this API issued", type="urn:lantern:problem:validation",
                      errors=[{"field": "cursor", "message": "invalid cursor"}]) from exc


def _exactly(kind: type) -> Callable[[Any], Any]:
    def parse(value: Any) -> Any:
        if type(value) is not kind:
            raise TypeError(f"expected {kind.__name__}")
        return value

    return parse


RANK_KEY = (_exactly(int), _exactly(int), float, _exactly(int), lambda v: str(UUID(v)))


def runtime(request: Request):
    return request.app.state.runtime


def clock(request: Request):
    return request.app.state.clock


def metrics(request: Request):
    return request.app.state.partner_metrics


def settings(request: Request):
    return request.app.state.runtime.settings
