"""Properties of the envelope parser, which every event from Kafka passes through first (poison included)."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from lantern_shared.envelope import CloudEvent, InvalidEnvelope, new_event, parse_event

TEXT = st.text(min_size=1, max_size=40)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
HEADERS = st.lists(st.tuples(st.text(max_size=20), st.binary(max_size=30)), max_size=6)


@given(type=TEXT, source=TEXT, key=TEXT, data=st.dictionaries(st.text(max_size=10), JSON, max_size=5),
       subject=st.none() | TEXT)
def test_whatever_we_publish_reads_back_as_the_same_event(type, source, key, data, subject):
    event = new_event(type=type, source=source, key=key, data=data, subject=subject)
    assert parse_event(event.to_bytes(), [("content-type", b"application/cloudevents+json")]) == event


@settings(max_examples=300)
@given(value=st.none() | st.binary(max_size=200), headers=HEADERS)
def test_arbitrary_bytes_and_headers_are_read_or_refused_with_a_reason_never_anything_else(value, headers):
    try:
        event = parse_event(value, headers)
    except InvalidEnvelope as refused:
        assert str(refused)
    else:
        assert isinstance(event, CloudEvent) and event.id and event.type and event.source


@settings(max_examples=200)
@given(body=st.dictionaries(st.sampled_from(["specversion", "id", "source", "type", "data", "time"]), JSON, max_size=6))
def test_json_objects_missing_or_mistyping_attributes_are_refused_with_a_reason(body):
    try:
        event = parse_event(json.dumps(body).encode())
    except InvalidEnvelope as refused:
        assert str(refused)
    else:
        assert body.get("specversion") == "1.0" and event.id == body["id"] and event.type == body["type"]


@given(attrs=st.fixed_dictionaries({"ce_id": TEXT, "ce_source": TEXT, "ce_type": TEXT}), data=JSON)
def test_binary_mode_carries_the_same_attributes_as_structured_mode(attrs, data):
    headers = [("ce_specversion", b"1.0"), ("content-type", b"application/json")]
    headers += [(name, value.encode()) for name, value in attrs.items()]
    event = parse_event(json.dumps(data).encode(), headers)
    assert (event.id, event.source, event.type, event.data) == (attrs["ce_id"], attrs["ce_source"], attrs["ce_type"], data)
