"""Public routes built from the policy: authenticate, authorise, confine, then forward to the owning service."""

import uuid
from collections.abc import Awaitable, Callable

from fastapi import APIRouter, FastAPI, Request, Response
from starlette._utils import get_route_path
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import Scope

from lantern_shared.problems import Problem, is_json, problem_response, unsupported_media_type

from .auth import Authenticator, Principal
from .confinement import Call
from .idempotency import IdempotencyKeys
from .patron_signin import forget
from .policy import RULES, Rule
from .upstream import OutcomeUnknown, Upstreams

IDEMPOTENCY_HEADER = "idempotency-key"


def forbidden(principal: Principal, rule: Rule) -> Problem:
    return Problem(403, "Forbidden", f"The {principal.role} role may not {rule.method} /api/v1{rule.path}.",
                   type="urn:lantern:problem:forbidden")


def authorize(app: FastAPI, request: Request, rule: Rule) -> Principal:
    authenticator: Authenticator = app.state.authenticator
    principal = authenticator.from_request(request)
    if principal.role not in rule.roles:
        raise forbidden(principal, rule)
    return principal


def _provider_endpoint(rule: Rule) -> Callable[[Request], Awaitable[Response]]:
    """A provider's webhook goes on untouched (its signature covers the exact parameters) with its signature."""
    assert rule.signed_by is not None
    header = rule.signed_by

    async def endpoint(request: Request) -> Response:
        upstreams: Upstreams = request.app.state.upstreams
        path = rule.internal_path.format(**Call(dict(request.path_params), [], b"").encoded_path_params)
        passed = {header: request.headers[header]} if header in request.headers else {}
        passed["content-type"] = request.headers.get("content-type", "application/x-www-form-urlencoded")
        return await upstreams.forward(rule.service, rule.method, path, body=await request.body(),
                                       actor=f"provider:{rule.service}", headers=passed)

    endpoint.__name__ = f"provider_{rule.path.strip('/').replace('/', '_').replace('{', '').replace('}', '')}"
    return endpoint


# Public paths without parameters: such a path is its own resource, never a value of a templated path beside it
# (GET /loans/emergency is not GET /loans/{loan_id} with the id "emergency"; POST is all /loans/emergency has).
LITERAL_PATHS = {f"/api/v1{r.path}" for r in RULES if "{" not in r.path}


def _endpoint(rule: Rule) -> Callable[[Request], Awaitable[Response]]:
    if rule.signed_by:
        return _provider_endpoint(rule)
    templated = "{" in rule.path

    async def endpoint(request: Request) -> Response:
        app = request.app
        if templated and request.url.path in LITERAL_PATHS:
            raise StarletteHTTPException(405)
        if rule.public and "authorization" not in request.headers:
            return await _forward_anonymously(request, rule)
        principal = authorize(app, request, rule)
        upstreams: Upstreams = app.state.upstreams
        call = Call(dict(request.path_params), list(request.query_params.multi_items()), await request.body())
        if call.body and not is_json(request.headers.get("content-type")):
            # The edge forwards bodies as JSON, so it refuses any other kind itself rather than relabel it.
            raise unsupported_media_type(request.headers.get("content-type"))
        confinement = rule.confine.get(principal.role)
        if confinement is not None:
            await confinement.apply(principal, call, upstreams, rule.service)
        bound = {rule.self_param: principal.bound_id} if rule.self_param else {}
        path = rule.internal_path.format(**{**call.encoded_path_params, **bound})
        actor = f"{principal.role}:{principal.subject}"

        async def send() -> Response:
            return await upstreams.forward(rule.service, rule.method, path, query=call.query,
                                           body=call.body or None, actor=actor,
                                           instance=request.url.path)

        key = request.headers.get(IDEMPOTENCY_HEADER)
        if rule.erases_patron:
            response = await send()
            if 200 <= response.status_code < 300:
                await forget(app.state.patron_signin, uuid.UUID(call.path_params[rule.erases_patron]))
            return response
        if rule.method != "POST" or key is None:
            return await send()
        keys: IdempotencyKeys = app.state.idempotency
        owner = f"{principal.role}:{principal.subject}"
        fingerprint = keys.fingerprint(rule.method, path, str(request.query_params), call.body)
        replay = await keys.claim(owner, key, rule.method, path, fingerprint)
        if replay is not None:
            return replay
        try:
            response = await send()
        except OutcomeUnknown as unknown:
            response = problem_response(unknown, request)
            await keys.complete(owner, key, response, outcome_unknown=True)
            return response
        except BaseException:
            await keys.release(owner, key)
            raise
        await keys.complete(owner, key, response)
        return response

    endpoint.__name__ = f"{rule.method.lower()}_{rule.path.strip('/').replace('/', '_').replace('{', '').replace('}', '')}"
    return endpoint


async def _forward_anonymously(request: Request, rule: Rule) -> Response:
    """A public read without a token: no one to confine, nothing to replay."""
    upstreams: Upstreams = request.app.state.upstreams
    call = Call(dict(request.path_params), list(request.query_params.multi_items()), b"")
    path = rule.internal_path.format(**call.encoded_path_params)
    return await upstreams.forward(rule.service, rule.method, path, query=call.query, body=None, actor="anonymous",
                                   instance=request.url.path)


class _FirstSegment(APIRouter):
    """The public routes under one first path segment, `/api/v1/<segment>`, which refuses any other path at once.

    FastAPI tries an application's routes one after another, and each try costs a few microseconds (it saves and
    restores its route context in the scope around every candidate). With ~180 forwarded routes in one list that
    was a third of the edge's CPU in a profile of the write-path bench; grouped by first segment, a request tries
    a dozen groups by a string prefix and then the few routes of its own group.
    """

    def __init__(self, segment: str) -> None:
        super().__init__(prefix="/api/v1")
        self._exact = f"/api/v1/{segment}"
        self._under = f"{self._exact}/"

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        path = get_route_path(scope)
        if path != self._exact and not path.startswith(self._under):
            return Match.NONE, {}
        return super().matches(scope)


def forwarding_router() -> APIRouter:
    groups: dict[str, _FirstSegment] = {}
    # Literal paths first, so a request to one never reaches a templated route of the same method.
    for rule in sorted(RULES, key=lambda r: "{" in r.path):
        segment = rule.path.split("/")[1]
        assert "{" not in segment, f"{rule.path}: a public path starts with a literal segment"
        group = groups.setdefault(segment, _FirstSegment(segment))
        group.add_api_route(rule.path, _endpoint(rule), methods=[rule.method], summary=rule.summary)
    router = APIRouter()
    for group in groups.values():
        router.include_router(group)
    return router
