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


def test_a_row_that_vanished_under_a_lock_is_not_found():
    import pytest

    from lantern_shared.problems import refusal_problem
    from lantern_shared.refusals import Refusal, present

    assert present(0, "session", "s1") == 0  # found, however falsy
    with pytest.raises(Refusal) as refused:
        present(None, "session", "s1")
    problem = refusal_problem(refused.value)
    assert problem.status == 404 and refused.value.reason == "not_found" and "session s1" in refused.value.detail


def test_a_nul_character_postgresql_cannot_store_in_jsonb_is_the_callers_422_not_a_server_error():
    answer = client.post("/internal/v1/bookings", json={"seats": 1, "name": "kit with a NUL"}, headers=TOKEN)
    assert answer.status_code == 422
    assert answer.json()["errors"] == [{"field": "body", "message": "contains a NUL character"}]


# ---- one answer to bad input (issue 13, item 6): every service's app and the edge answer the same way ----

def make_guarded_app() -> FastAPI:
    """As create_service_app builds it: the problem handlers and the request guard on every route."""

    from fastapi import Depends, Query

    from lantern_shared.fields import IsoDate, IsoDateTime
    from lantern_shared.http import request_guard
    from lantern_shared.models import RequestModel

    class Note(RequestModel):
        text: str

    app = FastAPI(dependencies=[Depends(request_guard)])
    install_problem_handlers(app)

    @app.post("/notes")
    async def add(note: Note) -> dict:
        return {"text": note.text}

    @app.get("/notes")
    async def find(q: str = "", since: IsoDateTime | None = None, on: IsoDate | None = None) -> dict:
        return {"q": q, "since": since and since.isoformat(), "on": on and on.isoformat()}

    @app.delete("/notes/{note_id}")
    async def forget(note_id: str) -> dict:
        return {}

    @app.get("/overdue")
    async def overdue(older_than_days: int = Query(...)) -> dict:
        # what asyncpg raises when a parameter does not fit the column's type
        import asyncpg.exceptions._base as base
        raise base.DataError(f"invalid input for query argument $1: {older_than_days} (value out of int32 range)")

    @app.get("/interval")
    async def interval(days: int) -> dict:
        raise asyncpg.IntervalFieldOverflowError("interval out of range")

    return app


guarded = TestClient(make_guarded_app(), raise_server_exceptions=False)


def problem_of(answer) -> dict:
    assert answer.headers["content-type"] == "application/problem+json", answer.text
    return answer.json()


def test_a_body_that_is_not_json_is_a_400_malformed_request_naming_the_body():
    answer = guarded.post("/notes", content=b'{"text": "half', headers={"content-type": "application/json"})
    assert answer.status_code == 400
    body = problem_of(answer)
    assert body["type"] == "urn:lantern:problem:malformed_json" and body["title"] == "Malformed request"
    assert [e["field"] for e in body["errors"]] == ["body"]


def test_a_json_body_sent_as_another_content_type_is_a_415():
    for content_type in ("text/plain", "application/x-www-form-urlencoded", None):
        headers = {"content-type": content_type} if content_type else {}
        answer = guarded.post("/notes", content=b'{"text": "hello"}', headers=headers)
        assert answer.status_code == 415, (content_type, answer.text)
        assert problem_of(answer)["type"] == "urn:lantern:problem:unsupported_media_type"
    assert guarded.post("/notes", content=b'{"text": "hi"}', headers={"content-type": "application/json; charset=utf-8"}).status_code == 200
    assert guarded.post("/notes", content=b'{"text": "hi"}', headers={"content-type": "application/merge-patch+json"}).status_code == 200


def test_a_nul_character_names_the_field_body_query_or_path_parameter_that_holds_it():
    body = problem_of(guarded.post("/notes", json={"text": "a\x00b"}))
    assert [e["field"] for e in body["errors"]] == ["text"]
    answer = guarded.get("/notes", params={"q": "a\x00b"})
    assert answer.status_code == 422 and [e["field"] for e in problem_of(answer)["errors"]] == ["q"]
    answer = guarded.delete("/notes/a%00b")
    assert answer.status_code == 422 and [e["field"] for e in problem_of(answer)["errors"]] == ["note_id"]


def test_unknown_fields_are_refused_naming_them():
    answer = guarded.post("/notes", json={"text": "hi", "colour": "red"})
    assert answer.status_code == 422 and [e["field"] for e in problem_of(answer)["errors"]] == ["colour"]


def test_a_405_names_every_method_the_resource_has():
    answer = guarded.request("TRACE", "/notes")
    assert answer.status_code == 405
    assert problem_of(answer)["status"] == 405
    assert set(answer.headers["allow"].split(", ")) == {"GET", "POST"}
    assert set(guarded.put("/notes/1").headers["allow"].split(", ")) == {"DELETE"}


def test_a_number_the_database_cannot_hold_is_the_callers_422_naming_the_parameter():
    answer = guarded.get("/overdue", params={"older_than_days": "1219571337812"})
    assert answer.status_code == 422
    assert problem_of(answer)["errors"][0]["field"] == "older_than_days"
    answer = guarded.get("/interval", params={"days": "99999999"})  # PostgreSQL's message names no value
    assert answer.status_code == 422 and problem_of(answer)["errors"][0]["field"] == "days"


def test_query_dates_are_iso_8601_never_numbers():
    for params in ({"since": "0"}, {"since": "0.5"}, {"since": "2026-12-03T17:00:00"}, {"on": "0"}, {"on": "20261203"}):
        answer = guarded.get("/notes", params=params)
        assert answer.status_code == 422, (params, answer.text)
        assert [e["field"] for e in problem_of(answer)["errors"]] == list(params)
    ok = guarded.get("/notes", params={"since": "2026-12-03T17:00:00-08:00", "on": "2026-12-03"})
    assert ok.status_code == 200 and ok.json()["on"] == "2026-12-03"


def test_shared_types_state_in_their_schema_what_they_enforce():
    import re

    from pydantic import TypeAdapter

    from lantern_shared.fields import LanguageTag, PhoneNumber, TimeZoneName
    from lantern_shared.pagination import CURSOR_PATTERN, encode_cursor

    tag = TypeAdapter(LanguageTag).json_schema()["pattern"]
    assert all(re.match(tag, t) for t in ("en", "es-MX", "zh-Hant", "sr-Latn-RS"))
    assert not any(re.match(tag, t) for t in ("", "english!", "e"))
    assert "pattern" in TypeAdapter(PhoneNumber).json_schema()
    assert "America/Los_Angeles" in TypeAdapter(TimeZoneName).json_schema()["enum"]
    assert re.match(CURSOR_PATTERN, encode_cursor(["2026-12-03T17:00:00+00:00", "a1b2"]))


def test_a_request_body_takes_booleans_whole_numbers_and_dates_only_as_their_json_types():
    from datetime import date, time

    import pytest
    from pydantic import ValidationError

    from lantern_shared.models import RequestModel

    class Device(RequestModel):
        emergency_pool: bool | None = None
        verified_on: date | None = None
        opens_at: time | None = None
        count: int = 1

    assert Device(emergency_pool=True, verified_on="2026-12-03", count=2).count == 2
    assert Device(count=2.0).count == 2 and Device(opens_at="21:00").opens_at == time(21)  # one JSON number: JSON Schema's "integer" includes 2.0
    for wrong in ({"emergency_pool": 0}, {"emergency_pool": "true"}, {"verified_on": 0}, {"opens_at": 0}, {"count": "2"}, {"count": 2.5}):
        with pytest.raises(ValidationError) as refused:
            Device(**wrong)
        assert [e["loc"] for e in refused.value.errors()] == [tuple(wrong)]


def test_a_request_body_list_takes_its_items_only_as_their_json_types():
    from datetime import date

    import pytest
    from pydantic import ValidationError

    from lantern_shared.models import RequestModel

    class Changes(RequestModel):  # a series change's skipped dates: [0] once became 1970-01-01 (stateful fuzzing)
        add_exdates: list[date] = []
        weekdays: list[int] | None = None

    assert Changes(add_exdates=["2027-03-23"], weekdays=[1, 2.0]).add_exdates == [date(2027, 3, 23)]
    for wrong, said in (({"add_exdates": ["2027-03-23", 0]}, "item 1 "), ({"weekdays": ["1"]}, "item 0 ")):
        with pytest.raises(ValidationError) as refused:
            Changes(**wrong)
        assert [e["loc"] for e in refused.value.errors()] == [tuple(wrong)]
        assert said in refused.value.errors()[0]["msg"]


def test_routers_included_with_a_prefix_still_name_their_methods_on_a_405_and_literal_paths_stand_alone():
    from fastapi import APIRouter

    api = APIRouter(prefix="/api/v1")

    @api.post("/loans/emergency")
    async def emergency() -> dict:
        return {}

    @api.get("/loans/{loan_id}")
    async def loan(loan_id: str) -> dict:
        return {}

    @api.get("/loans")
    async def loans() -> dict:
        return {}

    app = FastAPI()
    install_problem_handlers(app)
    app.include_router(api)
    client = TestClient(app)
    assert client.request("TRACE", "/api/v1/loans").headers["allow"] == "GET"
    assert client.put("/api/v1/loans/emergency").headers["allow"] == "POST"
    assert client.put("/api/v1/loans/42").headers["allow"] == "GET"


def test_an_overflow_from_a_parameter_is_the_callers_422():
    from datetime import timedelta

    app = FastAPI()
    install_problem_handlers(app)

    @app.get("/overdue")
    async def overdue(older_than_days: int) -> dict:
        return {"since": str(timedelta(days=older_than_days))}

    answer = TestClient(app, raise_server_exceptions=False).get("/overdue", params={"older_than_days": 1219571337812})
    assert answer.status_code == 422 and answer.json()["errors"][0]["field"] == "older_than_days"
