"""CloudEvents 1.0 envelope: structured JSON mode out; structured or binary (`ce_*` headers) mode in."""

import json
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

STRUCTURED_CONTENT_TYPE = "application/cloudevents+json"
_ATTRIBUTES = (
    "specversion", "id", "source", "type", "time", "subject",
    "datacontenttype", "dataschema", "partitionkey", "correlationid", "traceparent",
)


class InvalidEnvelope(ValueError):
    """The bytes on the wire are not a CloudEvent we can read (a poison message)."""


class CloudEvent(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)

    specversion: str = Field(default="1.0", pattern=r"^1\.0$")
    id: str = Field(min_length=1)
    source: str = Field(min_length=1)
    type: str = Field(min_length=1)
    time: datetime | None = None
    subject: str | None = None
    datacontenttype: str | None = "application/json"
    dataschema: str | None = None
    partitionkey: str | None = None
    correlationid: str | None = None
    traceparent: str | None = None
    data: Any = None

    def to_bytes(self) -> bytes:
        """Structured mode: the whole event is the Kafka record value."""
        return json.dumps(self.model_dump(mode="json", exclude_none=True), separators=(",", ":")).encode()


def new_event(
    *,
    type: str,
    source: str,
    data: BaseModel | dict[str, Any],
    key: str,
    subject: str | None = None,
    dataschema: str | None = None,
    correlation_id: str | None = None,
    traceparent: str | None = None,
) -> CloudEvent:
    payload = data.model_dump(mode="json") if isinstance(data, BaseModel) else data
    return CloudEvent(
        id=str(uuid.uuid4()),
        source=source,
        type=type,
        time=datetime.now(UTC),
        subject=subject,
        dataschema=dataschema,
        partitionkey=key,
        correlationid=correlation_id,
        traceparent=traceparent,
        data=payload,
    )


def parse_event(value: bytes | None, headers: Iterable[tuple[str, bytes]] = ()) -> CloudEvent:
    """Read a Kafka record as a CloudEvent, in binary mode when `ce_specversion` is a header, else structured."""
    try:
        decoded = {name.lower(): raw.decode() for name, raw in headers if raw is not None}
    except UnicodeDecodeError as exc:
        raise InvalidEnvelope("a header is not UTF-8") from exc
    try:
        if "ce_specversion" in decoded:
            return _parse_binary(value, decoded)
        return _parse_structured(value)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'event'}: {e['msg']}" for e in exc.errors())
        raise InvalidEnvelope(f"not a valid CloudEvent: {problems}") from exc


def _parse_structured(value: bytes | None) -> CloudEvent:
    if not value:
        raise InvalidEnvelope("empty message")
    # The common case in one pass of pydantic's JSON parser (about twice as fast as json.loads, then validate);
    # anything it refuses is read again below, slowly, to say precisely what is wrong.
    try:
        event = CloudEvent.model_validate_json(value)
    except ValidationError:
        pass
    else:
        if "specversion" in event.model_fields_set:
            return event
    try:
        body = json.loads(value)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InvalidEnvelope(f"not JSON: {exc}") from exc
    if not isinstance(body, dict):
        raise InvalidEnvelope("not a JSON object")
    if "specversion" not in body:
        raise InvalidEnvelope("no specversion: not a CloudEvent")
    return CloudEvent.model_validate(body)


def _parse_binary(value: bytes | None, headers: dict[str, str]) -> CloudEvent:
    attrs: dict[str, Any] = {k[3:]: v for k, v in headers.items() if k.startswith("ce_")}
    content_type = headers.get("content-type", "application/json")
    attrs["datacontenttype"] = content_type
    if value is None:
        attrs["data"] = None
    elif "json" in content_type:
        try:
            attrs["data"] = json.loads(value)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise InvalidEnvelope(f"data is not JSON: {exc}") from exc
    else:
        raise InvalidEnvelope(f"unsupported datacontenttype {content_type!r}")
    return CloudEvent.model_validate(attrs)
