"""How routes reach a service's one dependency object: `create_app` builds it and hands it to
`create_service_app(deps=...)`; each service's `deps.py` declares `Needs = Annotated[Deps, Depends(deps_of)]`."""

from typing import Any

from fastapi import Request


async def deps_of(request: Request) -> Any:
    # async: a plain `def` dependency would run in a worker thread, a hop on every request
    return request.app.state.deps
