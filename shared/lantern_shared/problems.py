"""RFC 9457 problem details: the one error shape of every HTTP API in Lantern."""

from typing import Any

import asyncpg
import asyncpg.exceptions._base as asyncpg_base

from fastapi import FastAPI, Request
from fastapi.routing import iter_route_contexts
from starlette.routing import compile_path
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from .refusals import Kind, Refusal

PROBLEM_JSON = "application/problem+json"


class Problem(Exception):
    """Raise from a handler or route to answer with a problem-details response."""

    def __init__(self, status: int, title: str, detail: str | None = None, *, type: str = "about:blank", **extra: Any):
        super().__init__(detail or title)
        self.status = status
        self.title = title
        self.detail = detail
        self.type = type
        self.extra = extra

    def body(self, instance: str | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {"type": self.type, "title": self.title, "status": self.status}
        if self.detail:
            body["detail"] = self.detail
        if instance:
            body["instance"] = instance
        body.update(self.extra)
        return body


def problem_response(problem: Problem, request: Request) -> JSONResponse:
    return JSONResponse(problem.body(request.url.path), status_code=problem.status, media_type=PROBLEM_JSON)


_REFUSAL_STATUS = {Kind.NOT_FOUND: (404, "Not found"), Kind.CONFLICT: (409, "Conflict"),
                   Kind.INVALID: (422, "Invalid request"), Kind.FORBIDDEN: (403, "Forbidden")}


def refusal_problem(refusal: Refusal) -> Problem:
    """The one mapping of a refusal to problem details: its reason is the type's last part and a `reason` member."""
    status, title = _REFUSAL_STATUS[refusal.kind]
    extra = dict(refusal.extra)
    if refusal.field is not None:
        extra["errors"] = [{"field": refusal.field, "message": refusal.detail}]
    detail = refusal.detail if refusal.kind is not Kind.INVALID else f"These fields are invalid: {refusal.field}"
    return Problem(status, title, detail, type=f"urn:lantern:problem:{refusal.reason}", reason=refusal.reason, **extra)


def field_errors(errors: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Pydantic errors as {field, message}; the location prefix (body, query, path) is dropped."""
    named = []
    for error in errors:
        loc = [str(p) for p in error.get("loc", ())]
        if loc and loc[0] in {"body", "query", "path", "header"}:
            loc = loc[1:]
        named.append({"field": ".".join(loc) or "body", "message": error.get("msg", "invalid")})
    return named


def malformed_json(error: dict[str, Any]) -> Problem:
    """A body sent as JSON that does not parse: the request is malformed (400), not a field's value (422)."""
    where = error.get("loc", ("body", 0))[-1]
    reason = (error.get("ctx") or {}).get("error", "not JSON")
    message = f"is not valid JSON ({reason} at character {where})"
    return Problem(400, "Malformed request", f"The body {message}.", type="urn:lantern:problem:malformed_json",
                   reason="malformed_json", errors=[{"field": "body", "message": message}])


def unsupported_media_type(content_type: str | None) -> Problem:
    """A body in any other content type than JSON, on a route that reads JSON."""
    given = content_type or "no content type"
    return Problem(415, "Unsupported media type", f"The body must be application/json, not {given}.",
                   type="urn:lantern:problem:unsupported_media_type", reason="unsupported_media_type",
                   errors=[{"field": "body", "message": "must be sent as application/json"}])


def is_json(content_type: str | None) -> bool:
    media = (content_type or "").split(";", 1)[0].strip().lower()
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


def allowed_methods(request: Request) -> str:
    """Every method some route answers on this path. A path that is a route's literal path (/loans/emergency) is
    that resource alone, not also a value of a templated one (/loans/{loan_id}), as OpenAPI reads paths."""
    path = request.scope["path"]
    matching: list[tuple[bool, set[str]]] = []  # (literal, methods) of each route whose path matches
    for route in iter_route_contexts(request.app.routes):  # through included routers, prefixes applied
        if not route.path or not route.methods:
            continue
        regex, _, convertors = compile_path(route.path)
        if regex.match(path):
            matching.append((not convertors, set(route.methods)))
    chosen = [methods for literal, methods in matching if literal] or [methods for _, methods in matching]
    return ", ".join(sorted(set().union(*chosen)))


def _parameter_holding(request: Request, message: str) -> str:
    """The query or path parameter a range error came from: the one the message names the value of, else the
    number furthest from zero (what overflows), else the query as a whole."""
    given = [*request.path_params.items(), *request.query_params.multi_items()]
    for name, value in given:
        if value and value in message:
            return name
    numbers = []
    for name, value in given:
        try:
            numbers.append((abs(float(value)), name))
        except ValueError:
            continue
    if numbers:
        return max(numbers)[1]
    return "query" if request.query_params else "body"


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(Problem)
    async def _problem(request: Request, exc: Problem) -> JSONResponse:
        return problem_response(exc, request)

    @app.exception_handler(Refusal)
    async def _refused(request: Request, exc: Refusal) -> JSONResponse:
        return problem_response(refusal_problem(exc), request)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        raw = list(exc.errors())
        unreadable = next((e for e in raw if e.get("type") == "json_invalid"), None)
        if unreadable is not None:
            return problem_response(malformed_json(unreadable), request)
        errors = field_errors(raw)
        fields = ", ".join(e["field"] for e in errors)
        problem = Problem(
            422, "Invalid request", f"These fields are invalid: {fields}",
            type="urn:lantern:problem:validation", errors=errors,
        )
        return problem_response(problem, request)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        response = problem_response(Problem(exc.status_code, _title(exc.status_code), str(exc.detail)), request)
        response.headers.update(exc.headers or {})
        if exc.status_code == 405:
            # RFC 9110: a 405 names every method the resource has, not only those of the first route Starlette met.
            response.headers["Allow"] = allowed_methods(request)
        return response

    async def _unstorable(request: Request, _exc: Exception) -> JSONResponse:
        # A NUL character (\u0000) in any text: PostgreSQL cannot store it, so it is the caller's input to fix.
        # In a text column it is CharacterNotInRepertoire; inside jsonb (a kit's contents) UntranslatableCharacter.
        problem = Problem(422, "Invalid request", "Text may not contain NUL (\\u0000) characters.",
                          type="urn:lantern:problem:validation",
                          errors=[{"field": "body", "message": "contains a NUL character"}])
        return problem_response(problem, request)

    app.add_exception_handler(asyncpg.CharacterNotInRepertoireError, _unstorable)
    app.add_exception_handler(asyncpg.UntranslatableCharacterError, _unstorable)

    async def _out_of_range(request: Request, exc: Exception) -> JSONResponse:
        # A value the API's types let through but the database cannot hold (a day count beyond an interval, a
        # number beyond int4): the caller's input, refused as one. Routes should bound their parameters so this
        # is a last guard, not the way values are checked.
        field = _parameter_holding(request, str(exc))
        problem = Problem(422, "Invalid request", f"These fields are invalid: {field}",
                          type="urn:lantern:problem:validation",
                          errors=[{"field": field, "message": "is out of the range this API can store"}])
        return problem_response(problem, request)

    app.add_exception_handler(asyncpg.DataError, _out_of_range)  # SQLSTATE class 22, raised by PostgreSQL
    app.add_exception_handler(asyncpg_base.DataError, _out_of_range)  # a parameter asyncpg cannot encode
    app.add_exception_handler(OverflowError, _out_of_range)  # timedelta(days=...) and the like, from a parameter

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, _exc: Exception) -> JSONResponse:
        return problem_response(Problem(500, "Internal error", "The request could not be completed."), request)


def _title(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"
