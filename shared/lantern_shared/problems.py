"""RFC 9457 problem details: the one error shape of every HTTP API in Lantern."""

from typing import Any

import asyncpg

from fastapi import FastAPI, Request
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


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(Problem)
    async def _problem(request: Request, exc: Problem) -> JSONResponse:
        return problem_response(exc, request)

    @app.exception_handler(Refusal)
    async def _refused(request: Request, exc: Refusal) -> JSONResponse:
        return problem_response(refusal_problem(exc), request)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = field_errors(list(exc.errors()))
        fields = ", ".join(e["field"] for e in errors)
        problem = Problem(
            422, "Invalid request", f"These fields are invalid: {fields}",
            type="urn:lantern:problem:validation", errors=errors,
        )
        return problem_response(problem, request)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return problem_response(Problem(exc.status_code, _title(exc.status_code), str(exc.detail)), request)

    async def _unstorable(request: Request, exc: asyncpg.DataError) -> JSONResponse:
        # A NUL character (\u0000) in any text: PostgreSQL cannot store it, so it is the caller's input to fix.
        # In a text column it is CharacterNotInRepertoire; inside jsonb (a kit's contents) UntranslatableCharacter.
        problem = Problem(422, "Invalid request", "Text may not contain NUL (\\u0000) characters.",
                          type="urn:lantern:problem:validation",
                          errors=[{"field": "body", "message": "contains a NUL character"}])
        return problem_response(problem, request)

    app.add_exception_handler(asyncpg.CharacterNotInRepertoireError, _unstorable)
    app.add_exception_handler(asyncpg.UntranslatableCharacterError, _unstorable)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        return problem_response(Problem(500, "Internal error", "The request could not be completed."), request)


def _title(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"
