"""Every HTTP error is RFC 9457 problem details; validation errors name each field."""

import asyncpg
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel, Field

from lantern_shared.http import internal_router
from lantern_shared.problems import Problem, install_problem_handlers


class Booking(BaseModel):
    seats: int = Field(gt=0)
    name: str


def make_app() -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)
    api = internal_router("secret")

    @api.post("/bookings")
    async def book(booking: Booking) -> dict:
        if booking.name == "full":
            raise Problem(409, "Conflict", "The session is full.", waitlist_position=3)
        if booking.name == "kit with a NUL":  # what PostgreSQL raises for \u0000 inside a jsonb value
            raise asyncpg.UntranslatableCharacterError("unsupported Unicode escape sequence")
        return {"ok": True}

    app.include_router(api)
    return app


client = TestClient(make_app(), raise_server_exceptions=False)
TOKEN = {"X-Lantern-Internal-Token": "secret"}


def test_validation_errors_name_each_field():
    answer = client.post("/internal/v1/bookings", json={"seats": 0}, headers=TOKEN)
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    body = answer.json()
    assert {e["field"] for e in body["errors"]} == {"seats", "name"}
    assert body["status"] == 422 and body["instance"] == "/internal/v1/bookings"


def test_a_domain_problem_keeps_its_status_and_extensions():
    answer = client.post("/internal/v1/bookings", json={"seats": 1, "name": "full"}, headers=TOKEN)
    assert answer.status_code == 409
    assert answer.json()["detail"] == "The session is full." and answer.json()["waitlist_position"] == 3


def test_internal_routes_refuse_a_missing_or_wrong_credential():
    assert client.post("/internal/v1/bookings", json={"seats": 1, "name": "a"}).status_code == 401
    wrong = client.post("/internal/v1/bookings", json={"seats": 1, "name": "a"}, headers={"X-Lantern-Internal-Token": "guess"})
    assert wrong.status_code == 401 and wrong.headers["content-type"] == "application/problem+json"


def test_unknown_routes_are_problems_too():
    answer = client.get("/nowhere")
    assert answer.status_code == 404 and answer.json()["title"] == "Not Found"


def test_pages_carry_a_cursor_until_the_last_one():
    from lantern_shared.pagination import decode_cursor, make_page

    first = make_page([1, 2, 3], 2, lambda n: [n])
    assert first.items == [1, 2] and decode_cursor(first.next_cursor) == [2]
    assert make_page([3], 2, lambda n: [n]).next_cursor is None


def test_a_forged_cursor_is_a_validation_problem():
    import pytest

    from lantern_shared.pagination import decode_cursor
    from lantern_shared.problems import refusal_problem
    from lantern_shared.refusals import Refusal

    with pytest.raises(Refusal) as refused:
        decode_cursor("not-base64-json!")
    problem = refusal_problem(refused.value)
    assert problem.status == 422 and problem.extra["errors"][0]["field"] == "cursor"


def test_a_nul_character_postgresql_cannot_store_in_jsonb_is_the_callers_422_not_a_server_error():
    answer = client.post("/internal/v1/bookings", json={"seats": 1, "name": "kit with a NUL"}, headers=TOKEN)
    assert answer.status_code == 422
    assert answer.json()["errors"] == [{"field": "body", "message": "contains a NUL character"}]
