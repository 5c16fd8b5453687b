"""One answer to bad input, through the edge, from every service: an unknown field, a NUL character, a body that is
not JSON and a body in another content type each come back as problem details naming the field, never a 5xx, and
a problem names the public path it was called on (issue 13, item 6)."""

import json
import uuid

import pytest

PROBLEM = "application/problem+json"


def valid_bodies() -> dict[str, tuple[str, dict, str]]:
    """service -> (a create through the edge, a valid body for it, a text field of that body)."""
    tag = uuid.uuid4().hex[:8]
    return {
        "registration": ("/api/v1/patrons", {"name": "Ana Pérez", "email": f"ana.{tag}@example.org"}, "name"),
        "devices": ("/api/v1/devices", {"kind": "laptop", "asset_tag": f"LT-{tag}", "serial": f"SN-{tag}",
                                        "home_branch": "Central"}, "home_branch"),
        "partners": ("/api/v1/partners", {"name": f"Eastside Literacy Council {tag}", "kind": "community_organization",
                                          "contacts": [{"name": "Sam Lee", "role": "Coordinator",
                                                        "email": "sam@partner.example.org", "language": "en"}]}, "name"),
        "notifications": ("/api/v1/distribution-lists", {"name": f"Adult learners {tag}", "description": "Monthly"}, "name"),
    }


SERVICES = list(valid_bodies())


def named_fields(answer) -> list[str]:
    assert answer.headers["content-type"].startswith(PROBLEM), answer.text
    problem = answer.json()
    assert problem["status"] == answer.status_code
    return [error["field"] for error in problem.get("errors", [])]


@pytest.mark.parametrize("service", SERVICES)
async def test_an_unknown_field_is_refused_naming_it(staff, service):
    path, body, _ = valid_bodies()[service]
    answer = await staff.post(path, json={**body, "favourite_colour": "teal"})
    assert answer.status_code == 422, answer.text
    assert named_fields(answer) == ["favourite_colour"]
    assert answer.json()["instance"] == path


@pytest.mark.parametrize("service", SERVICES)
async def test_a_nul_character_is_refused_naming_the_field_that_holds_it(staff, service):
    path, body, field = valid_bodies()[service]
    answer = await staff.post(path, json={**body, field: "Central\x00Library"})
    assert answer.status_code == 422, answer.text
    assert named_fields(answer) == [field]


@pytest.mark.parametrize("service", SERVICES)
async def test_a_body_that_is_not_json_is_a_malformed_request(staff, service):
    path, body, _ = valid_bodies()[service]
    answer = await staff.post(path, content=json.dumps(body)[:-7].encode(), headers={"content-type": "application/json"})
    assert answer.status_code == 400, answer.text
    assert named_fields(answer) == ["body"]
    assert answer.json()["type"] == "urn:lantern:problem:malformed_json"
    assert answer.json()["instance"] == path  # the public path, never /internal/v1/...


@pytest.mark.parametrize("service", SERVICES)
@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded"])
async def test_json_sent_as_another_content_type_is_refused(staff, service, content_type):
    path, body, _ = valid_bodies()[service]
    answer = await staff.post(path, content=json.dumps(body).encode(), headers={"content-type": content_type})
    assert answer.status_code == 415, answer.text
    assert named_fields(answer) == ["body"]
    assert answer.json()["type"] == "urn:lantern:problem:unsupported_media_type"


@pytest.mark.parametrize("path,param", [
    ("/api/v1/patrons?email=ana%00@example.org", "email"),
    ("/api/v1/devices?home_branch=Central%00", "home_branch"),
    ("/api/v1/partners?q=literacy%00", "q"),
    ("/api/v1/deliveries?message=hello%00", "message"),
    ("/api/v1/patrons/abc%00def", "patron_id"),
    ("/api/v1/devices/abc%00def", "device_id"),
])
async def test_a_nul_character_in_a_query_or_path_parameter_names_the_parameter(staff, path, param):
    answer = await staff.get(path)
    assert answer.status_code == 422, answer.text
    assert named_fields(answer) == [param]


@pytest.mark.parametrize("params,field", [({"to": "0"}, "to"), ({"from": "0.5"}, "from")])
async def test_query_dates_are_iso_8601_not_numbers(staff, params, field):
    answer = await staff.get("/api/v1/sessions", params=params)
    assert answer.status_code == 422, answer.text
    assert named_fields(answer) == [field]


async def test_a_negative_device_count_in_a_reservation_names_devices(staff):
    answer = await staff.post("/api/v1/reservations", json={
        "partner_id": str(uuid.uuid4()), "starts_at": "2031-03-01T09:00:00Z", "ends_at": "2031-03-01T12:00:00Z",
        "devices": {"laptop": -2},
    })
    assert answer.status_code == 422, answer.text
    assert all(field.startswith("devices") for field in named_fields(answer)), answer.text


async def test_an_out_of_range_number_is_the_callers_422_not_a_server_error(staff):
    answer = await staff.get("/api/v1/directory/overdue", params={"older_than_days": "1219571337812"})
    assert answer.status_code == 422, answer.text
    assert named_fields(answer) == ["older_than_days"]


async def test_an_unsupported_method_is_a_405_naming_the_allowed_ones(staff):
    answer = await staff.request("TRACE", "/api/v1/agreements")
    assert answer.status_code == 405
    assert answer.headers["content-type"].startswith(PROBLEM)
    assert set(answer.headers["allow"].split(", ")) == {"GET"}
    answer = await staff.request("PUT", "/api/v1/patrons")
    assert set(answer.headers["allow"].split(", ")) == {"GET", "POST"}
