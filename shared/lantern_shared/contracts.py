"""Event contracts: each event's data is a pydantic model with a type, a topic and a schema version."""

import builtins
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict

M = TypeVar("M", bound=BaseModel)


class EventData(BaseModel):
    """Base of every event's data. Readers ignore fields they do not know (tolerant reader)."""

    model_config = ConfigDict(extra="ignore", frozen=True)


@dataclass(frozen=True)
class EventContract(Generic[M]):
    type: str  # lantern.<entity>.<event>
    model: builtins.type[M]  # `type` is also the name of the field above
    topic: str  # lantern.<service>.<entity>
    version: int = 1
    # Personal data (dotted paths into the data) sealed with the data subject's key (lantern_shared.sealing), and
    # the field naming the patron whose key that is. Every contract carrying a name or contact point declares them.
    personal: tuple[str, ...] = ()
    data_subject: str = "patron_id"

    @property
    def dataschema(self) -> str:
        return f"urn:lantern:schema:{self.type}:v{self.version}"

    def json_schema(self) -> dict[str, Any]:
        schema = self.model.model_json_schema(mode="serialization")
        schema["$id"] = self.dataschema
        return schema


def topic_name(service: str, entity: str) -> str:
    return f"lantern.{service}.{entity}"


def dlq_topic(service: str) -> str:
    return f"lantern.{service}.dlq"


def inbound_topic(stream: str) -> str:
    return f"lantern.inbound.{stream}"
