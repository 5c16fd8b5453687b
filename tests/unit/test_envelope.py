"""The CloudEvents envelope: structured mode out, structured or binary mode in, poison recognised."""

import json

import pytest

from lantern_shared.envelope import InvalidEnvelope, new_event, parse_event


def test_an_event_round_trips_in_structured_mode():
    event = new_event(type="lantern.patron.enrolled", source="/lantern/registration", key="p1",
                      data={"patron_id": "p1"}, subject="patrons/p1", correlation_id="c-1")
    wire = json.loads(event.to_bytes())
    assert wire["specversion"] == "1.0" and wire["partitionkey"] == "p1" and wire["correlationid"] == "c-1"
    assert parse_event(event.to_bytes()) == event


def test_binary_mode_reads_attributes_from_ce_headers():
    event = parse_event(b'{"a": 1}', [
        ("ce_specversion", b"1.0"), ("ce_id", b"42"), ("ce_source", b"/kiosk/3"), ("ce_type", b"lantern.checkin.recorded"),
        ("ce_partitionkey", b"s-9"), ("content-type", b"application/json"),
    ])
    assert (event.id, event.source, event.type, event.partitionkey, event.data) == ("42", "/kiosk/3", "lantern.checkin.recorded", "s-9", {"a": 1})


@pytest.mark.parametrize("raw,reason", [
    (b"", "empty"),
    (b"{not json", "not JSON"),
    (b"[1, 2]", "not a JSON object"),
    (b'{"id": "1"}', "no specversion"),
    (b'{"specversion": "1.0", "id": "1", "source": "/x"}', "type"),
    (b'{"specversion": "0.3", "id": "1", "source": "/x", "type": "t"}', "specversion"),
])
def test_what_is_not_a_cloudevent_is_refused_with_a_reason(raw, reason):
    with pytest.raises(InvalidEnvelope, match=reason):
        parse_event(raw)


def test_binary_mode_with_a_non_utf8_header_is_refused():
    with pytest.raises(InvalidEnvelope, match="UTF-8"):
        parse_event(b"{}", [("ce_specversion", b"1.0"), ("ce_id", b"\xff\xfe")])
