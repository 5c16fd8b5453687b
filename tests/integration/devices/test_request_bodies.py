"""Request bodies are strict: an unknown field is refused naming it (it used to be silently dropped), and a bad count
in a reservation names the field it is in."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest

LATER = datetime.now(UTC) + timedelta(days=400)


@pytest.mark.parametrize("method,path,body", [
    ("post", "/internal/v1/devices",
     {"kind": "hotspot", "asset_tag": "X-1", "serial": "SN-X-1", "home_branch": "central", "colour": "red"}),
    ("post", "/internal/v1/loans", {"borrower_id": str(uuid.uuid4()), "kind": "laptop", "colour": "red"}),
    ("post", "/internal/v1/reservations",
     {"partner_id": str(uuid.uuid4()), "starts_at": LATER.isoformat(), "ends_at": (LATER + timedelta(hours=2)).isoformat(),
      "devices": {"laptop": 1}, "colour": "red"}),
    ("put", f"/internal/v1/borrowers/{uuid.uuid4()}/block", {"reason": "lost two hotspots", "colour": "red"}),
])
async def test_an_unknown_field_is_refused_by_name(library, method, path, body):
    answer = await library.client.request(method.upper(), path, json=body)

    assert answer.status_code == 422, answer.text
    assert answer.json()["type"] == "urn:lantern:problem:validation"
    assert [e["field"] for e in answer.json()["errors"]] == ["colour"]


async def test_a_kit_list_line_with_an_unknown_field_is_refused_by_its_path(library):
    answer = await library.client.post("/internal/v1/devices", json={
        "kind": "training_kit", "asset_tag": "KIT-X", "serial": "SN-KIT-X", "home_branch": "central",
        "contents": [{"item": "laptop", "count": 2, "colour": "red"}]})

    assert answer.status_code == 422
    assert [e["field"] for e in answer.json()["errors"]] == ["contents.0.colour"]


async def test_a_negative_count_in_a_reservation_names_the_devices_field(library):
    answer = await library.client.post("/internal/v1/reservations", json={
        "partner_id": str(uuid.uuid4()), "starts_at": LATER.isoformat(),
        "ends_at": (LATER + timedelta(hours=2)).isoformat(), "devices": {"laptop": 2, "hotspot": -1}})

    assert answer.status_code == 422
    assert [e["field"] for e in answer.json()["errors"]] == ["devices.hotspot"]
    assert "greater than or equal to 1" in answer.json()["errors"][0]["message"]
